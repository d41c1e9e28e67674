#!/bin/sh
# Builds target/setpoint-device-image: a jlink runtime with only the JDK modules jdeps finds in the
# agent and its libraries, the agent's jar and lib/ in app/, bin/setpoint-device, and one
# class-data sharing archive (lib/setpoint-device.jsa) of exactly the classes the agent loads.
# Usage: build-image.sh <target dir> <jdk home>   (run by `./mvnw -pl device -am package -Pjlink`)
set -eu
target=$1
jdk=$2
image="$target/setpoint-device-image"
# jdeps on the jars (run per jar, as the Pi4J and Jakarta jars are modules that need each other):
# java.base java.logging java.net.http (agent), java.sql java.xml (Yasson's date and calendar
# types). No java.desktop and no java.security.jgss: the pom leaves out JNA and JSch, which only
# Pi4J's unused SPI provider (JNA) and nothing at all (JSch) would load.
modules=java.base,java.logging,java.net.http,java.sql,java.xml
rm -rf "$image"
# No --generate-cds-archive: jlink's archive holds the JDK's default class list (14 MB, half of it
# classes the agent never loads); the archive below replaces it.
"$jdk/bin/jlink" --add-modules "$modules" --output "$image" \
  --strip-debug --no-header-files --no-man-pages --compress zip-6
mkdir -p "$image/app"
cp "$target/setpoint-device.jar" "$image/app/"
cp -r "$target/lib" "$image/app/lib"
cp "$(dirname "$0")/bin/setpoint-device" "$image/bin/setpoint-device"
chmod 755 "$image/bin/setpoint-device"

# Class-data sharing: the classes a running agent loads (the JDK's and its own: Yasson, the HTTP
# client, the journal, ...) are mapped read-only from one static archive instead of parsed into
# metaspace, ~10 MB less resident (README.md, Footprint). The class list comes from a 15 s
# training run of one simulated device against the unit tests' stand-in ingest; without the test
# classes (-Dmaven.test.skip) it runs against no ingest at all, which loads all but the classes of
# a successful exchange.
train="$target/cds-training"
rm -rf "$train"
mkdir -p "$train"
url=http://127.0.0.1:9
# With no stand-in ingest, the training agent only needs some code to start with: one made for
# this run, which no ingest ever issued.
code="spe_$(head -c 20 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
ingest=""
if [ -d "$target/test-classes" ]; then
  "$jdk/bin/java" -cp "$target/test-classes:$target/setpoint-device.jar:$target/lib/*" \
    dev.setpoint.device.StandInIngest 0 >"$train/ingest.log" 2>&1 &
  ingest=$!
  for _ in $(seq 1 100); do
    found=$(sed -n 's/^stand-in ingest on //p' "$train/ingest.log")
    if [ -n "$found" ] && grep -q '^enrolment code: ' "$train/ingest.log"; then
      url=$found
      code=$(sed -n 's/^enrolment code: //p' "$train/ingest.log")
      break
    fi
    sleep 0.1
  done
fi
JAVA_OPTS="-XX:DumpLoadedClassList=$train/classes.lst" \
  "$image/bin/setpoint-device" --ingest.url "$url" --device.name cds-training \
  --sensor simulated --interval 1s --state.dir "$train/state" --enrolment.code "$code" \
  >"$train/agent.log" 2>&1 &
agent=$!
sleep 15
kill -TERM "$agent"
wait "$agent" || true
if [ -n "$ingest" ]; then
  kill -TERM "$ingest" 2>/dev/null || true
  wait "$ingest" 2>/dev/null || true
fi
# The archive records the class path the launcher uses (-jar app/setpoint-device.jar and its
# manifest's lib/ jars) and their sizes and timestamps.
if [ -s "$train/classes.lst" ] && (cd "$image" && bin/java -Xshare:dump \
    -XX:SharedClassListFile="$train/classes.lst" -XX:SharedArchiveFile=lib/setpoint-device.jsa \
    -cp app/setpoint-device.jar >"$train/dump.log" 2>&1); then
  echo "CDS archive of the agent's classes: $(du -h "$image/lib/setpoint-device.jsa" | cut -f1)"
else
  echo "no CDS archive (training run or dump failed, see $train); the agent runs without one" >&2
  rm -f "$image/lib/setpoint-device.jsa"
fi
du -sh "$image"
