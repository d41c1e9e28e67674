#!/bin/sh
# Builds target/setpoint-device-image: a jlink runtime with only the JDK modules jdeps finds in the
# agent and its libraries, the agent's jar and lib/ in app/, and bin/setpoint-device.
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
"$jdk/bin/jlink" --add-modules "$modules" --output "$image" \
  --strip-debug --no-header-files --no-man-pages --compress zip-6
mkdir -p "$image/app"
cp "$target/setpoint-device.jar" "$image/app/"
cp -r "$target/lib" "$image/app/lib"
cp "$(dirname "$0")/bin/setpoint-device" "$image/bin/setpoint-device"
chmod 755 "$image/bin/setpoint-device"
du -sh "$image"
