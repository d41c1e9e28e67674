# shellcheck shell=bash
# stack/tls.sh, sourced by ./setpoint: the hub's TLS certificate (made at first start, or the
# operator's own), the environment Liberty reads it from, and the fingerprint command.
#
# The hub's own certificate: a PKCS#12 keystore in $SETPOINT_DATA/secrets/tls (mode 700, files
# 600), made by the JDK's keytool with a password drawn for this install; self-signed, so devices
# pin its fingerprint (ingest.tls.pin) or trust hub.pem (ingest.tls.ca-file). Its names (SAN) are
# localhost, 127.0.0.1, ::1, this machine's host name and its addresses at the time it is made.
# The operator's own: SETPOINT_TLS_KEYSTORE (a PKCS#12 file with one key entry) and
# SETPOINT_TLS_KEYSTORE_PASSWORD_FILE (its password on the first line).

TLS_ALIAS=setpoint-hub
# Self-signed and pinned: devices check the pin, not the dates (a Pi may boot in 1970), and a new
# certificate means a new pin on every device, so it lasts long. Browsers warn about a self-signed
# certificate whatever its lifetime; an operator who wants no warning brings a CA-signed one.
TLS_VALIDITY_DAYS=3650

tls_dir() { printf '%s\n' "$SETPOINT_DATA/secrets/tls"; }

# The keystore and password file in use: the operator's, or the stack's own.
tls_keystore() {
  if [[ -n ${SETPOINT_TLS_KEYSTORE:-} ]]; then
    printf '%s\n' "$SETPOINT_TLS_KEYSTORE"
  else
    printf '%s\n' "$(tls_dir)/hub.p12"
  fi
}
tls_password_file() {
  if [[ -n ${SETPOINT_TLS_KEYSTORE:-} ]]; then
    printf '%s\n' "${SETPOINT_TLS_KEYSTORE_PASSWORD_FILE:-}"
  else
    printf '%s\n' "$(tls_dir)/hub.password"
  fi
}

# DNS names and addresses for the certificate, as keytool's SAN list: loopback, the host name
# (short and full, when they are valid DNS names) and every address `hostname -I` reports.
tls_san() {
  local san="dns:localhost,ip:127.0.0.1,ip:::1" name addr
  for name in "$(hostname 2>/dev/null || true)" "$(hostname -f 2>/dev/null || true)"; do
    if [[ $name =~ ^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$ && $name != localhost && $san != *"dns:$name,"* && $san != *"dns:$name" ]]; then
      san+=",dns:$name"
    fi
  done
  for addr in $(hostname -I 2>/dev/null || true); do
    if [[ $addr =~ ^[0-9A-Fa-f.:]+$ && $addr != fe80:* ]]; then
      san+=",ip:$addr"
    fi
  done
  printf '%s\n' "$san"
}

# Make the hub's certificate on first start, or check the operator's; either way write hub.pem,
# the certificate alone, beside the stack's secrets (what devices and curl are given).
ensure_tls() {
  local dir keystore password_file log="$LOG_DIR/tls.log"
  dir=$(tls_dir)
  keystore=$(tls_keystore)
  password_file=$(tls_password_file)
  need_java
  (umask 077 && mkdir -p "$dir")
  chmod 700 "$dir"
  if [[ -n ${SETPOINT_TLS_KEYSTORE:-} ]]; then
    [[ -r $keystore ]] || die "SETPOINT_TLS_KEYSTORE=$keystore is not a readable file"
    [[ -n $password_file && -r $password_file ]] ||
      die "SETPOINT_TLS_KEYSTORE is set: SETPOINT_TLS_KEYSTORE_PASSWORD_FILE must name a readable file with its password"
  elif [[ ! -s $keystore || ! -s $password_file ]]; then
    say "making the hub's TLS certificate (once; in $dir)"
    rm -f "$keystore" "$password_file"
    (umask 077 && head -c 24 /dev/urandom | base64 | tr -d '\n' >"$password_file")
    if ! (umask 077 && keytool -genkeypair -alias "$TLS_ALIAS" -keyalg EC -groupname secp256r1 \
      -validity "$TLS_VALIDITY_DAYS" -dname "CN=$(hostname 2>/dev/null || echo setpoint-hub), O=Setpoint hub" \
      -ext "SAN=$(tls_san)" -ext "EKU=serverAuth" -storetype PKCS12 -keystore "$keystore" \
      -storepass:file "$password_file") >"$log" 2>&1; then
      rm -f "$keystore" "$password_file"
      show_log_tail "$log"
      die "could not make the hub's certificate in $dir"
    fi
  fi
  if ! (umask 022 && java "$STACK_DIR/HubCertificate.java" fingerprint "$keystore" "$password_file" \
    "$dir/hub.pem") >"$dir/fingerprint.txt" 2>"$log"; then
    show_log_tail "$log"
    die "the hub's keystore $keystore cannot be read"
  fi
}

# One field of the certificate's description (HubCertificate.java): subject, sha256, spki, expires.
tls_field() {
  sed -n "s/^$1 //p" "$(tls_dir)/fingerprint.txt"
}

# Liberty's keystore (server.xml's keyStore) and the certificate the tests trust.
export_tls_env() {
  KEYSTORE_LOCATION=$(tls_keystore)
  KEYSTORE_PASSWORD=$(<"$(tls_password_file)")
  export KEYSTORE_LOCATION KEYSTORE_PASSWORD
}

# What a device, a browser or curl needs to trust the hub.
print_fingerprint() {
  local host
  host=$(hostname 2>/dev/null || echo "<hub>")
  cat <<EOF
  hub certificate  $(tls_field subject), expires $(tls_field expires)
  SHA-256          $(tls_field sha256)
  public key       sha256//$(tls_field spki)
  certificate PEM  $(tls_dir)/hub.pem
  A device agent:  --ingest.url=https://$host:$SETPOINT_HTTPS_PORT --ingest.tls.pin=$(tls_field sha256)
  curl:            curl --cacert $(tls_dir)/hub.pem https://localhost:$SETPOINT_HTTPS_PORT/health
EOF
}

cmd_fingerprint() {
  (($# == 0)) || { warn "fingerprint takes no arguments"; exit 2; }
  ensure_tls
  print_fingerprint
}
