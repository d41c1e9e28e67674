# shellcheck shell=bash
# stack/test.sh, sourced by ./setpoint: the test command (the services on the test data dir, Maven,
# the Liberty servers a failed run leaves) and its report: N passed, N failed, N skipped.

# Stop the interrupted Maven run: its whole process group (Maven, Surefire/Failsafe forks).
stop_maven() {
  local pgid i
  pgid=$(cat "$RUN_DIR/mvn.pid" 2>/dev/null) || pgid=$MVN_PID
  say "interrupted: stopping Maven"
  kill -TERM -- "-$pgid" 2>/dev/null || kill -TERM "$MVN_PID" 2>/dev/null || true
  for ((i = 0; i < STOP_TIMEOUT * 10; i++)); do
    kill -0 -- "-$pgid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL -- "-$pgid" 2>/dev/null || true
  rm -f "$RUN_DIR/mvn.pid"
}

# Pids of the Liberty servers running from any module's target/liberty.
liberty_pids() {
  local pidfile pid
  for pidfile in "$ROOT"/*/target/liberty/wlp/usr/servers/.pid/*.pid; do
    [[ -f $pidfile ]] || continue
    pid=$(<"$pidfile")
    if is_ours "$pid" ws-server.jar; then
      printf '%s\n' "$pid"
    fi
  done
}

# Stop the Liberty servers that the Maven run (Arquillian, end-to-end tests) started and left
# running, when it failed half-way or was interrupted: they would hold their ports for the next
# run. Servers that ran before the test run (./setpoint start app) are left alone.
LIBERTY_BEFORE_TEST=" "
stop_test_liberty_servers() {
  local pidfile name wlp pid
  for pidfile in "$ROOT"/*/target/liberty/wlp/usr/servers/.pid/*.pid; do
    [[ -f $pidfile ]] || continue
    pid=$(<"$pidfile")
    is_ours "$pid" ws-server.jar || continue
    [[ $LIBERTY_BEFORE_TEST != *" $pid "* ]] || continue
    name=$(basename "$pidfile" .pid)
    wlp=${pidfile%/usr/servers/.pid/*}
    say "stopping Liberty server $name, left running by the test run"
    "$wlp/bin/server" stop "$name" >/dev/null 2>&1 || true
    if alive "$pid"; then
      terminate "Liberty $name" "$pid"
    fi
  done
}

# Sum tests/failures/errors/skipped over the JUnit XML reports (attribute order varies; the
# testsuite tag may span lines).
count_tests() {
  local files=()
  shopt -s nullglob
  files=("$ROOT"/*/target/surefire-reports/TEST-*.xml "$ROOT"/*/target/failsafe-reports/TEST-*.xml)
  shopt -u nullglob
  if ((${#files[@]} == 0)); then
    echo "0 0 0 0"
    return
  fi
  awk '
    function attr(tag, name,   m) {
      if (match(tag, "[ \t\n]" name "=\"[0-9]+\"")) {
        m = substr(tag, RSTART, RLENGTH); gsub(/[^0-9]/, "", m); return m + 0
      }
      return 0
    }
    FNR == 1 { intag = 0; done = 0; tag = "" }
    done { next }
    {
      line = $0
      if (!intag) {
        i = index(line, "<testsuite ")
        if (i == 0) next
        line = substr(line, i); intag = 1
      }
      j = index(line, ">")
      if (j == 0) { tag = tag "\n" line; next }
      tag = tag "\n" substr(line, 1, j); done = 1
      tests += attr(tag, "tests"); failures += attr(tag, "failures")
      errors += attr(tag, "errors"); skipped += attr(tag, "skipped")
    }
    END { print tests + 0, failures + 0, errors + 0, skipped + 0 }
  ' "${files[@]}"
}

cmd_test() {
  local svc mvn_rc=0 reused=()
  # First, and before any service starts: a shell warning fails the run in seconds.
  lint_shell_files
  need_java
  [[ -f $ROOT/mvnw ]] || die "the Maven wrapper $ROOT/mvnw is missing; restore it (git checkout -- mvnw)"
  trap on_signal INT TERM

  # Tests get their own data: start clean unless a service already runs on the test data.
  # (The *_pid calls drop the pid and data files of processes that are gone.)
  kafka_pid >/dev/null || true
  mongo_pid >/dev/null || true
  influxd_pid >/dev/null || true
  nginx_pid >/dev/null || true
  local in_use=0
  for svc in kafka mongo influxd nginx; do
    if [[ -f $RUN_DIR/$svc.data && $(<"$RUN_DIR/$svc.data") == "$TEST_DATA" ]]; then
      in_use=1
    fi
  done
  if ((in_use == 0)); then
    rm -rf "$TEST_DATA"
  fi
  SETPOINT_DATA=$TEST_DATA
  export SETPOINT_HOME SETPOINT_DATA SETPOINT_CLI="$SELF"
  for svc in kafka mongo influx; do
    if "${svc}_running"; then
      reused+=("$svc")
    else
      rm -rf "${TEST_DATA:?}/$svc"
      "start_$svc"
    fi
  done
  if ((${#reused[@]})); then
    say "using the already running ${reused[*]} (their data dir stays as it was started)"
  fi

  if app_running; then
    warn "note: the app is running on port $SETPOINT_HTTP_PORT; tests that start their own Liberty may clash with it (./setpoint stop app)"
  fi

  ensure_browser_tools
  export "${PORT_VARS[@]}"
  # The tests log in through the real issuer, so their password is kept, in a mode-600 file.
  local test_password="$TEST_DATA/secrets/operator.password"
  ensure_secrets "$test_password"
  if [[ ! -s $test_password ]]; then
    (umask 077 && java "$STACK_DIR/OperatorSecrets.java" reset-operator "$TEST_DATA/secrets" "$test_password") ||
      die "could not make the test operator's password"
  fi
  # The test servers' HTTPS certificate: this test data's own (made with it, per run), trusted
  # by the tests, the agents they run and their browser, and by nothing else.
  unset SETPOINT_TLS_KEYSTORE SETPOINT_TLS_KEYSTORE_PASSWORD_FILE
  ensure_tls
  export_app_env
  shopt -s nullglob
  rm -rf "$ROOT"/*/target/surefire-reports "$ROOT"/*/target/failsafe-reports
  shopt -u nullglob

  LIBERTY_BEFORE_TEST=" $(liberty_pids | tr '\n' ' ') "
  say "running ./mvnw -B verify${*:+ $*}"
  # Maven runs in its own session and in the background: the trap acts on Ctrl-C at once (bash
  # defers traps while a foreground command runs) and can stop Maven with its forked test JVMs
  # as one process group. The child writes its pid (= the group id) before exec.
  # shellcheck disable=SC2016 # $$ and $@ belong to the inner bash
  setsid -w bash -c 'echo $$ >"$0"; cd "$1" || exit 1; shift
    if [ -x ./mvnw ]; then exec ./mvnw "$@"; else exec sh ./mvnw "$@"; fi' \
    "$RUN_DIR/mvn.pid" "$ROOT" -B verify \
    "-Dit.kafka.bootstrap=127.0.0.1:$SETPOINT_KAFKA_PORT" \
    "-Dit.mongo.uri=mongodb://127.0.0.1:$SETPOINT_MONGO_PORT" \
    "-Dit.influx.url=http://127.0.0.1:$SETPOINT_INFLUX_PORT" \
    "-Dit.operator.password.file=$test_password" \
    "-Dit.issuer.private-key.file=$TEST_DATA/secrets/issuer-private.pem" \
    "-Dit.tls.certificate=$(tls_dir)/hub.pem" "$@" &
  MVN_PID=$!
  wait "$MVN_PID" || mvn_rc=$?
  MVN_PID=""
  rm -f "$RUN_DIR/mvn.pid"
  stop_test_liberty_servers
  stop_started

  local tests failures errors skipped passed failed
  read -r tests failures errors skipped < <(count_tests)
  failed=$((failures + errors))
  passed=$((tests - failed - skipped))
  local rc=0
  if ((mvn_rc != 0)); then
    warn "Maven failed (exit $mvn_rc)"
    rc=1
  fi
  if ((failed > 0)); then
    rc=1
  fi
  if ((tests == 0)); then
    warn "no tests executed"
    rc=1
  fi
  printf '%d passed, %d failed, %d skipped\n' "$passed" "$failed" "$skipped"
  return "$rc"
}
