#!/usr/bin/env bash
# A throwaway PostgreSQL server on 127.0.0.1 for the reference API's integration tests.
#   source eng/postgres.sh start   # installs PostgreSQL 15 if missing, starts it, exports MEDICAPP_TEST_POSTGRESQL
#   source eng/postgres.sh stop
# Trust authentication on the loopback only: the cluster lives in a temporary folder and holds test data.
pg_port=${MEDICAPP_PG_PORT:-55432}
pg_root=${MEDICAPP_PG_ROOT:-/tmp/medicapp-postgres}

# apt-get needs root: through sudo when the script runs as a user.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-start}" in
  start)
    if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
      as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null \
        || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    if [ ! -f "$pg_root/data/PG_VERSION" ]; then
      mkdir -p "$pg_root"
      [ "$(id -u)" -eq 0 ] && chown postgres "$pg_root"
      pg_as_owner "$pg_bin/initdb" -D "$pg_root/data" -U medicapp --auth=trust -E UTF8 >/dev/null
    fi
    pg_as_owner "$pg_bin/pg_ctl" -D "$pg_root/data" status >/dev/null 2>&1 \
      || pg_as_owner "$pg_bin/pg_ctl" -D "$pg_root/data" -l "$pg_root/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_root -c fsync=off" start >/dev/null \
      || { cat "$pg_root/server.log" >&2; return 1 2>/dev/null || exit 1; }
    export MEDICAPP_TEST_POSTGRESQL="Host=127.0.0.1;Port=$pg_port;Username=medicapp;Database=postgres"
    echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
    ;;
  stop)
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    pg_as_owner "$pg_bin/pg_ctl" -D "$pg_root/data" -m fast stop >/dev/null 2>&1 || true
    ;;
esac
