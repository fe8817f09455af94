#!/usr/bin/env bash
# Installs the Debian packages a test run needs; sourced by .ci/run and eng/postgres.sh.
#   apt_install PACKAGE...   # refreshes the package lists once per run (MEDICAPP_APT_UPDATED), then installs

# apt-get needs root: through sudo when the script runs as a user.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  if [ -z "${MEDICAPP_APT_UPDATED:-}" ]; then
    as_root apt-get update -qq || return 1
    export MEDICAPP_APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
