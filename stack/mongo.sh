# shellcheck shell=bash
# stack/mongo.sh, sourced by ./setpoint: the mongo service, mongo-java-server (stack/MongoServer.java)
# with its H2 file backend.

mongo_pid() { pid_of mongo MongoServer.java; }
mongo_ready() { port_open "$SETPOINT_MONGO_PORT"; }

start_mongo() {
  local pid t0 dir="$SETPOINT_DATA/mongo" log="$LOG_DIR/mongo.log"
  if pid=$(mongo_pid); then
    say "mongo is already running (pid $pid)"
    return 0
  fi
  require_free_ports mongo SETPOINT_MONGO_PORT
  need_java
  ensure_lib mongo
  jvm_flags
  t0=$(now_us)
  mkdir -p "$dir"
  rotate_log "$log"
  launch mongo "$log" java -Xmx"${SETPOINT_MONGO_HEAP:-1536m}" "${JVM_FLAGS[@]}" \
    -Dorg.slf4j.simpleLogger.showDateTime=true \
    '-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss.SSS' \
    -cp "$LIB_DIR/mongo/*" "$STACK_DIR/MongoServer.java" \
    127.0.0.1 "$SETPOINT_MONGO_PORT" "$dir/setpoint.mv.db"
  await_launched mongo "$MONGO_READY_TIMEOUT" "$log" "$t0" "127.0.0.1:$SETPOINT_MONGO_PORT"
}

stop_mongo() { stop_launched mongo; }

status_mongo() { status_launched mongo "$SETPOINT_MONGO_PORT"; }

mongo_running() { mongo_pid >/dev/null; }
