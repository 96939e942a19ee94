#!/bin/sh
# The official postgres image's contract, for an image made from Debian packages: POSTGRES_USER (default postgres,
# the superuser), POSTGRES_PASSWORD (required), POSTGRES_DB (default: the user's name) and the scripts in
# /docker-entrypoint-initdb.d (*.sh, *.sql) run once, when the data directory is new. Arguments starting with "-" are
# passed to postgres, as the official image does (Testcontainers sends "-c fsync=off" and the like).
set -eu
if [ "${1#-}" != "$1" ]; then set -- postgres "$@"; fi
if [ "$1" != postgres ]; then exec "$@"; fi

export PGDATA="${PGDATA:-/var/lib/postgresql/data}"
if [ "$(id -u)" = 0 ]; then
  install -d -o postgres -g postgres -m 700 "$PGDATA"
  install -d -o postgres -g postgres -m 2775 /var/run/postgresql
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi

: "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}"
export POSTGRES_USER="${POSTGRES_USER:-postgres}"
export POSTGRES_DB="${POSTGRES_DB:-$POSTGRES_USER}"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  printf '%s\n' "$POSTGRES_PASSWORD" > /tmp/pwfile
  initdb --username="$POSTGRES_USER" --pwfile=/tmp/pwfile --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  rm -f /tmp/pwfile
  printf "listen_addresses = '*'\n" >> "$PGDATA/postgresql.conf"
  printf 'host all all all scram-sha-256\n' >> "$PGDATA/pg_hba.conf"
  # Sockets only while the scripts run, so a client (Testcontainers' pg_isready --host) sees the server only once it is ready.
  pg_ctl -D "$PGDATA" -w -o "-c listen_addresses=''" start >/dev/null
  export PGUSER="$POSTGRES_USER" PGDATABASE=postgres
  if [ "$POSTGRES_DB" != postgres ]; then
    echo 'CREATE DATABASE :"db"' | psql -X -q -v ON_ERROR_STOP=1 -v db="$POSTGRES_DB"
  fi
  export PGDATABASE="$POSTGRES_DB"
  for script in /docker-entrypoint-initdb.d/*; do
    case "$script" in
      *.sh) sh "$script" ;;
      *.sql) psql -X -q -v ON_ERROR_STOP=1 -f "$script" ;;
    esac
  done
  unset PGUSER PGDATABASE
  pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
fi
exec "$@"
