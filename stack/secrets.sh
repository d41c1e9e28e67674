# shellcheck shell=bash
# stack/secrets.sh, sourced by ./setpoint: the local operator issuer's key pair and password
# (made by stack/OperatorSecrets.java), and the reset-operator command.

# Make the local issuer's secrets under $SETPOINT_DATA/secrets (mode 700, files 600) on first
# start: RSA key pair and operator password hash, by stack/OperatorSecrets.java, so the hash has
# exactly the form the application verifies. A new password goes to the given file ($1).
ensure_secrets() {
  local dir="$SETPOINT_DATA/secrets" password_file=$1 log="$LOG_DIR/secrets.log"
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

# Show a newly made operator password, then forget it: only its hash stays.
show_operator_password_once() {
  local file="$SETPOINT_DATA/secrets/$PASSWORD_ONCE_FILE" password
  [[ -s $file ]] || return 0
  password=$(<"$file")
  cat <<EOF

  login: user $OPERATOR_USER (the bootstrap user, role admin), password $password
  This password is shown only now and is stored nowhere (only its hash); to get a new one:
  ./setpoint reset-operator. Other users, each with a role: ./setpoint user add <name> <role>.
  A token (a JWT, valid 1 h by default):
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
