# shellcheck shell=sh
# POSIX sh. Sourced by ./mvnw and ./setpoint: makes JAVA_HOME point at a JDK 21 or newer.
# Order: $JAVA_HOME when it is 21+, else the newest 21+ JDK under /usr/lib/jvm.
# Prints one line and returns 1 when there is none.

setpoint_java_major() {
  # The JDK's release file says it without starting a JVM; "25.0.1" -> 25, "1.8.0_392" -> 8.
  _sp_v=""
  if [ -r "$1/release" ]; then
    _sp_v=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$1/release")
  fi
  if [ -z "$_sp_v" ]; then
    _sp_v=$("$1/bin/java" -version 2>&1 | sed -n '1s/.*version "\([^"]*\)".*/\1/p')
  fi
  _sp_v=${_sp_v#1.}
  _sp_v=${_sp_v%%[!0-9]*}
  echo "${_sp_v:-0}"
}

setpoint_find_jdk() {
  # Plain globals, prefixed: POSIX sh has no 'local'.
  _sp_best=""
  _sp_best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    _sp_major=$(setpoint_java_major "$JAVA_HOME")
    if [ "${_sp_major:-0}" -ge 21 ]; then
      export JAVA_HOME
      return 0
    fi
  fi
  # find, not a glob: ./mvnw runs with globbing off (set -f).
  for _sp_candidate in $(find /usr/lib/jvm -mindepth 1 -maxdepth 1 2>/dev/null | sort); do
    # javac too: ./setpoint runs a single-file source program; links would list a JDK twice.
    if [ ! -x "$_sp_candidate/bin/javac" ] || [ -L "$_sp_candidate" ]; then
      continue
    fi
    _sp_major=$(setpoint_java_major "$_sp_candidate")
    if [ "${_sp_major:-0}" -ge 21 ] && [ "$_sp_major" -gt "$_sp_best_major" ]; then
      _sp_best=$_sp_candidate
      _sp_best_major=$_sp_major
    fi
  done
  if [ -z "$_sp_best" ]; then
    echo "setpoint: no JDK 21 or newer found (JAVA_HOME=${JAVA_HOME:-unset}, nothing in /usr/lib/jvm); install one, e.g. 'apt-get install openjdk-21-jdk-headless' or Temurin 21+, and set JAVA_HOME" >&2
    return 1
  fi
  export JAVA_HOME="$_sp_best"
}
