# shellcheck shell=bash
# stack/commands.sh, sourced by ./setpoint: the run, start, stop and status commands over the services.

# name state pid ports [pid-file name whose .data tells the data dir]
status_line() {
  local data=""
  if [[ -n ${5:-} && -f $RUN_DIR/$5.data ]]; then
    data="  data $(<"$RUN_DIR/$5.data")"
  fi
  printf '%-7s %-8s %-16s ports %s%s\n' "$1" "$2" "${3:+pid $3}" "$4" "$data"
}

cmd_status() {
  local svc
  for svc in "${SERVICES[@]}"; do
    "status_$svc"
  done
}

# Turn the optional service argument into the list to act on, in start order.
select_services() {
  if (($# == 0)); then
    SELECTED=("${SERVICES[@]}")
    return
  fi
  local svc
  for svc in "${SERVICES[@]}"; do
    if [[ $1 == "$svc" ]]; then
      SELECTED=("$svc")
      return
    fi
  done
  warn "unknown service '$1' (services: ${SERVICES[*]})"
  exit 2
}

cmd_start() {
  local svc
  parse_start_args "$@"
  select_services "${ARGS[@]}"
  trap on_signal INT TERM
  for svc in "${SELECTED[@]}"; do
    # A failure stops only this service: the ones already up stay up (unlike run and test).
    # shellcheck disable=SC2034 # read by die (stack/lib.sh)
    KEEP_STARTED=${#STARTED[@]}
    "start_$svc"
  done
  STARTED=()   # success: leave them running
  if [[ " ${SELECTED[*]} " == *" app "* ]] && app_running; then
    printf '\n'
    print_fingerprint
    printf '\n'
  fi
  show_operator_password_once
}

parse_start_args() {
  ARGS=()
  local a
  for a in "$@"; do
    # shellcheck disable=SC2034 # APP_REBUILD is read by app_needs_build (stack/app.sh)
    case $a in
      --rebuild) APP_REBUILD=1 ;;
      *) ARGS+=("$a") ;;
    esac
  done
  if ((${#ARGS[@]} > 1)); then
    warn "expected at most one service, got: ${ARGS[*]}"
    exit 2
  fi
}

cmd_stop() {
  (($# <= 1)) || { warn "expected at most one service, got: $*"; exit 2; }
  select_services "$@"
  local i
  trap '' INT   # a half-done stop is worse than a slow one
  for ((i = ${#SELECTED[@]} - 1; i >= 0; i--)); do
    "stop_${SELECTED[i]}"
  done
}

print_urls() {
  local h=$SETPOINT_HTTPS_PORT
  printf '\n'
  # The ingest WAR has the root context (EdgeX clients expect /api/v3); MicroProfile Health
  # is server-wide, so /health covers all three WARs. Devices and browsers on the LAN use
  # https://<this host>:$h; plain HTTP answers on 127.0.0.1:$SETPOINT_HTTP_PORT only.
  printf '  %-10s %s\n' \
    dashboard "https://localhost:$h/analytics/dashboard/" \
    ingest "https://localhost:$h/api/v3/ping" \
    login "POST https://localhost:$h/api/auth/token  (operator JWT)" \
    relay "https://localhost:$h/relay/" \
    analytics "https://localhost:$h/analytics/" \
    health "https://localhost:$h/health" \
    InfluxDB "http://localhost:$SETPOINT_INFLUX_PORT  (db $INFLUX_DB)" \
    Kafka "localhost:$SETPOINT_KAFKA_PORT" \
    MongoDB "mongodb://localhost:$SETPOINT_MONGO_PORT" \
    logs "$LOG_DIR"
  printf '\n'
  if app_running; then
    print_fingerprint
    printf '  (./setpoint fingerprint shows this again; a browser asks once to accept the certificate)\n\n'
  fi
}

cmd_run() {
  local svc t0 reused=()
  parse_start_args "$@"
  ((${#ARGS[@]} == 0)) || { warn "run takes no service (it runs them all)"; exit 2; }
  trap on_signal INT TERM
  t0=$(now_us)
  for svc in "${SERVICES[@]}"; do
    if "${svc}_running"; then
      reused+=("$svc")
    fi
    "start_$svc"
  done
  print_urls
  show_operator_password_once
  say "ready in $(seconds_since "$t0") s; press Ctrl-C to stop"
  if ((${#reused[@]})); then
    say "already running before, so left running on exit: ${reused[*]}"
  fi
  # Watch the services; if one dies, stop the rest rather than serve half a stack.
  while true; do
    sleep 2 &
    wait $! || true
    for svc in "${STARTED[@]}"; do
      if ! "${svc}_running"; then
        warn "$svc stopped unexpectedly"
        if [[ $svc == app ]]; then
          show_log_tail "$LOG_DIR/liberty/messages.log" 10
        else
          show_log_tail "$LOG_DIR/$svc.log" 10
        fi
        die "stopping the stack"
      fi
    done
  done
}
