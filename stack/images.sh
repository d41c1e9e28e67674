# shellcheck shell=bash
# stack/images.sh, sourced by ./setpoint: `images`, the container images of the Kubernetes
# deployment (k8s/), built with Debian's podman on a machine that reaches no image registry.
#
# - podman, runc and debootstrap come from Debian. Podman 4.3.1 runs containers here only with
#   runc and lowered default ulimits; those two settings go into a drop-in of our own under
#   /etc/containers/containers.conf.d (read after containers.conf), never into the operator's file.
# - The base is made from Debian's packages once per machine: debootstrap --variant=minbase of
#   trixie (the suite with OpenJDK 21) plus openjdk-21-jre-headless, imported into podman's store
#   (outside the clone) as $IMAGES_BASE; it is rebuilt only when missing (or with --rebase).
# - The Liberty layer is the full openliberty-runtime zip the Maven build already downloads,
#   reduced by `server package --include=minify` to the features server.xml names (Open Liberty's
#   kernel and feature archives are not served here, so the official images' features.sh cannot
#   run). liberty/containers/liberty-local.Containerfile lays it out as the official image does;
#   the per-WAR Containerfiles take either base through their LIBERTY_BASE build argument.

IMAGES_SUITE=trixie
IMAGES_BASE="localhost/setpoint-base:${IMAGES_SUITE}-jre21"
IMAGES_MIRROR="${SETPOINT_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
IMAGES_CONF=/etc/containers/containers.conf.d/50-setpoint.conf

# Podman from Debian, when missing and root; the drop-in with runc and the lowered ulimits.
ensure_podman() {
  local missing=() cmd
  for cmd in podman runc debootstrap; do
    command -v "$cmd" >/dev/null || [[ -x /usr/sbin/$cmd ]] || missing+=("$cmd")
  done
  if ((${#missing[@]} > 0)); then
    can_install_packages || die "podman is missing (${missing[*]}) and this is not root with apt-get; install it (Debian: sudo apt-get install podman runc debootstrap fuse-overlayfs slirp4netns)"
    local log="$LOG_DIR/install.log"
    say "installing Debian's podman, runc, debootstrap (log: $log)"
    apt_install "$log" podman runc debootstrap fuse-overlayfs slirp4netns uidmap
  fi
  if [[ ! -e $IMAGES_CONF ]] && ((EUID == 0)); then
    mkdir -p "$(dirname "$IMAGES_CONF")"
    cat >"$IMAGES_CONF" <<'CONF'
# Written by Setpoint's ./setpoint images (stack/images.sh): podman 4.3.1 runs containers on
# this machine kind only with runc and ulimits below the default. Delete this file to undo.
[containers]
default_ulimits = ["nofile=16384:16384", "nproc=4096:4096"]

[engine]
runtime = "runc"
CONF
    say "wrote $IMAGES_CONF (runc, nofile 16384, nproc 4096)"
  fi
}

# The Debian base with Java 21, made once per machine.
ensure_base_image() {
  if podman image exists "$IMAGES_BASE" && [[ ${IMAGES_REBASE:-0} != 1 ]]; then
    say "base $IMAGES_BASE: present"
    return 0
  fi
  ((EUID == 0)) || die "making the base $IMAGES_BASE needs root (debootstrap); run ./setpoint images as root once"
  need_curl
  curl -fsS -o /dev/null --max-time 20 "$IMAGES_MIRROR/dists/$IMAGES_SUITE/Release" ||
    die "the Debian mirror $IMAGES_MIRROR cannot be reached, so the base $IMAGES_BASE cannot be made (set SETPOINT_DEBIAN_MIRROR)"
  local dir log="$LOG_DIR/images-base.log" t0
  t0=$(now_us)
  dir=$(mktemp -d /var/tmp/setpoint-base.XXXXXX)
  say "making the base $IMAGES_BASE: debootstrap --variant=minbase $IMAGES_SUITE + openjdk-21-jre-headless (a few minutes; log: $log)"
  if ! {
    debootstrap --variant=minbase "$IMAGES_SUITE" "$dir" "$IMAGES_MIRROR" &&
      mount -t proc proc "$dir/proc" &&
      { chroot "$dir" /bin/sh -c 'apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends openjdk-21-jre-headless && apt-get clean'; local rc=$?; umount "$dir/proc"; ((rc == 0)); } &&
      rm -rf "$dir"/var/lib/apt/lists/* "$dir"/var/cache/apt/*.bin &&
      tar -C "$dir" -c . | podman import \
        --change "ENV=PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
        --change "ENV=JAVA_HOME=/usr/lib/jvm/java-21-openjdk-amd64" \
        --change "ENV=LANG=C.UTF-8" \
        - "$IMAGES_BASE"
  } >"$log" 2>&1; then
    umount "$dir/proc" 2>/dev/null || true
    rm -rf "$dir"
    show_log_tail "$log"
    die "the base $IMAGES_BASE could not be made; see $log"
  fi
  rm -rf "$dir"
  say "base $IMAGES_BASE: made in $(seconds_since "$t0") s"
}

# The project's version and Liberty release, from the root pom (the images' tags and the runtime).
pom_property() {
  sed -n "s:.*<$1>\([^<]*\)</$1>.*:\1:p" "$ROOT/pom.xml" | head -n 1
}

# The Liberty runtime minified to the features of server.xml (and of openapi-true.xml, which
# OPENAPI_ENABLED=true includes), under liberty/target/minified/wlp; made again when the runtime
# zip or either configuration file is newer than it.
ensure_minified_runtime() {
  local version zip out="$ROOT/liberty/target/minified" config="$ROOT/liberty/src/main/liberty/config"
  version=$(pom_property liberty.runtime.version)
  zip="${MAVEN_REPO:-$HOME/.m2/repository}/io/openliberty/openliberty-runtime/$version/openliberty-runtime-$version.zip"
  [[ -f $zip ]] || die "the Open Liberty runtime $zip is missing; build once first (./mvnw -B package -DskipTests downloads it)"
  if [[ -f $out/wlp/lib/versions/openliberty.properties && $out/wlp -nt $zip && $out/wlp -nt $config/server.xml && $out/wlp -nt $config/openapi-true.xml ]]; then
    say "liberty runtime $version, minified: present"
    return 0
  fi
  need_java
  local work log="$LOG_DIR/images-minify.log" t0
  t0=$(now_us)
  say "minifying the Liberty runtime $version to the features of server.xml (log: $log)"
  work=$(mktemp -d /var/tmp/setpoint-minify.XXXXXX)
  if ! {
    unzip -q "$zip" -d "$work" &&
      "$work/wlp/bin/server" create defaultServer &&
      cp "$config/server.xml" "$config/openapi-true.xml" "$work/wlp/usr/servers/defaultServer/" &&
      printf 'openapi.enabled=true\n' >>"$work/wlp/usr/servers/defaultServer/bootstrap.properties" &&
      "$work/wlp/bin/server" package defaultServer --include=minify --archive="$work/minified.zip" &&
      rm -rf "$out" && mkdir -p "$out" && unzip -q "$work/minified.zip" -d "$out" &&
      # Only the runtime and the configuration: the server's workarea and generated server.env stay out.
      rm -rf "$out/wlp/usr/servers/defaultServer/bootstrap.properties" \
        "$out/wlp/usr/servers/defaultServer/server.env" "$out/wlp/usr/servers/defaultServer/workarea" &&
      mkdir -p "$out/wlp/output/defaultServer" "$out/logs" &&
      # Group 0 (any OpenShift UID) gets the owner's rights here, before the image's COPY.
      chmod -R g=u "$out/wlp" "$out/logs" &&
      touch "$out/wlp"
  } >"$log" 2>&1; then
    rm -rf "$work"
    show_log_tail "$log"
    die "the Liberty runtime could not be minified; see $log"
  fi
  rm -rf "$work"
  say "liberty runtime minified in $(seconds_since "$t0") s ($(du -sh "$out/wlp" | cut -f1))"
}

# podman build with its steps shown as progress, the whole output in the log ($1).
podman_build() {
  local log=$1 name=$2
  shift 2
  local t0
  t0=$(now_us)
  say "building $name"
  if ! podman build "$@" 2>&1 | tee "$log" | grep --line-buffered -E '^STEP [0-9]+/[0-9]+' | sed -u 's/^/    /'; then
    show_log_tail "$log"
    die "podman build of $name failed; see $log"
  fi
  say "built $name in $(seconds_since "$t0") s ($(podman image inspect --format '{{.Size}}' "$name" | numfmt --to=iec))"
}

# images [--rebase]: the base (once), the minified runtime, the local Liberty base, then one image
# per WAR and the EAR's, tagged as the manifests name them (localhost/setpoint-<role>:<version>);
# then the stack's secrets the local run's pods are given.
cmd_images() {
  local arg
  for arg in "$@"; do
    case $arg in
      --rebase) IMAGES_REBASE=1 ;;
      *) die "unknown argument '$arg' (./setpoint images [--rebase])" ;;
    esac
  done
  local version liberty_version archive missing=()
  version=$(pom_property version)
  liberty_version=$(pom_property liberty.runtime.version)
  for archive in ingest-war/target/ingest.war relay-war/target/relay.war analytics-war/target/analytics.war ear/target/setpoint.ear; do
    [[ -f $ROOT/$archive ]] || missing+=("$archive")
  done
  ((${#missing[@]} == 0)) || die "missing ${missing[*]}: build them first (./mvnw -B package -DskipTests)"
  ensure_podman
  ensure_base_image
  ensure_minified_runtime
  local ctx="$ROOT/liberty/target/minified" liberty="localhost/setpoint-liberty:$liberty_version-local"
  cp "$ROOT/liberty/containers/local/features.sh" "$ROOT/liberty/containers/local/configure.sh" "$ctx/"
  podman_build "$LOG_DIR/images-liberty.log" "$liberty" \
    -f "$ROOT/liberty/containers/local/liberty.Containerfile" --build-arg "BASE=$IMAGES_BASE" -t "$liberty" "$ctx"
  local role image
  for role in ingest relay analytics setpoint; do
    image="localhost/setpoint-$role:$version"
    [[ $role == setpoint ]] && image="localhost/setpoint:$version"
    podman_build "$LOG_DIR/images-$role.log" "$image" \
      -f "$ROOT/liberty/containers/$role.Containerfile" --build-arg "LIBERTY_BASE=$liberty" \
      --build-arg "VERSION=$version" -t "$image" "$ROOT"
  done
  podman image prune -f >/dev/null 2>&1 || true
  # The local run's credentials (k8s/deploy podman gives them to the pods): the hub's certificate
  # and the local issuer's key, made once as ./setpoint start makes them.
  ensure_secrets "$SETPOINT_DATA/secrets/$PASSWORD_ONCE_FILE"
  ensure_tls
  show_operator_password_once
  say "images ready: $(podman images --format '{{.Repository}}:{{.Tag}} {{.Size}}' --filter reference='localhost/setpoint*' | tr '\n' ',' | sed 's/,$//; s/,/, /g')"
}
