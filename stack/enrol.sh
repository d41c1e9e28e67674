# shellcheck shell=bash
# stack/enrol.sh, sourced by ./setpoint: the device command, enrolment codes through the running
# app's enrolment API (ingest's /api/enrolment/codes, operators). A device trades such a code for its
# own token; no operator credential ever goes to a device. Like `user`, the command acts as the
# bootstrap user with a one-minute token it signs itself with the issuer's key in
# $SETPOINT_DATA/secrets; the token lives in a mode-600 file there for the one call, never in the
# fleet's state directory or in argv. The fleet (stack/fleet.sh) gets its code the same way.

ENROL_TOKEN_SECONDS=60

device_usage() {
  cat >&2 <<EOF
usage: ./setpoint device enrol <name>... --profile <profile> [--profile <profile>...]
                               [--service <service>] [--expires <ISO-8601 duration>]
                               [--description <text>] [--code-file <file>]
       ./setpoint device enrol --count <N> --profile <profile> [...]
       ./setpoint device codes
       ./setpoint device revoke-code <id>
EOF
}

cmd_device() {
  local sub=${1:-}
  (($# == 0)) || shift
  case $sub in
    enrol) device_enrol "$@" ;;
    codes)
      (($# == 0)) || { device_usage; exit 2; }
      enrol_ready
      enrol_list
      ;;
    revoke-code)
      (($# == 1)) || { device_usage; exit 2; }
      enrol_ready
      enrol_call DELETE "/api/enrolment/codes/$(enrol_segment "$1")" >/dev/null
      say "enrolment code $1 revoked: it enrols nothing from now on"
      ;;
    *)
      device_usage
      exit 2
      ;;
  esac
}

# The app must run, and the issuer's key must exist, to call the API as the bootstrap user.
enrol_ready() {
  need_curl
  need_java
  app_running || die "the app is not running; start the stack first (./setpoint start)"
  [[ -s $SETPOINT_DATA/secrets/issuer-private.pem ]] ||
    die "no local issuer key in $SETPOINT_DATA/secrets; start the stack once (./setpoint start)"
}

device_enrol() {
  local names=() profiles=() service="" expires="" description="" count="" code_file="" a
  while (($#)); do
    a=$1
    shift
    case $a in
      --profile | --service | --expires | --description | --count | --code-file)
        (($#)) || { warn "device enrol: $a needs a value"; device_usage; exit 2; }
        case $a in
          --profile) profiles+=("$1") ;;
          --service) service=$1 ;;
          --expires) expires=$1 ;;
          --description) description=$1 ;;
          --count) count=$1 ;;
          --code-file) code_file=$1 ;;
        esac
        shift
        ;;
      -*)
        warn "device enrol: unknown option '$a'"
        device_usage
        exit 2
        ;;
      *) names+=("$a") ;;
    esac
  done
  if ((${#profiles[@]} == 0)) || { ((${#names[@]} == 0)) && [[ -z $count ]]; }; then
    device_usage
    exit 2
  fi
  enrol_ready
  local json answer code id expires_at
  json=$(enrol_request_json "$description" "$count" "$service" "$expires" \
    "$(enrol_json_array "${profiles[@]}")" "$(enrol_json_array "${names[@]}")")
  answer=$(enrol_call POST /api/enrolment/codes "$json")
  code=$(enrol_field "$answer" code)
  id=$(enrol_field "$answer" id)
  expires_at=$(enrol_field "$answer" expiresAt)
  [[ -n $code ]] || die "device enrol: the app's answer holds no code"
  if [[ -n $code_file ]]; then
    (umask 077 && printf '%s\n' "$code" >"$code_file")
    say "enrolment code $id written to $code_file (mode 600); valid until $expires_at"
    return
  fi
  cat <<EOF

  enrolment code (id $id, valid until $expires_at): $code
  It is shown only now and stored nowhere (only its hash). Put it in the device's
  enrolment.code-file (device/README.md, "Enrolment"); the agent trades it once for its own token.
  Revoke it with: ./setpoint device revoke-code $id

EOF
}

# The JSON of a code request; the arrays come ready-made, the strings are escaped here.
enrol_request_json() {
  local description=$1 count=$2 service=$3 expires=$4 profile_array=$5 device_array=$6 json
  json="{\"profiles\":$profile_array"
  [[ $device_array == '[]' ]] || json+=",\"devices\":$device_array"
  if [[ -n $count ]]; then
    [[ $count =~ ^[0-9]+$ ]] || die "device enrol: --count must be a whole number, not '$count'"
    json+=",\"count\":$count"
  fi
  [[ -z $service ]] || json+=",\"service\":\"$(enrol_json "$service")\""
  [[ -z $expires ]] || json+=",\"expiresIn\":\"$(enrol_json "$expires")\""
  [[ -z $description ]] || json+=",\"description\":\"$(enrol_json "$description")\""
  printf '%s}' "$json"
}

enrol_json_array() {
  local out="" item
  for item in "$@"; do
    [[ -z $out ]] || out+=","
    out+="\"$(enrol_json "$item")\""
  done
  printf '[%s]' "$out"
}

# Text as the inside of a JSON string; control characters are refused.
enrol_json() {
  local text=$1
  [[ $text != *[[:cntrl:]]* ]] || die "device: control characters are not allowed"
  text=${text//\\/\\\\}
  printf '%s' "${text//\"/\\\"}"
}

enrol_segment() {
  [[ $1 =~ ^[0-9a-f]+$ ]] || die "device: '$1' is not an enrolment code id (hex, as 'device codes' lists them)"
  printf '%s' "$1"
}

# The value of a top-level string field of a flat JSON answer.
enrol_field() {
  printf '%s' "$1" | sed -n "s/.*\"$2\":\"\\([^\"]*\\)\".*/\\1/p"
}

# One table line per code: id, state, remaining, expires, profiles, devices.
enrol_list() {
  local body codes entry
  body=$(enrol_call GET /api/enrolment/codes)
  codes=${body#*\"codes\":[}
  codes=${codes%]*}
  printf '%-13s %-8s %-5s %-25s %s\n' ID STATE LEFT EXPIRES 'PROFILES / DEVICES'
  # Ids, states, times, names and profiles hold no quote or brace, so the objects split cleanly.
  while IFS= read -r entry; do
    [[ -n $entry ]] || continue
    printf '%-13s %-8s %-5s %-25s %s %s\n' "$(enrol_field "$entry" id)" \
      "$(enrol_field "$entry" state)" \
      "$(printf '%s' "$entry" | sed -n 's/.*"remaining":\([0-9-]*\).*/\1/p')" \
      "$(enrol_field "$entry" expiresAt)" \
      "$(printf '%s' "$entry" | sed -n 's/.*"profiles":\[\([^]]*\)\].*/\1/p' | tr -d '"')" \
      "$(printf '%s' "$entry" | sed -n 's/.*"devices":\[\([^]]*\)\].*/\1/p' | tr -d '"')"
  done < <(printf '%s\n' "$codes" | sed 's/},{/}\n{/g')
}

# enrol_call METHOD PATH [JSON]: app_call (stack/users.sh) as an operator (codes are an
# operator's business), with a one-minute token.
enrol_call() { app_call device operator "$ENROL_TOKEN_SECONDS" "$@"; }
