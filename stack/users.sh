# shellcheck shell=bash
# stack/users.sh, sourced by ./setpoint: the user command, the local issuer's users managed through
# the running app's users API (ingest's /api/users, admins only). It acts as the bootstrap user:
# that user's password is stored nowhere, so the command signs itself a one-minute admin token
# with the issuer's key in $SETPOINT_DATA/secrets, as the fleet does for its registration.

USER_TOKEN_SECONDS=60

user_usage() {
  cat >&2 <<EOF
usage: ./setpoint user list
       ./setpoint user add <name> <viewer|operator|admin> [--password-stdin]
       ./setpoint user disable <name> | enable <name>
       ./setpoint user role <name> <viewer|operator|admin>
       ./setpoint user reset-password <name> [--password-stdin]
EOF
}

cmd_user() {
  local sub=${1:-} stdin=0 args=() a
  (($# == 0)) || shift
  for a in "$@"; do
    case $a in
      --password-stdin) stdin=1 ;;
      -*)
        warn "user: unknown option '$a'"
        user_usage
        exit 2
        ;;
      *) args+=("$a") ;;
    esac
  done
  case "$sub:${#args[@]}" in
    list:0 | disable:1 | enable:1 | role:2 | add:2 | reset-password:1) ;;
    *)
      user_usage
      exit 2
      ;;
  esac
  if ((stdin)) && [[ $sub != add && $sub != reset-password ]]; then
    warn "user $sub: --password-stdin goes with add and reset-password only"
    exit 2
  fi
  need_curl
  app_running || die "the app is not running; start the stack first (./setpoint start)"
  [[ -s $SETPOINT_DATA/secrets/issuer-private.pem ]] ||
    die "no local issuer key in $SETPOINT_DATA/secrets; start the stack once (./setpoint start)"
  local password=""
  case $sub in
    list) user_list ;;
    add)
      password=$(user_password "$stdin")
      user_call POST /api/users \
        "{\"username\":\"$(user_json "${args[0]}")\",\"role\":\"$(user_json "${args[1]}")\",\"password\":\"$password\"}" >/dev/null
      say "user ${args[0]} created, role ${args[1]}"
      ((stdin)) || user_show_password "${args[0]}" "$password"
      ;;
    disable | enable)
      local flag=false
      [[ $sub == disable ]] && flag=true
      user_call PATCH "/api/users/$(user_path "${args[0]}")" "{\"disabled\":$flag}" >/dev/null
      say "user ${args[0]} ${sub}d"
      ;;
    role)
      user_call PATCH "/api/users/$(user_path "${args[0]}")" \
        "{\"role\":\"$(user_json "${args[1]}")\"}" >/dev/null
      say "user ${args[0]} now has the role ${args[1]} (from their next login)"
      ;;
    reset-password)
      password=$(user_password "$stdin")
      user_call PUT "/api/users/$(user_path "${args[0]}")/password" \
        "{\"password\":\"$password\"}" >/dev/null
      say "user ${args[0]} has a new password; their tokens are revoked"
      ((stdin)) || user_show_password "${args[0]}" "$password"
      ;;
  esac
}

# Text as the inside of a JSON string; control characters are refused.
user_json() {
  local text=$1
  [[ $text != *[[:cntrl:]]* ]] || die "user: control characters are not allowed"
  text=${text//\\/\\\\}
  printf '%s' "${text//\"/\\\"}"
}

# A user name as a path segment: the API's names need no escaping; anything else is refused there
# (404), so only the characters that would change the path are turned away here.
user_path() {
  [[ $1 != */* && $1 != *[?#%[:space:]]* && -n $1 ]] || die "user: '$1' is not a valid user name"
  printf '%s' "$1"
}

# The new password, ready for JSON: one line from standard input, or 24 random characters.
user_password() {
  local line=""
  if (($1)); then
    IFS= read -r line || [[ -n $line ]] || die "user: no password on standard input"
    user_json "$line"
  else
    head -c 18 /dev/urandom | base64 | tr '+/' '-_'
  fi
}

user_show_password() {
  cat <<EOF

  password of $1: $2
  It is shown only now and stored nowhere (only its hash); to get a new one:
  ./setpoint user reset-password $1

EOF
}

# One table line per user: name, role, state, created.
user_list() {
  local body users entry name role disabled bootstrap created state
  body=$(user_call GET /api/users)
  users=${body#*\"users\":[}
  users=${users%]*}
  printf '%-24s %-9s %-9s %s\n' USER ROLE STATE CREATED
  # The API's names, roles and times hold no quote, comma or brace, so the objects split cleanly.
  while IFS= read -r entry; do
    [[ -n $entry ]] || continue
    name=$(user_field "$entry" username)
    role=$(user_field "$entry" role)
    disabled=$(user_field "$entry" disabled)
    bootstrap=$(user_field "$entry" bootstrap)
    created=$(user_field "$entry" createdAt)
    [[ $bootstrap == true ]] && created="(bootstrap user, from the configuration)"
    state=enabled
    [[ $disabled == true ]] && state=disabled
    printf '%-24s %-9s %-9s %s\n' "$name" "$role" "$state" "$created"
  done < <(printf '%s\n' "$users" | sed 's/},{/}\n{/g')
}

# The value of a string or boolean field of one flat JSON object.
user_field() {
  local value
  value=$(printf '%s' "$1" | sed -n "s/.*\"$2\":\\(\"[^\"]*\"\\|true\\|false\\).*/\\1/p")
  value=${value#\"}
  printf '%s' "${value%\"}"
}

# user_call METHOD PATH [JSON]: app_call as an admin (users are an admin's business).
user_call() { app_call user admin "$USER_TOKEN_SECONDS" "$@"; }

# app_call LABEL ROLE SECONDS METHOD PATH [JSON]: the app's answer body on 2xx; else one line
# saying why (prefixed with LABEL), and exit 1. It calls as the bootstrap user with a token of
# ROLE signed here for SECONDS, over loopback. The token travels in a mode-600 header file under
# $SETPOINT_DATA/secrets, deleted on return, and the body on standard input, never in argv.
app_call() {
  local label=$1 role=$2 seconds=$3 method=$4 path=$5 json=${6:-} dir="$SETPOINT_DATA/secrets"
  local token header out code message url="http://127.0.0.1:$SETPOINT_HTTP_PORT$path"
  token=$(mktemp "$dir/.cli-token.XXXXXX")
  header=$(mktemp "$dir/.cli-header.XXXXXX")
  out=$(mktemp "$dir/.cli-answer.XXXXXX")
  # shellcheck disable=SC2064 # the names are fixed now
  trap "rm -f '$token' '$header' '$out'; trap - RETURN" RETURN
  if ! (umask 077 && java "$STACK_DIR/OperatorSecrets.java" mint-token "$dir" "$token" \
    "$LOCAL_ISSUER" "$OPERATOR_USER" "$seconds" "$role") >>"$LOG_DIR/secrets.log" 2>&1; then
    die "$label: could not sign an $role token with the key in $dir (see $LOG_DIR/secrets.log)"
  fi
  printf 'Authorization: Bearer %s\n' "$(<"$token")" >"$header"
  rm -f "$token"
  if [[ -n $json ]]; then
    code=$(printf '%s' "$json" | curl -s -o "$out" -w '%{http_code}' -X "$method" -H @"$header" \
      -H 'Content-Type: application/json' --data-binary @- "$url") || code=000
  else
    code=$(curl -s -o "$out" -w '%{http_code}' -X "$method" -H @"$header" "$url") || code=000
  fi
  if [[ $code == 000 ]]; then
    die "$label: the app does not answer on port $SETPOINT_HTTP_PORT; is the stack running? (./setpoint status)"
  fi
  if [[ $code != 2?? ]]; then
    message=$(sed -n 's/.*"message":"\([^"]*\)".*/\1/p' "$out")
    die "$label: $code ${message:-$(head -c 200 "$out")}"
  fi
  cat "$out"
}
