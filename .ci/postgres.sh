#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the store's `postgres` test tier, and print
#   export STORYLINE_TEST_PG_URL=postgresql+psycopg://...
# on stdout (everything else goes to stderr), so that CI can run:
#   eval "$(bash .ci/postgres.sh)"
#
# - Installs Debian's `postgresql` package when no server binaries are found (needs root).
# - Runs the server as a non-root user (PostgreSQL refuses root): `postgres` when it exists,
#   else a system user `storyline-pg` created for it.
# - Data, socket and log live in $STORYLINE_PG_DIR (default /tmp/storyline-pg); it listens on
#   127.0.0.1:$STORYLINE_PG_PORT (default 55432), trust auth, fsync off: test data only.
# - Idempotent: a second run reuses the running server and the database.
# - Bounded: the install, the start and every client call have timeouts; nothing waits forever.
#
# `bash .ci/postgres.sh stop` stops the server (the data dir is kept; remove it by hand).
set -euo pipefail

DIR=${STORYLINE_PG_DIR:-/tmp/storyline-pg}
PORT=${STORYLINE_PG_PORT:-55432}
DB=${STORYLINE_PG_DB:-storyline_test}
SUPERUSER=storyline
log() { echo "postgres.sh: $*" >&2; }
die() { log "$*"; exit 1; }

find_bindir() {
  local d
  # Newest Debian layout first; then whatever pg_ctl is on PATH.
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$d" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/initdb" ]; then echo "$d"; return; fi
  if command -v pg_ctl >/dev/null 2>&1; then
    d=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
    [ -x "$d/initdb" ] && { echo "$d"; return; }
  fi
  return 1
}

BIN=$(find_bindir || true)
if [ -z "$BIN" ] && [ "${1:-}" != stop ]; then
  [ "$(id -u)" = 0 ] || die "no PostgreSQL server binaries found; install Debian's 'postgresql' package (as root)"
  log "installing Debian package postgresql"
  export DEBIAN_FRONTEND=noninteractive
  timeout 600 apt-get update -qq >&2 || die "apt-get update failed"
  # policy-rc.d exit 101 keeps the package from starting its own cluster on port 5432.
  POLICY=/usr/sbin/policy-rc.d
  created_policy=no
  if [ ! -e "$POLICY" ]; then printf '#!/bin/sh\nexit 101\n' >"$POLICY"; chmod +x "$POLICY"; created_policy=yes; fi
  timeout 900 apt-get install -y -qq --no-install-recommends postgresql >&2 || install_failed=yes
  [ "$created_policy" = yes ] && rm -f "$POLICY"
  [ "${install_failed:-no}" = no ] || die "apt-get install postgresql failed"
  BIN=$(find_bindir) || die "postgresql installed but no pg_ctl/initdb found under /usr/lib/postgresql"
fi

# Who runs the server: never root.
if [ "$(id -u)" = 0 ]; then
  if id postgres >/dev/null 2>&1; then RUNAS=postgres
  else
    id storyline-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin storyline-pg
    RUNAS=storyline-pg
  fi
  as_owner() { runuser -u "$RUNAS" -- "$@"; }
else
  RUNAS=$(id -un)
  as_owner() { "$@"; }
fi

cd /  # the server's user may not be allowed into the caller's directory
PGDATA=$DIR/data
PGLOG=$DIR/server.log
SOCK=$DIR/sock
running() { [ -f "$PGDATA/PG_VERSION" ] && as_owner "$BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; }

if [ "${1:-}" = stop ]; then
  if [ -n "$BIN" ] && running; then
    as_owner "$BIN/pg_ctl" -D "$PGDATA" -m fast -w -t 30 stop >&2
  else
    log "no server running in $PGDATA"
  fi
  exit 0
fi

mkdir -p "$DIR" "$SOCK"
[ "$(id -u)" = 0 ] && chown "$RUNAS" "$DIR" "$SOCK"
chmod 700 "$DIR"

if [ ! -f "$PGDATA/PG_VERSION" ]; then
  rm -rf "$PGDATA"  # a half-made data dir from an interrupted run
  log "initdb in $PGDATA as $RUNAS"
  as_owner "$BIN/initdb" -D "$PGDATA" -U "$SUPERUSER" --auth=trust -E UTF8 --locale=C >"$DIR/initdb.log" 2>&1 \
    || { cat "$DIR/initdb.log" >&2; die "initdb failed"; }
  cat >>"$PGDATA/postgresql.conf" <<EOF
# storyline test server: loopback only, own socket dir, durability off (throwaway data)
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$SOCK'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
fi

if ! running; then
  if timeout 5 "$BIN/pg_isready" -h 127.0.0.1 -p "$PORT" >/dev/null 2>&1; then
    die "port $PORT is taken by another server; set STORYLINE_PG_PORT to a free port"
  fi
  log "starting PostgreSQL ($BIN) on 127.0.0.1:$PORT"
  as_owner "$BIN/pg_ctl" -D "$PGDATA" -l "$PGLOG" -w -t 60 start >&2 \
    || { tail -n 20 "$PGLOG" >&2 || true; die "the server did not start"; }
fi

PSQL=("$BIN/psql" -h 127.0.0.1 -p "$PORT" -U "$SUPERUSER" -d postgres -v ON_ERROR_STOP=1 -qtA)
export PGCONNECT_TIMEOUT=10
if [ "$(timeout 30 "${PSQL[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != 1 ]; then
  timeout 30 "${PSQL[@]}" -c "CREATE DATABASE \"$DB\"" >&2 || die "cannot create database $DB"
fi

log "ready; stop it with: bash .ci/postgres.sh stop"
echo "export STORYLINE_TEST_PG_URL=postgresql+psycopg://$SUPERUSER@127.0.0.1:$PORT/$DB"
