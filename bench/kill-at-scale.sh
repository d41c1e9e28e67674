#!/bin/bash
# bench/kill-at-scale.sh: kill -9 of the MongoDB-wire server and of Liberty during an outage's
# fill and during its drain, at benchmark scale (issue 20; docs/benchmarks.md "kill -9 at scale").
#
#   ./mvnw -q -pl bench -am package -DskipTests && ./mvnw -q -pl bench dependency:copy-dependencies
#   SETPOINT_FLEET_SIZE=0 [SETPOINT_*_PORT=...] bench/kill-at-scale.sh
#
# Run it in a clone or worktree of its own: it stops and starts that clone's stack. In order:
#  1. the application stopped, EVENTS (1,000,000) events of 1,000 devices loaded straight into the
#     edge buffer (EdgeOutageBenchmark load), the backlog of an outage already under way;
#  2. the stack started, then the broker stopped (the WAN down); an open loop posts FILL_RATE
#     events/s (500) through ingest for FILL_SECONDS (300), listing every event answered 201;
#     meanwhile the MongoDB-wire server is killed (kill -9) and started again twice, Liberty once;
#  3. the broker started again (the link back): the relay drains while ARRIVE_RATE events/s (100)
#     keep arriving for DRAIN_SECONDS (600); the MongoDB-wire server and Liberty are each killed
#     and started again during the drain;
#  4. once nothing is left after the relay's cursor, the topic is read back whole and every loaded
#     event and every event answered 201 is looked for (once each, in per-device order), the log
#     read with a full scan (the store opens and reads cleanly after the kills), InfluxDB counted.
# Everything it prints goes to OUT (bench/target/kill-at-scale) as well; the timeline of the kills
# is OUT/timeline.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

EVENTS=${EVENTS:-1000000}
FILL_RATE=${FILL_RATE:-500}
FILL_SECONDS=${FILL_SECONDS:-300}
ARRIVE_RATE=${ARRIVE_RATE:-100}
DRAIN_SECONDS=${DRAIN_SECONDS:-600}
OUT=${OUT:-bench/target/kill-at-scale}
M=mongodb://127.0.0.1:${SETPOINT_MONGO_PORT:-27017}
KAFKA=127.0.0.1:${SETPOINT_KAFKA_PORT:-9092}
INFLUX=http://127.0.0.1:${SETPOINT_INFLUX_PORT:-8086}
INGEST=http://127.0.0.1:${SETPOINT_HTTP_PORT:-9080}
FILE=.setpoint/data/mongo/setpoint.mv.db
SECRETS=.setpoint/data/secrets
CP='bench/target/dependency/*'
RUN=ks$(date +%H%M%S)
# A Liberty restarted while the broker is down is not ready (the relay's broker check) until the
# drain begins; ./setpoint start app waits for it that long.
export SETPOINT_APP_READY_TIMEOUT=${SETPOINT_APP_READY_TIMEOUT:-1800}

[[ -d bench/target/dependency ]] || { echo "first: ./mvnw -q -pl bench dependency:copy-dependencies" >&2; exit 1; }
mkdir -p "$OUT"
: >"$OUT/timeline.txt"

note() { printf '%s %s\n' "$(date -u +%T)" "$*" | tee -a "$OUT/timeline.txt"; }
pid_of() { ./setpoint status | awk -v s="$1" '$1 == s && $2 == "up" { print $4 }' | cut -d, -f1; }
outage() { java -cp "$CP" bench/EdgeOutageBenchmark.java "$@" --mongo "$M"; }
backlog_line() { outage log --file "$FILE" | tee -a "$OUT/log.txt"; }

kill9() {
  local pid
  pid=$(pid_of "$1")
  [[ -n $pid ]] || { note "$1 is not running"; return 1; }
  kill -9 "$pid"
  note "kill -9 $1 (pid $pid)"
  # Gone only once the kernel has torn it down: until then its ports still listen, and a start
  # right away is refused ("port in use").
  while kill -0 "$pid" 2>/dev/null; do
    sleep 0.2
  done
}

# The store comes back at once (its start waits for its port); Liberty in the background, since
# its readiness needs the broker, which is down during the fill.
restart_mongo() {
  sleep "${1:-5}"
  ./setpoint start mongo >>"$OUT/setpoint.log" 2>&1
  note "mongo started again (pid $(pid_of mongo)): $(grep -m1 -E 'listening|cannot|rror' .setpoint/logs/mongo.log)"
}
restart_app() {
  ./setpoint start app >>"$OUT/setpoint.log" 2>&1 &
  local deadline=$((SECONDS + 180))
  until curl -sf -o /dev/null "$INGEST/health/live"; do
    ((SECONDS < deadline)) || { note "Liberty not live 180 s after its start"; return 1; }
    sleep 1
  done
  note "Liberty started again (pid $(pid_of app)), live"
}

post() { # rate seconds acked-file
  java bench/IngestBenchmark.java open --url "$INGEST" --token "$(cat "$OUT/operator.jwt")" \
    --device-count 1000 --rate "$1" --duration "$2" --warmup 0 --prewarm 0 --connections 64 \
    --acked "$3"
}

note "run $RUN: $EVENTS events loaded, fill $FILL_RATE/s for $FILL_SECONDS s, drain with $ARRIVE_RATE/s arriving"
{
  ./setpoint stop app
  ./setpoint start mongo
  ./setpoint start influx
} >>"$OUT/setpoint.log" 2>&1
outage load --events "$EVENTS" --devices 1000 --chunk 4 --run "$RUN" --state "$OUT/state" \
  --file "$FILE" | tee "$OUT/load.txt" | tail -2
{
  ./setpoint start
  ./setpoint stop kafka
} >>"$OUT/setpoint.log" 2>&1
note "the stack up, the broker stopped: the outage; $(backlog_line)"
token() { # an operator token for an hour (the local issuer's longest)
  java stack/OperatorSecrets.java mint-token "$SECRETS" "$OUT/operator.jwt" urn:setpoint:local-issuer \
    operator 3600 >/dev/null
}
token

# 2. The fill, with kills.
post "$FILL_RATE" "$FILL_SECONDS" "$OUT/acked-fill.txt" >"$OUT/fill.txt" 2>&1 &
FILL=$!
sleep 60 && kill9 mongo && restart_mongo 5
sleep 60 && kill9 app && restart_app
sleep 60 && kill9 mongo && restart_mongo 10
wait "$FILL" || true
note "fill done: $(grep -E 'posts|latency|answers|listed' "$OUT/fill.txt" | tr -s ' ' | tr '\n' ' ')"
note "before the drain: $(backlog_line)"
UNTIL=$(backlog_line | sed -E 's/^counter seq ([0-9]+).*/\1/')

# 3. The drain, with kills.
token
outage watch --until-seq "$UNTIL" --file "$FILE" --timeout $((DRAIN_SECONDS + 1200)) >"$OUT/watch.txt" 2>&1 &
WATCH=$!
./setpoint start kafka >>"$OUT/setpoint.log" 2>&1
note "broker started: the link is back"
post "$ARRIVE_RATE" "$DRAIN_SECONDS" "$OUT/acked-drain.txt" >"$OUT/drain-posts.txt" 2>&1 &
ARRIVE=$!
sleep 60 && kill9 mongo && restart_mongo 5
sleep 90 && kill9 app && restart_app
wait "$WATCH" || true
note "$(tail -1 "$OUT/watch.txt")"
wait "$ARRIVE" || true
note "arrivals done: $(grep -E 'posts|answers|listed' "$OUT/drain-posts.txt" | tr -s ' ' | tr '\n' ' ')"
deadline=$((SECONDS + 600))
# The batch documents after the cursor, not the counter's total: a killed Liberty never told the
# counter the events of its last block (docs/benchmarks.md "kill -9 at scale").
until backlog_line | grep -q ', 0 in 0 batch documents'; do
  ((SECONDS < deadline)) || { note "the backlog did not drain within 600 s"; break; }
  sleep 10
done
note "drained: $(tail -1 "$OUT/log.txt")"

# 4. Every event, once, in order.
sleep 60 # analytics' last batches
java -cp ".setpoint/lib/kafka/*" org.apache.kafka.tools.consumer.ConsoleConsumer \
  --bootstrap-server "$KAFKA" --topic setpoint.telemetry --from-beginning \
  --property print.key=true --timeout-ms 20000 >"$OUT/topic.txt" 2>/dev/null || true
note "topic read back: $(wc -l <"$OUT/topic.txt") messages"
FILL_RUN=$(awk '{ sub(/-[0-9]+$/, "-", $1); print $1; exit }' "$OUT/acked-fill.txt")
DRAIN_RUN=$(awk '{ sub(/-[0-9]+$/, "-", $1); print $1; exit }' "$OUT/acked-drain.txt")
note "loaded: $(outage verify --dump "$OUT/topic.txt" --prefix "$RUN-" --expected "$EVENTS" --influx "$INFLUX" | tr '\n' ' ')"
note "fill: $(outage verify --dump "$OUT/topic.txt" --prefix "$FILL_RUN" --acked "$OUT/acked-fill.txt" --influx "$INFLUX" | tr '\n' ' ')"
note "drain: $(outage verify --dump "$OUT/topic.txt" --prefix "$DRAIN_RUN" --acked "$OUT/acked-drain.txt" --influx "$INFLUX" | tr '\n' ' ')"
note "the store's log since its last start: $(grep -ciE 'not found|corrupt|exception' .setpoint/logs/mongo.log || true) lines naming an exception, a missing chunk or corruption"
