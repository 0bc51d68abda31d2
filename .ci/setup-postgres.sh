#!/usr/bin/env bash
# Sourced by .ci/run (may also be sourced by hand): a local PostgreSQL
# server for tests/load.rs. Installs the `postgresql` package only when no
# server is installed, creates and starts the cluster `main`, creates the
# role and database `nhiemvu_test` and exports NHIEMVU_TEST_POSTGRES.
# Idempotent: a second run finds everything in place (about a second).
# Runs as root (as CI does); the tests skip when the variable is unset.

nhiemvu_setup_postgres() {
  local version port
  if ! compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null; then
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql
  fi
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {found = 1} END {exit !found}'; then
    pg_createcluster "$version" main
  fi
  if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online" {found = 1} END {exit !found}'; then
    pg_ctlcluster "$version" main start
  fi
  port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
  su postgres -c "psql -q -p $port -v ON_ERROR_STOP=1" <<'SQL'
SELECT 'CREATE ROLE nhiemvu_test LOGIN PASSWORD ''nhiemvu_test'''
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'nhiemvu_test') \gexec
SELECT 'CREATE DATABASE nhiemvu_test OWNER nhiemvu_test'
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'nhiemvu_test') \gexec
SQL
  export NHIEMVU_TEST_POSTGRES="postgres://nhiemvu_test:nhiemvu_test@localhost:$port/nhiemvu_test"
  echo "PostgreSQL $version on port $port: NHIEMVU_TEST_POSTGRES=$NHIEMVU_TEST_POSTGRES"
}

nhiemvu_setup_postgres
