# shellcheck shell=bash
# stack/fleet.sh, sourced by ./setpoint: the fleet service.
# SETPOINT_FLEET_SIZE simulated rooms (default 5), one device agent process (device/) posting to
# the app as devices sim-0001... of profile room-controller, each with SETPOINT_FLEET_RACK_SENSORS
# rack sensors sim-0001-rack1... (profile room-sensor, label room:sim-0001). Its tokens and event journals live in
# $SETPOINT_DATA/device-fleet, so a restart registers nothing and resends what was buffered.
# Devices without a token there are enrolled with a one-time enrolment code that names them
# (stack/enrol.sh); no operator token or password is ever written where the fleet can read it.

fleet_pid() { pid_of fleet "$DEVICE_JAR"; }
fleet_ready() { grep -q 'started [0-9]* agent' "$LOG_DIR/fleet.log"; }

# The device jar comes with the app's build (ear has device as a test dependency); built here
# when it is missing, e.g. after a clean of device/ only.
ensure_device_jar() {
  local build_log="$LOG_DIR/build-device.log"
  [[ -f $DEVICE_JAR && -d $ROOT/device/target/lib ]] && return 0
  say "building the device agent (./mvnw -pl device -am package; log: $build_log)"
  if ! mvnw -q -B -DskipTests -pl device -am package >"$build_log" 2>&1; then
    show_log_tail "$build_log" 30
    die "fleet: building the device agent failed"
  fi
}

# The fleet's device names, one a line: sim-0001, its rack sensors sim-0001-rack1..., sim-0002...
fleet_device_names() {
  local i r room
  for ((i = 1; i <= SETPOINT_FLEET_SIZE; i++)); do
    printf -v room 'sim-%04d' "$i"
    printf '%s\n' "$room"
    for ((r = 1; r <= SETPOINT_FLEET_RACK_SENSORS; r++)); do
      printf '%s-rack%d\n' "$room" "$r"
    done
  done
}

# The fleet's devices that have no token in the state dir yet (all of them on a first start).
fleet_unenrolled() {
  local tokens="$1/tokens.properties" name
  while IFS= read -r name; do
    [[ -f $tokens ]] && grep -q "^$name=" "$tokens" || printf '%s\n' "$name"
  done < <(fleet_device_names)
}

# fleet_enrolment_code FILE NAME...: a code for exactly these devices (a device that exists in the
# app without a token here, e.g. after its state dir was deleted, gets a new token), valid
# $FLEET_CODE_TTL, written to FILE (mode 600), which the agent deletes once it has used it.
fleet_enrolment_code() {
  local file=$1 answer code
  shift
  answer=$(enrol_call POST /api/enrolment/codes "$(enrol_request_json "./setpoint fleet" "" \
    setpoint-device-agent "$FLEET_CODE_TTL" '["room-controller","room-sensor"]' \
    "$(enrol_json_array "$@")")") || return 1
  code=$(enrol_field "$answer" code)
  [[ -n $code ]] || return 1
  (umask 077 && printf '%s\n' "$code" >"$file")
}

start_fleet() {
  local pid t0 dir="$SETPOINT_DATA/device-fleet" log="$LOG_DIR/fleet.log" code_file unenrolled
  local enrol_args=()
  if ((SETPOINT_FLEET_SIZE == 0)); then
    say "fleet: SETPOINT_FLEET_SIZE=0, no simulated devices"
    return 0
  fi
  if pid=$(fleet_pid); then
    say "fleet is already running (pid $pid)"
    return 0
  fi
  app_ready || die "fleet: the app does not answer ready on port $SETPOINT_HTTP_PORT; start it first (./setpoint start app)"
  need_java
  ensure_device_jar
  ensure_tls   # the pin the agents check the hub's certificate against
  t0=$(now_us)
  mkdir -p "$dir"
  chmod 700 "$dir"
  # Left by versions that registered the fleet with an operator token: none stays on disk.
  rm -f "$dir/operator.jwt"
  code_file="$dir/enrolment.code"
  rm -f "$code_file"
  mapfile -t unenrolled < <(fleet_unenrolled "$dir")
  if ((${#unenrolled[@]} > 0)); then
    if ! fleet_enrolment_code "$code_file" "${unenrolled[@]}"; then
      rm -f "$code_file"
      die "fleet: could not get an enrolment code for ${#unenrolled[@]} device(s) from the app"
    fi
    enrol_args=(--enrolment.code-file "$code_file")
  fi
  rotate_log "$log"
  launch fleet "$log" java -Xms16m -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -XX:-UsePerfData -Djava.awt.headless=true -jar "$DEVICE_JAR" \
    --simulate "$SETPOINT_FLEET_SIZE" \
    --fleet.rack-sensors "$SETPOINT_FLEET_RACK_SENSORS" \
    --ingest.url "https://127.0.0.1:$SETPOINT_HTTPS_PORT" \
    --ingest.tls.pin "$(tls_field sha256)" \
    --state.dir "$dir" \
    "${enrol_args[@]}"
  STARTED+=(fleet)
  pid=$(fleet_pid) || true
  wait_ready fleet "${pid:-}" "$FLEET_READY_TIMEOUT" fleet_ready "$log"
  rm -f "$code_file"
  say "fleet ready in $(seconds_since "$t0") s (pid $pid, $SETPOINT_FLEET_SIZE simulated rooms sim-0001..., each a controller and $SETPOINT_FLEET_RACK_SENSORS rack sensors, posting to https :$SETPOINT_HTTPS_PORT every 10 s)"
}

stop_fleet() {
  stop_launched fleet
  rm -f "$SETPOINT_DATA/device-fleet/operator.jwt" "$SETPOINT_DATA/device-fleet/enrolment.code"
}

status_fleet() {
  local pid
  if pid=$(fleet_pid); then
    status_line fleet up "$pid" "none ($SETPOINT_FLEET_SIZE simulated devices -> https $SETPOINT_HTTPS_PORT)" fleet
  elif ((SETPOINT_FLEET_SIZE == 0)); then
    status_line fleet off "" "none (SETPOINT_FLEET_SIZE=0)"
  else
    status_line fleet down "" "none ($SETPOINT_FLEET_SIZE simulated devices -> https $SETPOINT_HTTPS_PORT)"
  fi
}

fleet_running() { fleet_pid >/dev/null; }
