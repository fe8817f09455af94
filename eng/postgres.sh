#!/usr/bin/env bash
# A throwaway PostgreSQL server on 127.0.0.1 for the reference API's integration tests.
#   source eng/postgres.sh start       # installs PostgreSQL 15 if missing, starts it, exports MEDICAPP_TEST_POSTGRESQL
#   bash eng/postgres.sh connection-string
#                                      # starts it with the PostgreSQL already installed (installs nothing, needs no
#                                      # root) and prints the connection string: what the tests do by themselves
#   source eng/postgres.sh stop
# MEDICAPP_PG_PORT (55432) and MEDICAPP_PG_ROOT (/tmp/medicapp-postgres) choose another server.
# Trust authentication on the loopback only: the cluster lives in a temporary folder and holds test data.
pg_port=${MEDICAPP_PG_PORT:-55432}
pg_root=${MEDICAPP_PG_ROOT:-/tmp/medicapp-postgres}
pg_connection="Host=127.0.0.1;Port=$pg_port;Username=medicapp;Database=postgres"

# shellcheck source=apt.sh
source "$(dirname "${BASH_SOURCE[0]}")/apt.sh"

pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_installed() {
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1
}

pg_bin() {
  ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1
}

# Creates the cluster when it is missing and starts the server unless it runs, under a lock: test runs that start
# together (two test processes, a test run beside `start`) neither create the cluster nor start the server twice.
pg_serve() (
  bin=$(pg_bin)
  mkdir -p "$pg_root" || exit 1
  [ "$(id -u)" -eq 0 ] && chown postgres "$pg_root"
  exec 9>>"$pg_root/lock" && flock 9 || exit 1
  if [ ! -f "$pg_root/data/PG_VERSION" ]; then
    pg_as_owner "$bin/initdb" -D "$pg_root/data" -U medicapp --auth=trust -E UTF8 >/dev/null || exit 1
  fi
  # The server is started without the lock's descriptor: it would hold the lock for as long as it runs.
  pg_as_owner "$bin/pg_ctl" -D "$pg_root/data" status >/dev/null 2>&1 \
    || pg_as_owner "$bin/pg_ctl" -D "$pg_root/data" -l "$pg_root/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_root -c fsync=off" start >/dev/null 9>&- \
    || { cat "$pg_root/server.log" >&2; exit 1; }
)

case "${1:-start}" in
  start)
    if ! pg_installed; then
      apt_install postgresql-15 || apt_install postgresql
    fi
    pg_serve || return 1 2>/dev/null || exit 1
    export MEDICAPP_TEST_POSTGRESQL="$pg_connection"
    echo "PostgreSQL $("$(pg_bin)/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
    ;;
  connection-string)
    if ! pg_installed; then
      echo "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): sudo apt-get install postgresql" >&2
      return 2 2>/dev/null || exit 2
    fi
    pg_serve || return 1 2>/dev/null || exit 1
    echo "$pg_connection"
    ;;
  stop)
    pg_as_owner "$(pg_bin)/pg_ctl" -D "$pg_root/data" -m fast stop >/dev/null 2>&1 || true
    ;;
esac
