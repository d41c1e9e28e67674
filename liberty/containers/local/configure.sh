#!/bin/sh
# configure.sh of the local Liberty base (liberty.Containerfile): gives group 0 the owner's rights
# on Liberty's output and log folders and on whatever the image added to the server's
# configuration without group read (the official image's configure.sh does the same for an
# arbitrary UID in group 0). Files that group 0 can read already are left alone, so the
# applications are not copied into another layer. HotSpot has no OpenJ9 class cache to warm.
set -eu
find /opt/ol/wlp/output /logs -exec chmod g=u {} +
find /opt/ol/wlp/usr/servers/defaultServer/ ! -perm -g=r -exec chmod g=u {} +
