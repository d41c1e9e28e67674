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

# run [--rebuild] [service...]: the named services (all by default, in start order) in the
# foreground, watched until Ctrl-C or until one of them dies.
cmd_run() {
  local svc t0 reused=() wanted=()
  parse_run_args "$@"
  trap on_signal INT TERM
  t0=$(now_us)
  for svc in "${SERVICES[@]}"; do
    [[ " ${ARGS[*]:-${SERVICES[*]}} " == *" $svc "* ]] || continue
    wanted+=("$svc")
    if "${svc}_running"; then
      reused+=("$svc")
    fi
    "start_$svc"
  done
  if [[ " ${wanted[*]} " == *" app "* ]]; then
    print_urls
    show_operator_password_once
  fi
  say "ready in $(seconds_since "$t0") s; press Ctrl-C to stop"
  if ((${#reused[@]})); then
    say "already running before, so left running on exit: ${reused[*]}"
  fi
  watch_started
}

parse_run_args() {
  local a s known
  ARGS=()
  for a in "$@"; do
    # shellcheck disable=SC2034 # APP_REBUILD is read by app_needs_build (stack/app.sh)
    case $a in
      --rebuild) APP_REBUILD=1 ;;
      *)
        known=0
        for s in "${SERVICES[@]}"; do
          [[ $a == "$s" ]] && known=1
        done
        ((known)) || { warn "unknown service '$a' (services: ${SERVICES[*]})"; exit 2; }
        ARGS+=("$a")
        ;;
    esac
  done
}

# The processes a started service consists of, one a line: label, pid, log.
watch_targets() {
  local pid
  case $1 in
    influx)
      pid=$(influxd_pid) && printf 'influxd %s %s\n' "$pid" "$LOG_DIR/influx.log"
      pid=$(nginx_pid) && printf 'influx-nginx %s %s\n' "$pid" "$LOG_DIR/influx-nginx.log"
      ;;
    app) pid=$(app_pid) && printf 'app %s %s\n' "$pid" "$LOG_DIR/liberty/messages.log" ;;
    *) pid=$("${1}_pid") && printf '%s %s %s\n' "$1" "$pid" "$LOG_DIR/$1.log" ;;
  esac
  return 0
}

# Watch the processes this run started, by pid and start time (not by pid file, which another
# command may rewrite or remove): when one dies, name it and its log in one line, stop everything
# this run started and exit 1, rather than serve half a stack.
watch_started() {
  local svc label pid log labels=() pids=() starts=() logs=() i
  for svc in "${STARTED[@]}"; do
    while read -r label pid log; do
      labels+=("$label")
      pids+=("$pid")
      starts+=("$(started_at "$pid")")
      logs+=("$log")
    done < <(watch_targets "$svc")
  done
  while true; do
    sleep 1 &
    wait $! || true
    for i in "${!pids[@]}"; do
      if ! alive "${pids[i]}" || [[ $(started_at "${pids[i]}") != "${starts[i]}" ]]; then
        die "${labels[i]} (pid ${pids[i]}) died; its log: ${logs[i]}; stopping what this run started"
      fi
    done
  done
}
