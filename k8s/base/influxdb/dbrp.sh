#!/bin/sh
# Map InfluxQL's database "setpoint", retention policy "autogen", to the bucket "setpoint" (the
# default mapping of that database), so that analytics' InfluxQL history queries work on 2.x.
# Idempotent: a mapping that already exists is kept. The influx CLI takes INFLUX_HOST,
# INFLUX_ORG and INFLUX_TOKEN from the environment.
set -eu
db=setpoint
bucket=setpoint
tries=0
until influx ping >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -ge 60 ]; then
    echo "InfluxDB at $INFLUX_HOST did not answer within 2 minutes" >&2
    exit 1
  fi
  sleep 2
done
bucket_id=$(influx bucket list --name "$bucket" --hide-headers | cut -f1)
if [ -z "$bucket_id" ]; then
  echo "no bucket $bucket in org $INFLUX_ORG" >&2
  exit 1
fi
if influx v1 dbrp list --db "$db" --hide-headers | grep -v virtual | grep -q "$bucket_id"; then
  echo "DBRP mapping $db/autogen -> $bucket ($bucket_id) already exists"
  exit 0
fi
influx v1 dbrp create --db "$db" --rp autogen --bucket-id "$bucket_id" --default
echo "DBRP mapping $db/autogen -> $bucket ($bucket_id) created"
