# shellcheck shell=bash
# stack/process.sh, sourced by ./setpoint: the service processes (found by the tag in their
# environment, pid files checked against /proc, detached launch, SIGTERM then SIGKILL, stop on
# interrupt, run's watch over what it started), their ports and readiness.

# True if the pid exists and is not a zombie.
alive() {
  local stat ppid
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [[ ${stat:0:1} != Z ]]
}

# True if the pid is alive and its command line contains the marker.
is_ours() {
  local pid=$1 marker=$2 cmdline
  [[ $pid =~ ^[0-9]+$ ]] && alive "$pid" || return 1
  cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
  [[ $cmdline == *"$marker"* ]]
}

# Every process a launch starts carries SETPOINT_SERVICE=<name>@<run dir> in its environment, and
# its children inherit it: status, stop and run find a service's processes by it even when its pid
# file is gone or names another process. nginx writes its process title over its environment, so
# it is found by its pid file alone (run still watches it by pid).
service_tag() { printf 'SETPOINT_SERVICE=%s@%s' "$1" "$RUN_DIR"; }

# The parent pid of a process (field 4 of /proc/<pid>/stat), or nothing.
parent_of() {
  local stat ppid
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  read -r _ ppid _ <<<"$stat"
  printf '%s\n' "$ppid"
}

# When a process started (field 22 of /proc/<pid>/stat, clock ticks since boot): with the pid it
# names one process, so a reused pid is not mistaken for the one run started.
started_at() {
  local stat fields
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  read -ra fields <<<"$stat"
  printf '%s\n' "${fields[19]}"
}

# Pids of the live processes that carry NAME's tag (the service and all its children).
tagged_pids() {
  local tag file pid
  tag=$(service_tag "$1")
  while IFS= read -r file; do
    pid=${file#/proc/}
    pid=${pid%/environ}
    if [[ $pid != "$BASHPID" ]] && alive "$pid"; then
      printf '%s\n' "$pid"
    fi
  done < <(grep -lzxF -- "$tag" /proc/[0-9]*/environ 2>/dev/null)
}

# The service's main processes among the tagged ones: those with the marker whose parent is not
# tagged too (one a service, unless something started it twice).
tagged_main_pids() {
  local name=$1 marker=$2 pid ppid pids
  mapfile -t pids < <(tagged_pids "$name")
  for pid in "${pids[@]}"; do
    is_ours "$pid" "$marker" || continue
    ppid=$(parent_of "$pid") || continue
    [[ " ${pids[*]} " == *" $ppid "* ]] || printf '%s\n' "$pid"
  done
}

# Print the service's pid: the one in <name>.pid if is_ours, else its tagged main process (and the
# pid file is written again); fail, and forget the pid file, when neither runs.
pid_of() {
  local name=$1 marker=$2 file="$RUN_DIR/$1.pid" pid
  if [[ -f $file ]]; then
    pid=$(<"$file")
    if is_ours "$pid" "$marker"; then
      printf '%s\n' "$pid"
      return 0
    fi
  fi
  pid=$(tagged_main_pids "$name" "$marker" | head -n 1)
  if [[ -n $pid ]]; then
    printf '%s\n' "$pid" >"$file"
    printf '%s\n' "$pid"
    return 0
  fi
  rm -f "$file" "$RUN_DIR/$name.data"
  return 1
}

# Start a command detached (own session, stdin closed, output appended to the log, the service's
# tag in its environment); the child writes its own pid before exec, so the pid file is right even
# if setsid had to fork.
launch() {
  local name=$1 log=$2
  shift 2
  mkdir -p "$RUN_DIR"
  rm -f "$RUN_DIR/$name.pid"
  # shellcheck disable=SC2016 # $$ and $@ belong to the inner bash
  env "$(service_tag "$name")" setsid bash -c 'echo $$ >"$0"; exec "$@"' "$RUN_DIR/$name.pid" "$@" \
    </dev/null >>"$log" 2>&1 &
  # Out of the job table: bash would otherwise print a "Killed" job report for it.
  disown "$!" 2>/dev/null || true
  local i
  for ((i = 0; i < 50; i++)); do
    [[ -s $RUN_DIR/$name.pid ]] && break
    sleep 0.1
  done
  printf '%s\n' "$SETPOINT_DATA" >"$RUN_DIR/$name.data"
}

# SIGTERM, wait up to STOP_TIMEOUT seconds, then SIGKILL.
terminate() {
  local label=$1 pid=$2 i
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < STOP_TIMEOUT * 10; i++)); do
    alive "$pid" || return 0
    sleep 0.1
  done
  warn "$label (pid $pid) did not stop within ${STOP_TIMEOUT} s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    alive "$pid" || return 0
    sleep 0.1
  done
}

# After launch: remember NAME as started by this invocation, wait for NAME_ready (up to TIMEOUT
# seconds, showing LOG if it dies or times out) and say how long it took since T0, with DETAIL.
await_launched() {
  local name=$1 timeout=$2 log=$3 t0=$4 detail=$5 pid
  STARTED+=("$name")
  pid=$("${name}_pid") || true
  wait_ready "$name" "${pid:-}" "$timeout" "${name}_ready" "$log"
  say "$name ready in $(seconds_since "$t0") s (pid $pid, $detail)"
}

# Stop a launched process (LABEL names it in the message; its pid comes from NAME_pid) and any
# other process that still carries its tag, and forget its pid and data files.
stop_launched() {
  local name=$1 label=${2:-$1} pid
  if pid=$("${name}_pid"); then
    say "stopping $label (pid $pid)"
    terminate "$name" "$pid"
  fi
  stop_tagged "$name" "$label"
  rm -f "$RUN_DIR/$name.pid" "$RUN_DIR/$name.data"
}

# Stop whatever still carries NAME's tag: a second copy, or children its main process left.
stop_tagged() {
  local name=$1 label=${2:-$1} pid
  for pid in $(tagged_pids "$name"); do
    say "stopping $label (pid $pid, left running)"
    terminate "$name" "$pid"
  done
}

# The status line of a service that is one launched process: NAME PORTS.
status_launched() {
  local name=$1 ports=$2 pid
  if pid=$("${name}_pid"); then
    status_line "$name" up "$pid" "$ports" "$name"
  else
    status_line "$name" down "" "$ports"
  fi
}

# Stop whatever this invocation started, newest first (failure, Ctrl-C, end of `run`/`test`).
stop_started() {
  local i
  for ((i = ${#STARTED[@]} - 1; i >= 0; i--)); do
    "stop_${STARTED[i]}" || true
  done
  STARTED=()
}

on_signal() {
  trap '' INT TERM
  printf '\n'
  if [[ -n $MVN_PID ]]; then
    stop_maven
    stop_test_liberty_servers
  fi
  if ((${#STARTED[@]})); then
    say "stopping ${STARTED[*]}"
  fi
  stop_started
  exit 130
}

check_port_vars() {
  local var value
  if ! [[ $SETPOINT_FLEET_SIZE =~ ^[0-9]+$ ]] || ((SETPOINT_FLEET_SIZE > 100000)); then
    warn "SETPOINT_FLEET_SIZE must be a number of devices (0-100000, 0 = no fleet), not '$SETPOINT_FLEET_SIZE'"
    exit 1
  fi
  for var in "${PORT_VARS[@]}"; do
    value=${!var}
    if ! [[ $value =~ ^[0-9]+$ ]] || ((value < 1 || value > 65535)); then
      warn "$var must be a TCP port number (1-65535), not '$value'"
      exit 1
    fi
  done
}

# True if something accepts connections on 127.0.0.1:port (bash's /dev/tcp, no extra tool).
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Refuse to start a service whose port another process holds, naming the variable to change.
require_free_ports() {
  local svc=$1 var
  shift
  for var in "$@"; do
    if port_open "${!var}"; then
      die "port ${!var} ($svc) is already in use by another process; set $var to another port"
    fi
  done
}

# Wait until check_fn succeeds; fail if the process dies or the timeout passes.
wait_ready() {
  local svc=$1 pid=$2 timeout=$3 check_fn=$4 log=$5 deadline
  deadline=$((SECONDS + timeout))
  until "$check_fn"; do
    if [[ -n $pid ]] && ! alive "$pid"; then
      warn "$svc exited during start-up"
      show_log_tail "$log"
      die "$svc failed to start"
    fi
    if ((SECONDS >= deadline)); then
      warn "$svc was not ready within $timeout s"
      show_log_tail "$log"
      die "$svc failed to start"
    fi
    sleep 0.5
  done
}
