# shellcheck shell=bash
# stack/packages.sh, sourced by ./setpoint: the Debian packages the stack and the tests use.
# As root (with apt-get) a missing one is installed; otherwise the message says what to install.

need_curl() {
  command -v curl >/dev/null || die "curl is missing; install it (Debian: apt-get install curl)"
}

# True when this run may install Debian packages itself.
can_install_packages() {
  ((EUID == 0)) && command -v apt-get >/dev/null
}

# apt-get install the packages ($2...), output in the log ($1); on failure show its end and die.
apt_install() {
  local log=$1
  shift
  mkdir -p "$LOG_DIR"
  if ! { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"; } >"$log" 2>&1; then
    show_log_tail "$log"
    die "apt-get could not install $*"
  fi
}

find_nginx() {
  NGINX_BIN=$(command -v nginx || true)
  if [[ -z $NGINX_BIN && -x /usr/sbin/nginx ]]; then
    NGINX_BIN=/usr/sbin/nginx
  fi
}

# influxd and nginx come from Debian. As root install them; otherwise say what to install.
ensure_influx_tools() {
  find_nginx
  if command -v influxd >/dev/null && [[ -n $NGINX_BIN ]]; then
    return 0
  fi
  if ! can_install_packages; then
    die "influxd and nginx are missing; install them (Debian: sudo apt-get install influxdb nginx-light)"
  fi
  local log="$LOG_DIR/install.log"
  say "installing Debian's influxdb and nginx-light (log: $log)"
  apt_install "$log" influxdb nginx-light
  # The packages' maintainer scripts try to start the system instances (influxd on 8086/8088,
  # nginx on 80), which would hold our ports; we run our own copies, so stop theirs.
  service influxdb stop >>"$log" 2>&1 || true
  service nginx stop >>"$log" 2>&1 || true
  find_nginx
  [[ -n $NGINX_BIN ]] || die "nginx is still missing after the install; see $log"
}

# The dashboard's browser test (ear/…/DashboardBrowserIT) drives Debian's chromium through its
# chromedriver. As root install them; otherwise only warn: the test itself then fails saying what
# is missing, and runs of other modules are not held up.
ensure_browser_tools() {
  if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
    return 0
  fi
  if ! can_install_packages; then
    warn "chromium or chromedriver is missing, so the dashboard's browser test will fail; install them (Debian: sudo apt-get install chromium chromium-driver)"
    return 0
  fi
  local log="$LOG_DIR/install-browser.log"
  say "installing Debian's chromium and chromium-driver for the browser test (log: $log)"
  apt_install "$log" chromium chromium-driver
}

# `test` checks the shell files with shellcheck first (stack/lint.sh).
ensure_shellcheck() {
  command -v shellcheck >/dev/null && return 0
  can_install_packages || die "shellcheck is missing; install it (Debian: sudo apt-get install shellcheck)"
  local log="$LOG_DIR/install-shellcheck.log"
  say "installing Debian's shellcheck for the check of the shell files (log: $log)"
  apt_install "$log" shellcheck
}
