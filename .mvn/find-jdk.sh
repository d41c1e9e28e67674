# POSIX sh. Sourced by ./mvnw and ./setpoint: makes JAVA_HOME point at a JDK 21 or newer.
# Order: $JAVA_HOME when it is 21+, else the newest 21+ JDK under /usr/lib/jvm.
# Prints one line and returns 1 when there is none.

setpoint_java_major() {
  # "25.0.1" -> 25, "17.0.15" -> 17, "1.8.0_392" -> 8
  local v
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  v=${v#1.}
  echo "${v%%.*}"
}

setpoint_find_jdk() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(setpoint_java_major "$JAVA_HOME")
    if [ "${major:-0}" -ge 21 ]; then
      export JAVA_HOME
      return 0
    fi
  fi
  # find, not a glob: ./mvnw runs with globbing off (set -f).
  for candidate in $(find /usr/lib/jvm -mindepth 1 -maxdepth 1 2>/dev/null | sort); do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(setpoint_java_major "$candidate")
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best=$candidate
      best_major=$major
    fi
  done
  if [ -z "$best" ]; then
    echo "setpoint: no JDK 21 or newer found (JAVA_HOME=${JAVA_HOME:-unset}, nothing in /usr/lib/jvm); install one, e.g. 'apt-get install openjdk-21-jdk-headless' or Temurin 21+, and set JAVA_HOME" >&2
    return 1
  fi
  export JAVA_HOME=$best
}
