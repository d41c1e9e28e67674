# shellcheck shell=bash
# stack/lib.sh, sourced by ./setpoint: its output (say, warn, die), timing and service logs.

say() { printf 'setpoint: %s\n' "$*"; }
warn() { printf 'setpoint: %s\n' "$*" >&2; }
die() {
  warn "$*"
  # `start` keeps the services that came up before the failing one (see cmd_start).
  if ((KEEP_STARTED > 0)); then
    warn "still running: ${STARTED[*]:0:KEEP_STARTED} (./setpoint stop to stop them)"
  fi
  STARTED=("${STARTED[@]:KEEP_STARTED}")
  stop_started
  exit 1
}

# Microseconds since the epoch; EPOCHREALTIME needs no subprocess (its separator follows the locale).
now_us() {
  if [[ -n ${EPOCHREALTIME:-} ]]; then
    local t=${EPOCHREALTIME/[.,]/}
    printf '%s\n' "$t"
  else
    printf '%s\n' "$(($(date +%s%N) / 1000))"
  fi
}

# Seconds since a now_us value, one decimal.
seconds_since() {
  local d=$(($(now_us) - $1))
  printf '%d.%d' $((d / 1000000)) $((d % 1000000 / 100000))
}

# Print the end of a service log, indented, with its path: what a failed start shows.
show_log_tail() {
  local log=$1 lines=${2:-20}
  if [[ -s $log ]]; then
    warn "last $lines lines of $log:"
    tail -n "$lines" "$log" | sed 's/^/    /' >&2
  else
    warn "log: $log (empty)"
  fi
}

# Keep the previous run's log as <log>.1, so a log never grows without bound across restarts.
rotate_log() {
  mkdir -p "$(dirname "$1")"
  if [[ -s $1 ]]; then
    mv -f "$1" "$1.1"
  fi
  printf '=== %s: started by ./setpoint (pid %s) ===\n' "$(date '+%F %T')" "$$" >"$1"
}
