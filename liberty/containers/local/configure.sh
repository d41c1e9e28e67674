#!/bin/sh
# configure.sh of the local Liberty base (liberty.Containerfile), the counterpart of the official
# image's: it starts the server once so that Liberty expands the applications under
# /config/apps/expanded now (a read-only root filesystem cannot take them at run time), stops it,
# drops what that run wrote to the output and log folders, and gives group 0 the owner's rights
# there and on whatever the image added to the configuration without group read (an arbitrary
# UID in group 0). Files group 0 can read already are left alone, so the applications are not
# copied into another layer. HotSpot has no OpenJ9 class cache to warm.
set -eu
# The applications are expanded before Liberty starts them (CWWKZ0018I): waiting for that, and
# not for them to be up, keeps the build from waiting on services it cannot reach.
/opt/ol/wlp/bin/server start defaultServer >/dev/null 2>&1 &
tries=0
until grep -q CWWKZ0018I /logs/messages.log 2>/dev/null; do
  tries=$((tries + 1))
  if [ "$tries" -gt 240 ]; then
    echo "configure.sh: Liberty did not start the application within 120 s" >&2
    /opt/ol/wlp/bin/server stop defaultServer >/dev/null 2>&1 || true
    exit 1
  fi
  sleep 0.5
done
/opt/ol/wlp/bin/server stop defaultServer >/dev/null
wait
rm -rf /opt/ol/wlp/output/defaultServer/* /opt/ol/wlp/output/defaultServer/.[!.]* /logs/*
find /opt/ol/wlp/output /logs -exec chmod g=u {} +
find /opt/ol/wlp/usr/servers/defaultServer/ ! -perm -g=r -exec chmod g=u {} +
