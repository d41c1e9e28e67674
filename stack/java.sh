# shellcheck shell=bash
# stack/java.sh, sourced by ./setpoint: the JDK, the Maven wrapper, and the jars the stack's Java
# services run from (copied from Maven Central once, by stack/pom.xml).

# Resolve a JDK 21+ once, the same way ./mvnw does (.mvn/find-jdk.sh): JAVA_HOME if new enough,
# else the newest under /usr/lib/jvm. The machine's default java may be older (17), so PATH is
# never trusted.
# shellcheck source=.mvn/find-jdk.sh
. "$ROOT/.mvn/find-jdk.sh"
JAVA_MAJOR=""
need_java() {
  [[ -z $JAVA_MAJOR ]] || return 0
  setpoint_find_jdk 2>/dev/null ||
    die "no JDK 21 or newer found (JAVA_HOME=${JAVA_HOME:-unset}, /usr/lib/jvm); install one (e.g. Temurin 21) and set JAVA_HOME"
  export PATH="$JAVA_HOME/bin:$PATH"
  JAVA_MAJOR=$(setpoint_java_major "$JAVA_HOME")
}

# JVM flags for the stack's own Java services. On JDK 24+ Netty, zstd and snappy would otherwise
# fill the logs with Unsafe and native-access warnings; older JDKs do not know these flags.
jvm_flags() {
  JVM_FLAGS=(-XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true)
  if ((JAVA_MAJOR >= 24)); then
    JVM_FLAGS+=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
  fi
}

# The Maven wrapper pins the Maven version for everyone; never the system mvn.
mvnw() {
  [[ -f $ROOT/mvnw ]] || die "the Maven wrapper $ROOT/mvnw is missing; restore it (git checkout -- mvnw)"
  need_java
  if [[ -x $ROOT/mvnw ]]; then
    (cd "$ROOT" && ./mvnw "$@")
  else
    (cd "$ROOT" && sh ./mvnw "$@")
  fi
}

# Copy one profile of stack/pom.xml into lib/<profile>, once. The marker holds a checksum of the
# pom, so a version change there downloads again and an interrupted copy is never mistaken for
# a complete one.
ensure_lib() {
  local profile=$1 dir="$LIB_DIR/$1" stamp log="$LOG_DIR/download-$1.log"
  stamp=$(cksum <"$STACK_DIR/pom.xml")
  if [[ -f $dir/.complete && $(<"$dir/.complete") == "$stamp" ]]; then
    return 0
  fi
  say "downloading the $profile jars into $dir (once)"
  rm -rf "$dir"
  mkdir -p "$LOG_DIR"
  if ! mvnw -B -q -f "$STACK_DIR/pom.xml" dependency:copy-dependencies -P "$profile" \
    -DoutputDirectory="$dir" >"$log" 2>&1; then
    show_log_tail "$log"
    die "could not download the $profile jars (Maven Central reachable?)"
  fi
  printf '%s\n' "$stamp" >"$dir/.complete"
}
