#!/bin/sh
# features.sh of the local Liberty base (liberty.Containerfile): the runtime was minified to the
# features of server.xml already, so nothing is installed; this fails the image build when
# /config/server.xml names a feature the minified runtime lacks (server.xml changed since).
set -eu
missing=0
features=$(sed -n 's:.*<feature>\([^<]*\)</feature>.*:\1:p' /config/server.xml)
while read -r feature; do
  [ -n "$feature" ] || continue
  if ! grep -rqil "^IBM-ShortName: *${feature}[[:space:]]*$" /opt/ol/wlp/lib/features/; then
    echo "features.sh: ${feature} is not in the minified runtime; run ./setpoint images again" >&2
    missing=1
  fi
done <<EOF_FEATURES
$features
EOF_FEATURES
exit "$missing"
