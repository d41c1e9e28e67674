# shellcheck shell=bash
# stack/secrets.sh, sourced by ./setpoint: the local operator issuer's key pair and password
# (made by stack/OperatorSecrets.java), and the reset-operator command.

# Make the local issuer's secrets under $SETPOINT_DATA/secrets (mode 700, files 600) on first
# start: RSA key pair and operator password hash, by stack/OperatorSecrets.java, so the hash has
# exactly the form the application verifies. A new password goes to the given file ($1).
ensure_secrets() {
  local dir="$SETPOINT_DATA/secrets" password_file=$1 log="$LOG_DIR/secrets.log"
  ensure_metrics_password "$dir"
  if [[ -s $dir/issuer-private.pem && -s $dir/issuer-public.pem && -s $dir/operator.hash ]]; then
    return 0
  fi
  need_java
  say "making the operator issuer's key pair and password (once; in $dir)"
  if ! (umask 077 && java "$STACK_DIR/OperatorSecrets.java" init "$dir" "$password_file") >"$log" 2>&1; then
    show_log_tail "$log"
    die "could not make the secrets in $dir"
  fi
}

# The metrics scraper's password (user "metrics", server.xml), made once per install in
# $1/metrics.password (mode 600): /metrics answers nobody else (README "Metrics").
ensure_metrics_password() {
  local file="$1/metrics.password"
  [[ -s $file ]] && return 0
  (umask 077 && mkdir -p "$1" && od -An -N24 -tx1 /dev/urandom | tr -d ' \n' >"$file") ||
    die "could not make the metrics scraper's password in $file"
}

# Show a newly made operator password, then forget it: only its hash stays.
show_operator_password_once() {
  local file="$SETPOINT_DATA/secrets/$PASSWORD_ONCE_FILE" password
  [[ -s $file ]] || return 0
  password=$(<"$file")
  cat <<EOF

  login: user $OPERATOR_USER (the bootstrap user, role admin), password $password
  This password is shown only now and is stored nowhere (only its hash); to get a new one:
  ./setpoint reset-operator. Other users, each with a role: ./setpoint user add <name> <role>.
  A token (a JWT, valid 10 min; POST /api/auth/refresh renews it with the refresh token):
    curl -s --cacert $SETPOINT_DATA/secrets/tls/hub.pem -X POST https://localhost:$SETPOINT_HTTPS_PORT/api/auth/token \\
      -H 'Content-Type: application/json' -d '{"username":"$OPERATOR_USER","password":"<password>"}'

EOF
  rm -f "$file"
}

# A new password of the bootstrap user for the stack's data (not the tests'), shown once.
cmd_reset_operator() {
  need_java
  mkdir -p "$SETPOINT_DATA"
  if ! (umask 077 && java "$STACK_DIR/OperatorSecrets.java" reset-operator "$SETPOINT_DATA/secrets" \
    "$SETPOINT_DATA/secrets/$PASSWORD_ONCE_FILE"); then
    die "could not make a new operator password in $SETPOINT_DATA/secrets"
  fi
  show_operator_password_once
  if app_running; then
    say "the running app accepts the old password until it restarts: ./setpoint stop app && ./setpoint start app"
  fi
}

# How long a former issuer key stays accepted after a rotation: beyond the access-token lifetime
# (10 min by default), so no token it signed is refused before it expires.
FORMER_KEY_MINUTES=60

# The servers' key settings ($1: the secrets dir): the current public key (PEM) alone, or, while
# a former key of a rotation is still accepted, a JSON Web Key Set of both, which the local
# issuer also publishes at /api/auth/jwks. Former keys older than FORMER_KEY_MINUTES go.
export_issuer_keys() {
  local dir=$1 former=() f locations=""
  if [[ -d $dir/former ]]; then
    find "$dir/former" -name '*.pem' -mmin +"$FORMER_KEY_MINUTES" -delete
    for f in "$dir"/former/*.pem; do
      [[ -e $f ]] && former+=("$f")
    done
  fi
  if ((${#former[@]} == 0)); then
    export MP_JWT_VERIFY_PUBLICKEY_LOCATION="$dir/issuer-public.pem"
    unset SETPOINT_INGEST_SECURITY_LOCAL_ISSUER_FORMER_PUBLIC_KEY_LOCATIONS
    return 0
  fi
  (umask 077 && java "$STACK_DIR/OperatorSecrets.java" jwks "$dir" "$dir/issuer-keys.jwks") ||
    die "could not write the issuer's key set $dir/issuer-keys.jwks"
  for f in "${former[@]}"; do
    locations+=${locations:+,}$f
  done
  export MP_JWT_VERIFY_PUBLICKEY_LOCATION="$dir/issuer-keys.jwks"
  export SETPOINT_INGEST_SECURITY_LOCAL_ISSUER_FORMER_PUBLIC_KEY_LOCATIONS=$locations
}

# A new signing key for the local issuer; the old one stays accepted (and published) for
# FORMER_KEY_MINUTES after the app's next start, so tokens it signed live out their lifetime.
cmd_rotate_issuer_key() {
  local dir="$SETPOINT_DATA/secrets"
  need_java
  [[ -s $dir/issuer-private.pem ]] || die "no issuer key in $dir yet; start the stack once (./setpoint start)"
  (umask 077 && java "$STACK_DIR/OperatorSecrets.java" rotate-key "$dir") ||
    die "could not make a new issuer key in $dir"
  say "a new issuer key is in $dir; the former one is accepted for $FORMER_KEY_MINUTES min after the next start"
  say "after a leak, delete $dir/former instead, so the old key's tokens are refused at once"
  if app_running; then
    say "the running app still signs with the former key: ./setpoint stop app && ./setpoint start app"
  fi
}
