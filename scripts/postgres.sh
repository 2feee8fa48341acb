#!/usr/bin/env bash
# Makes a local PostgreSQL ready for the cluster test (integration-tests' ClusterTest) and for a
# hand-run cluster: Debian's `postgresql` package installed and its cluster started, and a role
# that may log in with a password over 127.0.0.1 and create databases.
#
#   scripts/postgres.sh              install when absent, start, create the role and the database when absent
#   scripts/postgres.sh --recreate   the same, then drop and recreate the database (a clean start)
#
# Idempotent; needs root on a machine where PostgreSQL is not yet installed or not running.
# Settings (environment): PG_ROLE (keycloak), PG_PASSWORD (keycloak), PG_DATABASE (keycloak_cluster).
set -euo pipefail

PG_ROLE="${PG_ROLE:-keycloak}"
PG_PASSWORD="${PG_PASSWORD:-keycloak}"
PG_DATABASE="${PG_DATABASE:-keycloak_cluster}"
recreate=false
case "${1:-}" in
    "") ;;
    --recreate) recreate=true ;;
    *) echo "usage: $0 [--recreate]" >&2; exit 2 ;;
esac

log() { printf '==> postgres.sh: %s\n' "$*"; }
die() { printf 'postgres.sh: error: %s\n' "$*" >&2; exit 1; }

# Names go into SQL below: allow only plain identifiers (and no quote in the password).
[[ "$PG_ROLE" =~ ^[a-z_][a-z0-9_]*$ && "$PG_DATABASE" =~ ^[a-z_][a-z0-9_]*$ ]] || die "PG_ROLE and PG_DATABASE must be plain lower-case identifiers"
[[ "$PG_PASSWORD" != *"'"* ]] || die "PG_PASSWORD must not contain a single quote"

if ! command -v pg_lsclusters >/dev/null; then
    [[ $EUID -eq 0 ]] || die "PostgreSQL is not installed; run this script as root to install Debian's postgresql package"
    log "installing Debian's postgresql package"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -q -y --no-install-recommends postgresql
fi

# Debian's package creates a cluster (e.g. 15/main) on install; make one if it was removed.
if [[ -z "$(pg_lsclusters -h)" ]]; then
    version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
    log "creating cluster $version/main"
    pg_createcluster "$version" main
fi
read -r version cluster _ status _ < <(pg_lsclusters -h | head -n 1)
if [[ "$status" != online* ]]; then
    log "starting cluster $version/$cluster"
    # pg_ctlcluster works without systemd (containers, CI machines).
    pg_ctlcluster "$version" "$cluster" start
fi
port="$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { print $3 }')"

as_postgres() { PGOPTIONS="--client-min-messages=warning" runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$port" "$@"; }
for _ in $(seq 30); do
    as_postgres -tAc 'SELECT 1' >/dev/null 2>&1 && break
    sleep 1
done
as_postgres -tAc 'SELECT 1' >/dev/null || die "cluster $version/$cluster does not accept connections on port $port"

if [[ "$(as_postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$PG_ROLE'")" != 1 ]]; then
    log "creating role $PG_ROLE"
    as_postgres -c "CREATE ROLE $PG_ROLE LOGIN CREATEDB PASSWORD '$PG_PASSWORD'"
fi

if $recreate; then
    log "dropping database $PG_DATABASE"
    as_postgres -c "DROP DATABASE IF EXISTS $PG_DATABASE WITH (FORCE)"
fi
if [[ "$(as_postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'")" != 1 ]]; then
    log "creating database $PG_DATABASE"
    as_postgres -c "CREATE DATABASE $PG_DATABASE OWNER $PG_ROLE"
fi
log "ready: jdbc:postgresql://127.0.0.1:$port/$PG_DATABASE (role $PG_ROLE)"
