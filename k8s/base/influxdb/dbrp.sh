#!/bin/sh
# The time-series store's layout on InfluxDB 2.x, idempotently (a second run changes nothing):
#  - buckets: "setpoint" (raw points, kept SETPOINT_INFLUX_RAW_RETENTION_DAYS, made by the
#    container's setup), "setpoint_1m" and "setpoint_1h" (the roll-ups, kept
#    SETPOINT_INFLUX_ROLLUP_RETENTION_DAYS);
#  - DBRP mappings for analytics' InfluxQL reads: database "setpoint", retention policy "autogen"
#    (the default) -> "setpoint", "rollup_1m" -> "setpoint_1m", "rollup_1h" -> "setpoint_1h",
#    the names stack/influx.sh gives InfluxDB 1.x's retention policies;
#  - the roll-up tasks of /scripts/*.flux (created, or updated to the file's text).
# Shortening the raw bucket of an existing deployment would let InfluxDB drop its older points at
# the next retention check; so before it does, this rolls the whole bucket up with the tasks' own
# Flux (their range widened to all time) and says so. The influx CLI takes INFLUX_HOST,
# INFLUX_ORG and INFLUX_TOKEN from the environment.
set -eu
db=setpoint
bucket=setpoint
raw_hours=$((${SETPOINT_INFLUX_RAW_RETENTION_DAYS:-30} * 24))
rollup_hours=$((${SETPOINT_INFLUX_ROLLUP_RETENTION_DAYS:-730} * 24))
tries=0
until influx ping >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -ge 60 ]; then
    echo "InfluxDB at $INFLUX_HOST did not answer within 2 minutes" >&2
    exit 1
  fi
  sleep 2
done

bucket_id() {
  influx bucket list --name "$1" --hide-headers 2>/dev/null | cut -f1
}

# The retention in hours as the CLI lists it (column 3: 720h0m0s, or "infinite").
retention_of() {
  influx bucket list --name "$1" --hide-headers | cut -f3
}

ensure_bucket() {
  name=$1 hours=$2
  id=$(bucket_id "$name")
  if [ -z "$id" ]; then
    influx bucket create --name "$name" --retention "${hours}h" >/dev/null
    echo "bucket $name created, retention ${hours}h"
  elif [ "$(retention_of "$name")" != "${hours}h0m0s" ]; then
    influx bucket update --id "$id" --retention "${hours}h" >/dev/null
    echo "bucket $name: retention set to ${hours}h"
  else
    echo "bucket $name exists, retention ${hours}h"
  fi
}

ensure_dbrp() {
  rp=$1 name=$2 default=${3:-}
  id=$(bucket_id "$name")
  if influx v1 dbrp list --db "$db" --rp "$rp" --hide-headers 2>/dev/null | grep -v virtual | grep -q "$id"; then
    echo "DBRP mapping $db/$rp -> $name ($id) already exists"
    return 0
  fi
  # shellcheck disable=SC2086 # $default is one flag or nothing
  influx v1 dbrp create --db "$db" --rp "$rp" --bucket-id "$id" $default >/dev/null
  echo "DBRP mapping $db/$rp -> $name ($id) created"
}

ensure_task() {
  file=$1
  name=$(sed -n 's/^option task = {name: "\([^"]*\)".*/\1/p' "$file")
  id=$(influx task list --hide-headers | awk -F'\t' -v n="$name" '$2 == n { print $1 }')
  if [ -z "$id" ]; then
    influx task create --file "$file" >/dev/null
    echo "task $name created"
  else
    influx task update --id "$id" --file "$file" >/dev/null
    echo "task $name up to date"
  fi
}

# The tasks' Flux over all time, once: minutes before hours, as the tasks run.
backfill() {
  for file in /scripts/climate-1m.flux /scripts/room-1m.flux /scripts/climate-1h.flux \
    /scripts/room-1h.flux /scripts/energy-1h.flux; do
    sed -e '/^option task = /d' -e 's/range(start: -[0-9a-z]*)/range(start: 0)/' "$file" \
      >/tmp/backfill.flux
    influx query --file /tmp/backfill.flux >/dev/null
    echo "rolled up all of $bucket with $(basename "$file")"
  done
}

if [ -z "$(bucket_id "$bucket")" ]; then
  echo "no bucket $bucket in org $INFLUX_ORG" >&2
  exit 1
fi
ensure_bucket "${bucket}_1m" "$rollup_hours"
ensure_bucket "${bucket}_1h" "$rollup_hours"
ensure_dbrp autogen "$bucket" --default
ensure_dbrp rollup_1m "${bucket}_1m"
ensure_dbrp rollup_1h "${bucket}_1h"
for file in /scripts/*.flux; do
  ensure_task "$file"
done
current=$(retention_of "$bucket")
if [ "$current" != "${raw_hours}h0m0s" ]; then
  old=$(influx query "from(bucket: \"$bucket\") |> range(start: 0, stop: -${raw_hours}h) |> filter(fn: (r) => r._measurement == \"climate\") |> limit(n: 1) |> count() |> group() |> sum()" --raw 2>/dev/null | grep -c '^,_result' || true)
  if [ "$old" -gt 0 ]; then
    echo "bucket $bucket (retention $current) holds points older than ${raw_hours}h: rolling them up before InfluxDB drops them"
    backfill
  fi
  influx bucket update --id "$(bucket_id "$bucket")" --retention "${raw_hours}h" >/dev/null
  echo "bucket $bucket: retention ${current} -> ${raw_hours}h; older raw points are dropped by InfluxDB, the roll-ups keep them"
else
  echo "bucket $bucket exists, retention ${raw_hours}h"
fi
