#!/bin/sh
# Builds target/setpoint-device-image: a jlink runtime with only the JDK modules jdeps finds in the
# agent and its libraries, the agent's jar and lib/ in app/, bin/setpoint-device, and class-data
# sharing archives of the JDK's and the agent's classes (lib/setpoint-device.jsa).
# Usage: build-image.sh <target dir> <jdk home>   (run by `./mvnw -pl device -am package -Pjlink`)
set -eu
target=$1
jdk=$2
image="$target/setpoint-device-image"
# jdeps on the jars (run per jar, as the Pi4J and Jakarta jars are modules that need each other):
# java.base java.logging java.net.http (agent), java.sql java.xml (Yasson, Parsson),
# java.desktop (JNA's optional AWT methods, which its class linking still needs),
# java.security.jgss (JSch, pulled in by Pi4J's linuxfs plugin).
modules=java.base,java.logging,java.net.http,java.sql,java.xml,java.desktop,java.security.jgss
rm -rf "$image"
# --generate-cds-archive: the base CDS archive of the JDK's classes (lib/server/classes.jsa), which
# the agent's dynamic archive below builds on.
"$jdk/bin/jlink" --add-modules "$modules" --output "$image" \
  --strip-debug --no-header-files --no-man-pages --compress zip-6 --generate-cds-archive
# Only for heaps above 32 GB (no compressed oops): never on a Pi; 14 MB.
rm -f "$image/lib/server/classes_nocoops.jsa"
mkdir -p "$image/app"
cp "$target/setpoint-device.jar" "$image/app/"
cp -r "$target/lib" "$image/app/lib"
cp "$(dirname "$0")/bin/setpoint-device" "$image/bin/setpoint-device"
chmod 755 "$image/bin/setpoint-device"

# The agent's own classes (Yasson, the HTTP client, the journal, ...) in a dynamic CDS archive:
# mapped from the file instead of parsed into metaspace, ~10 MB less resident (device/README.md).
# Recorded by a 15 s training run of one simulated device against the unit tests' stand-in
# ingest; the launcher uses it when present. Without the test classes (-Dmaven.test.skip) the
# image has the JDK's archive only.
if [ -d "$target/test-classes" ]; then
  train="$target/cds-training"
  rm -rf "$train"
  mkdir -p "$train"
  "$jdk/bin/java" -cp "$target/test-classes:$target/setpoint-device.jar:$target/lib/*" \
    dev.setpoint.device.StandInIngest 0 >"$train/ingest.log" 2>&1 &
  ingest=$!
  url=""
  for _ in $(seq 1 100); do
    url=$(sed -n 's/^stand-in ingest on //p' "$train/ingest.log")
    [ -n "$url" ] && break
    sleep 0.1
  done
  if [ -n "$url" ]; then
    JAVA_OPTS="-XX:ArchiveClassesAtExit=$image/lib/setpoint-device.jsa" \
      "$image/bin/setpoint-device" --ingest.url "$url" --device.name cds-training \
      --sensor simulated --interval 1s --state.dir "$train/state" --operator.token training \
      >"$train/agent.log" 2>&1 &
    agent=$!
    sleep 15
    kill -TERM "$agent"
    wait "$agent" || true
  fi
  kill -TERM "$ingest" 2>/dev/null || true
  wait "$ingest" 2>/dev/null || true
  if [ -s "$image/lib/setpoint-device.jsa" ]; then
    echo "CDS archive of the agent's classes: $(du -h "$image/lib/setpoint-device.jsa" | cut -f1)"
  else
    echo "no CDS archive of the agent's classes (training run failed, see $train)" >&2
  fi
fi
du -sh "$image"
