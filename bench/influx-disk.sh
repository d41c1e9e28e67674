#!/usr/bin/env bash
# Disk used per device at 10 s reporting in InfluxDB 1.x, raw and rolled up (docs/benchmarks.md,
# "Time-series store: disk per device"). Starts a scratch influxd of its own (loopback, free ports,
# a temporary directory; the stack's influxd is not touched), gives its database the stack's
# retention policies and continuous queries (stack/influx.sh), writes DEVICES devices x DAYS days
# of climate points 10 s apart as analytics writes them, rolls them up with the continuous
# queries' own SELECT ... INTO over those days, lets InfluxDB compact the shards fully, and
# reports the bytes on disk of each retention policy, per device-day.
#   bench/influx-disk.sh [DEVICES=10] [DAYS=2]
set -euo pipefail
DEVICES=${1:-10}
DAYS=${2:-2}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=$(mktemp -d /tmp/setpoint-influx-disk.XXXXXX)
HTTP_PORT=${HTTP_PORT:-18186}
RPC_PORT=${RPC_PORT:-18188}
cat >"$DIR/influxd.conf" <<CONF
reporting-disabled = true
bind-address = "127.0.0.1:$RPC_PORT"
[meta]
  dir = "$DIR/meta"
[data]
  dir = "$DIR/data"
  wal-dir = "$DIR/wal"
  query-log-enabled = false
  # Flush and fully compact a shard soon after its last write, as InfluxDB does after 4 h.
  cache-snapshot-write-cold-duration = "5s"
  compact-full-write-cold-duration = "10s"
[monitor]
  store-enabled = false
[http]
  bind-address = "127.0.0.1:$HTTP_PORT"
  log-enabled = false
[logging]
  level = "warn"
CONF
influxd -config "$DIR/influxd.conf" >"$DIR/influxd.log" 2>&1 &
PID=$!
trap 'kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; rm -rf "$DIR"' EXIT
for _ in $(seq 50); do
  curl -sf -o /dev/null "http://127.0.0.1:$HTTP_PORT/ping" && break
  sleep 0.2
done

# The stack's definitions, against this influxd.
say() { echo "influx-disk: $*"; }
warn() { echo "influx-disk: $*" >&2; }
# shellcheck disable=SC2034 # both read by stack/influx.sh
SETPOINT_INFLUXD_PORT=$HTTP_PORT
INFLUX_DB=setpoint
# shellcheck source=/dev/null
source "$ROOT/stack/influx.sh"
influxql_ok "CREATE DATABASE $INFLUX_DB"
influx_lifecycle

# Days ending at the last midnight: inside the raw retention, whole days for the roll-ups.
end=$(($(date -u +%s) / 86400 * 86400))
start=$((end - DAYS * 86400))
t0=$(date +%s.%N)
for ((d = 0; d < DEVICES; d++)); do
  # One climate device as analytics writes it (infrastructure/timeseries/ClimatePoints): tags
  # device, source, site, room; the event id, temperature and humidity, the site's weather and
  # the setpoint (weather served stale, marked on the reading, is left out: it is the exception);
  # values that move as a room's do.
  awk -v d="$d" -v start="$start" -v end="$end" 'BEGIN {
    srand(d + 1)
    for (t = start; t < end; t += 10) {
      temp = 22 + 2 * sin((t % 86400) / 86400 * 6.283) + (rand() - 0.5) * 0.2
      hum = 45 + 5 * sin((t % 86400) / 86400 * 6.283 + 1) + (rand() - 0.5)
      out = 5 + 6 * sin((t % 86400) / 86400 * 6.283 - 2)
      printf "climate,device=rack-%04d,room=hall-%d,site=gwangju,source=climate ", d, d % 4
      # mawk prints at most 31 bits per %d or %x: the id in 24-bit pieces, the time in seconds.
      printf "event_id=\"%06x%02x-%04x-4%03x-a%03x-%06x%06x\",temperature=%.2f,humidity=%.1f,", \
        rand() * 16777215, rand() * 255, rand() * 65535, rand() * 4095, rand() * 4095, \
        rand() * 16777215, rand() * 16777215, temp, hum
      printf "outdoor_temperature=%.1f,outdoor_humidity=%.0f,weather_category=%di,", \
        out, 70 + 10 * sin(t / 40000), 1 + int(t / 10800) % 3
      printf "current_setpoint=%.1f %d000000000\n", 20 + int(t / 7200) % 3 * 0.5, t
    }
  }' | split -l 5000 --filter "curl -sf -XPOST 'http://127.0.0.1:$HTTP_PORT/write?db=$INFLUX_DB&rp=raw' --data-binary @-" -
done
# The site's weather observations (infrastructure/timeseries/WeatherPoints), one each 10 minutes,
# shared by its devices.
awk -v start="$start" -v end="$end" 'BEGIN {
  for (t = start; t < end; t += 600) {
    printf "weather,site=gwangju,source=openweathermap category=%di,humidity=%.0f,simulated=false,", \
      1 + int(t / 10800) % 3, 70 + 10 * sin(t / 40000)
    printf "temperature=%.1f %d000000000\n", 5 + 6 * sin((t % 86400) / 86400 * 6.283 - 2), t
  }
}' | split -l 5000 --filter "curl -sf -XPOST 'http://127.0.0.1:$HTTP_PORT/write?db=$INFLUX_DB&rp=raw' --data-binary @-" -
t1=$(date +%s.%N)
window="time >= ${start}s - 1m AND time < ${end}s"
influxql_ok "$(rollup_select climate raw rollup_1m 1m "$window")"
influxql_ok "$(rollup_select room raw rollup_1m 1m "$window")"
hours="time >= ${start}s AND time < ${end}s"
influxql_ok "$(rollup_select climate rollup_1m rollup_1h 1h "$hours")"
influxql_ok "$(rollup_select room rollup_1m rollup_1h 1h "$hours")"
t2=$(date +%s.%N)

# Wait until every shard is one fully compacted TSM file and the WAL is empty.
bytes() { du -sb "$DIR/data/$INFLUX_DB/$1" 2>/dev/null | cut -f1; }
for _ in $(seq 120); do
  wal=$(find "$DIR/wal" -name '*.wal' -size +0 | wc -l)
  pending=0
  for shard in "$DIR"/data/"$INFLUX_DB"/*/*; do
    n=$(find "$shard" -name '*.tsm' | wc -l)
    ((n <= 1)) || pending=1
  done
  ((wal == 0 && pending == 0)) && break
  sleep 1
done
points=$(influxql "SELECT count(temperature) FROM raw.climate" | grep -o '"values":\[\[[^]]*\]' | grep -o '[0-9]*\]$' | tr -d ']')
device_days=$((DEVICES * DAYS))
printf 'devices %d x days %d = %d device-days; raw points %s; wrote in %.1f s; rolled up in %.1f s\n' \
  "$DEVICES" "$DAYS" "$device_days" "$points" "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)"
printf '%-10s %12s %16s %20s\n' policy bytes bytes/device-day "MB/device-year"
for rp in raw rollup_1m rollup_1h; do
  b=$(bytes "$rp")
  printf '%-10s %12d %16d %20.2f\n' "$rp" "$b" "$((b / device_days))" "$(echo "$b / $device_days * 365 / 1000000" | bc -l)"
done
