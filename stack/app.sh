# shellcheck shell=bash
# stack/app.sh, sourced by ./setpoint: the app service, the EAR on Open Liberty: build when stale,
# the environment it reads, readiness.

# Liberty writes its own pid file; the marker is its launcher jar. Without a pid file that names
# it, the server is found by the tag start_app gave it (stack/process.sh).
app_pid() {
  local file="$WLP_DIR/usr/servers/.pid/$LIBERTY_SERVER.pid" pid
  if [[ -f $file ]]; then
    pid=$(<"$file")
    if is_ours "$pid" ws-server.jar; then
      printf '%s\n' "$pid"
      return 0
    fi
  fi
  pid=$(tagged_main_pids app ws-server.jar | head -n 1)
  [[ -n $pid ]] && printf '%s\n' "$pid"
}

# Ready = /health/ready answers 200 with at least one check. MicroProfile Health also answers
# 200 {"status":"UP","checks":[]} when the application failed to deploy, which is not ready.
app_ready() {
  local out code body
  out=$(curl -s -w '\n%{http_code}' "http://127.0.0.1:$SETPOINT_HTTP_PORT/health/ready" 2>/dev/null) || return 1
  code=${out##*$'\n'}
  body=${out%$'\n'*}
  [[ $code == 200 && $body == *'"checks"'* && $body != *'"checks":[]'* ]]
}

# Liberty keeps running when the EAR fails to start; its messages.log says so (rolled per start).
app_deploy_failed() {
  grep -qE 'CWWKZ000[24]E|CWWKZ0106E|CWWKZ0013E' "$1/messages.log" 2>/dev/null
}

# Rebuild when asked, when there is no EAR or server yet, or when any module source or pom is
# newer than the EAR (stack/ is not part of the application).
app_needs_build() {
  local ear
  if [[ $SETPOINT_REBUILD == 1 || $APP_REBUILD == 1 ]]; then
    return 0
  fi
  ear=$(find "$ROOT/ear/target" -maxdepth 1 -name '*.ear' -print -quit 2>/dev/null || true)
  if [[ -z $ear || ! -x $WLP_DIR/bin/server ]]; then
    return 0
  fi
  local dirs=("$ROOT/pom.xml") d
  for d in "$ROOT"/*/; do
    d=${d%/}
    if [[ $d != "$STACK_DIR" && -f $d/pom.xml ]]; then
      dirs+=("$d/pom.xml")
      if [[ -d $d/src ]]; then
        dirs+=("$d/src")
      fi
    fi
  done
  [[ -n $(find "${dirs[@]}" -newer "$ear" -type f -print -quit 2>/dev/null) ]]
}

# The environment the application reads (MicroProfile Config maps these names to its keys).
# MongoDB goes by jnosql.mongodb.url, whose options repeat the WARs' defaults (2 s timeouts).
# Never set JNOSQL_MONGODB_HOST: JNoSQL 1.1 prefers the host key over the URL and would drop
# those timeouts (30 s server selection, so readiness hangs while MongoDB is down).
export_app_env() {
  local secrets="$SETPOINT_DATA/secrets"
  export HTTP_PORT=$SETPOINT_HTTP_PORT
  export HTTPS_PORT=$SETPOINT_HTTPS_PORT
  export MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$SETPOINT_KAFKA_PORT"
  export JNOSQL_MONGODB_URL="mongodb://127.0.0.1:$SETPOINT_MONGO_PORT/?serverSelectionTimeoutMS=2000&connectTimeoutMS=2000&socketTimeoutMS=10000"
  export SETPOINT_ANALYTICS_INFLUX_URL="http://127.0.0.1:$SETPOINT_INFLUX_PORT"
  # Analytics' own store (the rooms' modes): the same server here, its own database.
  export SETPOINT_ANALYTICS_STORE_URL=$JNOSQL_MONGODB_URL
  # mongo-java-server scans the collection for every query but a lookup by id, so the edge buffer
  # must stay small here: forwarded events are kept 10 min, not the WAR's 24 h (the cloud keeps
  # the history; docs/benchmarks.md shows what 100,000 retained events do to latency).
  export SETPOINT_RELAY_RETENTION_FORWARDED="${SETPOINT_RELAY_RETENTION_FORWARDED:-PT10M}"
  # A full disk never loses an accepted event: ingest watches the volume of the MongoDB-wire
  # server's H2 file (mongo-java-server reports no sizes in dbStats) and answers 507 above 90 %.
  export SETPOINT_INGEST_BUFFER_VOLUME_PATH="${SETPOINT_INGEST_BUFFER_VOLUME_PATH:-$SETPOINT_DATA/mongo}"
  # Operators: Liberty's MicroProfile JWT trusts the local issuer's key; the issuer signs with
  # the private half and checks the operator's password against the hash (ensure_secrets).
  export_issuer_keys "$secrets"
  export MP_JWT_VERIFY_ISSUER=$LOCAL_ISSUER
  export SETPOINT_INGEST_SECURITY_LOCAL_ISSUER_ISSUER=$LOCAL_ISSUER
  export SETPOINT_INGEST_SECURITY_LOCAL_ISSUER_PRIVATE_KEY_LOCATION="$secrets/issuer-private.pem"
  SETPOINT_INGEST_SECURITY_LOCAL_ISSUER_PASSWORD_HASH=$(<"$secrets/operator.hash")
  export SETPOINT_INGEST_SECURITY_LOCAL_ISSUER_PASSWORD_HASH
  # /metrics answers the scraper only: user metrics, this install's password (ensure_secrets).
  METRICS_PASSWORD=$(<"$secrets/metrics.password")
  export METRICS_PASSWORD
  # HTTPS: the hub's certificate (stack/tls.sh; ensure_tls made or checked it).
  export_tls_env
}

APP_REBUILD=0
start_app() {
  local pid t0 log="$LOG_DIR/app.log" build_log="$LOG_DIR/build.log"
  if pid=$(app_pid); then
    say "app is already running (pid $pid)"
    return 0
  fi
  [[ -f $ROOT/ear/pom.xml ]] || die "app: the ear module ($ROOT/ear/pom.xml) does not exist yet"
  require_free_ports app SETPOINT_HTTP_PORT SETPOINT_HTTPS_PORT
  need_java
  need_curl
  t0=$(now_us)
  mkdir -p "$LOG_DIR"
  if app_needs_build; then
    say "building the application (./mvnw -pl ear -am package; log: $build_log)"
    local b0
    b0=$(now_us)
    if ! mvnw -B -q -DskipTests -pl ear -am package >"$build_log" 2>&1; then
      show_log_tail "$build_log" 30
      die "app: the build failed"
    fi
    say "built in $(seconds_since "$b0") s"
  fi
  [[ -x $WLP_DIR/bin/server ]] || die "app: the build did not create $WLP_DIR/bin/server"
  if ((SETPOINT_FLEET_SIZE > 0)); then
    ensure_device_jar
  fi
  ensure_secrets "$SETPOINT_DATA/secrets/$PASSWORD_ONCE_FILE"
  ensure_tls
  export_app_env
  local liberty_logs="$LOG_DIR/liberty"
  mkdir -p "$liberty_logs"
  rotate_log "$log"
  STARTED+=(app)
  # Liberty's LOG_DIR puts messages.log and console.log under SETPOINT_HOME too.
  # The tag (stack/process.sh) goes with the server's JVM, which `server start` leaves running.
  if ! env "$(service_tag app)" LOG_DIR="$liberty_logs" "$WLP_DIR/bin/server" start "$LIBERTY_SERVER" >>"$log" 2>&1; then
    show_log_tail "$log"
    show_log_tail "$liberty_logs/messages.log"
    die "app: Liberty did not start"
  fi
  pid=$(app_pid) || true
  if ! wait_ready_app "${pid:-}" "$liberty_logs"; then
    die "app failed to become ready"
  fi
  say "app ready in $(seconds_since "$t0") s (pid $pid, https://localhost:$SETPOINT_HTTPS_PORT; Liberty logs: $liberty_logs)"
}

# Like wait_ready, but on timeout shows the health JSON: it names the check that is down.
wait_ready_app() {
  local pid=$1 logs=$2 deadline=$((SECONDS + APP_READY_TIMEOUT))
  until app_ready; do
    if app_deploy_failed "$logs"; then
      warn "app: the application failed to start; errors in $logs/messages.log:"
      grep -E '^\[.*\] [0-9a-f]+ .* [EF] ' "$logs/messages.log" | cut -c1-600 | sed 's/^/    /' >&2
      return 1
    fi
    if [[ -n $pid ]] && ! alive "$pid"; then
      warn "app: Liberty exited during start-up"
      show_log_tail "$logs/messages.log"
      return 1
    fi
    if ((SECONDS >= deadline)); then
      warn "app was not ready within $APP_READY_TIMEOUT s; /health says:"
      curl -s "http://127.0.0.1:$SETPOINT_HTTP_PORT/health" >&2 || true
      printf '\n' >&2
      show_log_tail "$logs/messages.log"
      return 1
    fi
    sleep 1
  done
}

stop_app() {
  local pid
  if pid=$(app_pid); then
    say "stopping app (pid $pid)"
    need_java
    LOG_DIR="$LOG_DIR/liberty" "$WLP_DIR/bin/server" stop "$LIBERTY_SERVER" >>"$LOG_DIR/app.log" 2>&1 || true
    if alive "$pid"; then
      terminate app "$pid"
    fi
  fi
  stop_tagged app
}

status_app() {
  local pid
  if pid=$(app_pid); then
    status_line app up "$pid" "https $SETPOINT_HTTPS_PORT, http $SETPOINT_HTTP_PORT (loopback)"
  elif [[ ! -x $WLP_DIR/bin/server ]]; then
    status_line app down "" "https $SETPOINT_HTTPS_PORT, http $SETPOINT_HTTP_PORT (loopback) (not built)"
  else
    status_line app down "" "https $SETPOINT_HTTPS_PORT, http $SETPOINT_HTTP_PORT (loopback)"
  fi
}

app_running() { app_pid >/dev/null; }
