#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster for the test suites and exports how to reach it.
# Sourced by test.sh after setup.sh has installed the package. Idempotent.

PORTAL_PG_PASSWORD="${PORTAL_PG_PASSWORD:-portal-test}"

start_postgres() {
  local version
  version="$(ls /usr/lib/postgresql | sort -n | tail -1)"
  if ! pg_lsclusters -h | awk '{print $4}' | grep -q online; then
    if ! pg_lsclusters -h | grep -q .; then
      pg_createcluster "$version" main >/dev/null
    fi
    pg_ctlcluster "$version" main start
  fi
  local as_postgres=(runuser -u postgres --)
  [[ "$(id -u)" != 0 ]] && as_postgres=(sudo -u postgres)
  wait_ready() {
    for _ in $(seq 1 30); do
      "${as_postgres[@]}" psql -qAtc 'select 1' >/dev/null 2>&1 && return
      sleep 1
    done
  }
  wait_ready
  # Suites run in parallel, and some start whole backends (a database and pool per plugin,
  # two replicas in the production test): Debian's default of 100 connections runs out.
  if (("$("${as_postgres[@]}" psql -qAtc 'show max_connections')" < 500)); then
    "${as_postgres[@]}" psql -qc 'ALTER SYSTEM SET max_connections = 500' >/dev/null
    pg_ctlcluster "$version" main restart
    wait_ready
  fi
  "${as_postgres[@]}" psql -qc "ALTER USER postgres PASSWORD '$PORTAL_PG_PASSWORD'" >/dev/null
  export PORTAL_TEST_POSTGRES_URL="postgresql://postgres:$PORTAL_PG_PASSWORD@127.0.0.1:5432"
  # What Backstage's TestDatabases reads to run the same test on PostgreSQL.
  export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$PORTAL_TEST_POSTGRES_URL"
}

start_postgres
