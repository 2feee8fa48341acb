#!/usr/bin/env bash
# Runs the benchmark (bench/): Keycloak's own grants and every API of the project, side by side, in one run, with wrk
# as the load generator (Debian's package; installed when missing and run as root).
#   ./bench.sh                      H2: builds the project and runs it against a Keycloak started the way the
#                                   integration tests start it (Keycloak's test framework, kc.sh start-dev, H2 in
#                                   memory; ports 8080/9000). Results: bench-results/h2/
#   ./bench.sh --postgres           PostgreSQL, production mode: builds the project, installs the two JARs into the stock
#                                   distribution, kc.sh build --db=postgres …, start --optimized on a fresh database
#                                   keycloak_bench of the local PostgreSQL (scripts/postgres.sh; ports 8380/9380/7980),
#                                   and adds each scenario's transactions and row writes per login from PostgreSQL's
#                                   statistics. Results: bench-results/postgres/
#   ./bench.sh --url http://localhost:8080 [options]
#                                   runs it against that running Keycloak (e.g. ./run.sh's) with the demo realm; give
#                                   --pg-stats 'jdbc:postgresql://HOST:5432/DB?user=U&password=P' when its database is
#                                   a PostgreSQL the benchmark may read
#   ./bench.sh [--postgres] --only budgets [options]
#                                   only the caller budgets' on/off rounds (Keycloak's password grant and every API,
#                                   budgets on, off, off, on, on, off in the same run): no scale population, no other
#                                   section. Results: budgets.md and budgets.json in the directory above, beside a full
#                                   run's results, which stay as they are. About 12 minutes with the default windows;
#                                   a quick look: --seconds 3 --warmup-seconds 2 --users 100
# Options (all ways): --concurrency 8 --warmup-seconds 5 --seconds 30 --users 1000 --scale-users 100000
#                     --memory-logins 5000 --db-logins 200 --out DIR --only budgets; with --url also --realm demo
#                     --admin admin:admin
# Results: results.md, results.json, throughput-ratios.png in the directory above. Not part of the test command.
# On this 2-core machine: about 35 minutes for ./bench.sh, 50 for ./bench.sh --postgres, most of it seeding 100,000 users
# and the caller budgets' on/off rounds (about 11 minutes).
# Run it alone: other load on the machine moves the figures. Under a lock shared with the integration tests:
#   flock -o /tmp/kc-it.lock ./bench.sh --postgres
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
source scripts/bench-tool.sh
ensure_wrk
if [[ "${1:-}" == "--postgres" ]]; then
    shift
    # Keycloak's user cache holds the scale population; the database is PostgreSQL's, not the heap's.
    export JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms1g -Xmx2g}"
    run_bench_tool com.fintechlogin.bench.Benchmark PostgresBenchmarkRun fintech.bench.postgres "$@"
fi
# 100,000 users in the framework's in-memory H2 need more than the dev mode's default heap.
export JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms1g -Xmx6g}"
run_bench_tool com.fintechlogin.bench.Benchmark BenchmarkRun fintech.bench "$@"
