#!/bin/sh
# configure.sh of the local Liberty base (liberty.Containerfile), the counterpart of the official
# image's: it gives group 0 the owner's rights on the output and log folders and on whatever the
# image added to the configuration without group read (an arbitrary UID in group 0). Files group 0
# can read already are left alone, so the applications are not copied into another layer. The
# applications run from their archives (autoExpand="false" in their configDropins), so nothing is
# expanded here, and HotSpot has no OpenJ9 class cache to warm: the server is not started.
set -eu
find /opt/ol/wlp/output /logs -exec chmod g=u {} +
find /opt/ol/wlp/usr/servers/defaultServer/ ! -perm -g=r -exec chmod g=u {} +
