# shellcheck shell=bash
# stack/fleet.sh, sourced by ./setpoint: the fleet service.
# SETPOINT_FLEET_SIZE simulated rooms (default 5), one device agent process (device/) posting to
# the app as devices sim-0001... of profile room-controller, each with SETPOINT_FLEET_RACK_SENSORS
# rack sensors sim-0001-rack1... (profile room-sensor, label room:sim-0001). Its tokens and event journals live in
# $SETPOINT_DATA/device-fleet, so a restart registers nothing and resends what was buffered.

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

start_fleet() {
  local pid t0 dir="$SETPOINT_DATA/device-fleet" log="$LOG_DIR/fleet.log" token
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
  # Registration needs an operator: a token signed with the local issuer's key, valid a few
  # minutes, mode 600, read once by the agent at start and deleted when it is up. It names the
  # fleet, role operator, so the audit trail tells the fleet's registrations from a person's.
  token="$dir/operator.jwt"
  if ! (umask 077 && java "$STACK_DIR/OperatorSecrets.java" mint-token "$SETPOINT_DATA/secrets" \
    "$token" "$LOCAL_ISSUER" fleet "$FLEET_TOKEN_SECONDS" operator) >>"$LOG_DIR/secrets.log" 2>&1; then
    show_log_tail "$LOG_DIR/secrets.log"
    die "fleet: could not sign an operator token with the key in $SETPOINT_DATA/secrets"
  fi
  rotate_log "$log"
  # --rotate-token: a simulated device that exists without a stored token (its state dir was
  # deleted, the app's data kept) gets a new token instead of stopping the fleet.
  launch fleet "$log" java -Xms16m -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -XX:-UsePerfData -Djava.awt.headless=true -jar "$DEVICE_JAR" \
    --simulate "$SETPOINT_FLEET_SIZE" \
    --fleet.rack-sensors "$SETPOINT_FLEET_RACK_SENSORS" \
    --ingest.url "https://127.0.0.1:$SETPOINT_HTTPS_PORT" \
    --ingest.tls.pin "$(tls_field sha256)" \
    --state.dir "$dir" \
    --operator.token-file "$token" \
    --rotate-token
  STARTED+=(fleet)
  pid=$(fleet_pid) || true
  wait_ready fleet "${pid:-}" "$FLEET_READY_TIMEOUT" fleet_ready "$log"
  rm -f "$token"
  say "fleet ready in $(seconds_since "$t0") s (pid $pid, $SETPOINT_FLEET_SIZE simulated rooms sim-0001..., each a controller and $SETPOINT_FLEET_RACK_SENSORS rack sensors, posting to https :$SETPOINT_HTTPS_PORT every 10 s)"
}

stop_fleet() {
  stop_launched fleet
  rm -f "$SETPOINT_DATA/device-fleet/operator.jwt"
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
