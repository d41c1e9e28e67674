#!/usr/bin/env bash
# The local run's footprint (docs/benchmarks.md, "Container images and the local run"): the size
# of every image, each pod's cold start to ready and its memory at rest, and the same WARs in one
# Liberty on the host (./setpoint start app) measured in the same run. Needs the images
# (./setpoint images) and the stack's kafka, mongo and influx running; takes the pods and the app
# down again. Run as root from the repository root:
#   bench/podman-footprint.sh [RUNS=3] [REST_SECONDS=60]
# Cold start: from `k8s/deploy podman <overlay>` until /health/ready answers 200, polled every
# 0.5 s; cloud (analytics) is played alone, then edge (ingest and relay start together, as a
# deploy of the overlay does). At rest: REST_SECONDS after the last pod was ready, the resident
# set of each Liberty JVM (VmRSS, what the host gives it) and its container's memory cgroup usage
# (what the 1Gi limit counts: the JVM plus page cache of its files).
set -euo pipefail
RUNS=${1:-3}
REST=${2:-60}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
declare -A PORT=([ingest]=30443 [relay]=30444 [analytics]=30445)

now_ms() { date +%s%3N; }

# Milliseconds from $1 (ms) until https://127.0.0.1:$2/health/ready answers 200.
ready_after() {
  local t0=$1 port=$2 tries=0
  until [[ $(curl -sk -o /dev/null -w '%{http_code}' "https://127.0.0.1:$port/health/ready") == 200 ]]; do
    tries=$((tries + 1))
    ((tries < 600)) || {
      echo "no ready answer on $port within 5 minutes" >&2
      exit 1
    }
    sleep 0.5
  done
  echo $(($(now_ms) - t0))
}

# "<VmRSS MB> <cgroup usage MB>" of the JVM with pid $1.
memory_of() {
  local pid=$1 rss cgroup usage
  rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")
  cgroup=$(awk -F: '$2 == "memory" { print $3 }' "/proc/$pid/cgroup")
  if [[ -r /sys/fs/cgroup/memory$cgroup/memory.usage_in_bytes ]]; then
    usage=$(($(<"/sys/fs/cgroup/memory$cgroup/memory.usage_in_bytes") / 1024 / 1024))
  elif [[ -r /sys/fs/cgroup$(awk -F: '$1 == "0" { print $3 }' "/proc/$pid/cgroup")/memory.current ]]; then
    usage=$(($(<"/sys/fs/cgroup$(awk -F: '$1 == "0" { print $3 }' "/proc/$pid/cgroup")/memory.current") / 1024 / 1024))
  else
    usage=-
  fi
  echo "$((rss / 1024)) $usage"
}

echo "images:"
podman images --format '  {{.Repository}}:{{.Tag}} {{.Size}}' --filter reference='localhost/setpoint*'

for ((run = 1; run <= RUNS; run++)); do
  k8s/deploy podman edge --down >/dev/null
  k8s/deploy podman cloud --down >/dev/null
  t0=$(now_ms)
  k8s/deploy podman cloud >/dev/null 2>&1
  analytics=$(ready_after "$t0" "${PORT[analytics]}")
  t0=$(now_ms)
  k8s/deploy podman edge >/dev/null 2>&1
  ingest=$(ready_after "$t0" "${PORT[ingest]}")
  relay=$(ready_after "$t0" "${PORT[relay]}")
  sleep "$REST"
  line="run $run: ready (ms) analytics $analytics, ingest $ingest, relay $relay; at rest (RSS MB / cgroup MB)"
  for role in ingest relay analytics; do
    line+=" $role $(memory_of "$(podman inspect "$role-pod-0-$role" --format '{{.State.Pid}}')" | tr ' ' /)"
  done
  echo "$line"
  k8s/deploy podman edge --down >/dev/null
  k8s/deploy podman cloud --down >/dev/null

  # The same WARs in one Liberty on the host: the EAR of ./setpoint start app.
  t0=$(now_ms)
  ./setpoint start app >/dev/null
  host=$(ready_after "$t0" "${SETPOINT_HTTPS_PORT:-9443}")
  sleep "$REST"
  pid=$(./setpoint status | awk '$1 == "app" && $2 == "up" { print $4 }')
  echo "run $run: host Liberty (the EAR): ready after $host ms; at rest RSS $(memory_of "$pid" | cut -d' ' -f1) MB"
  ./setpoint stop app >/dev/null
done
