#!/usr/bin/env bash
# Runs the benchmark (bench/): Keycloak's own grants and every API of the project, side by side, in one run.
#   ./bench.sh                      builds the project and runs it against a Keycloak started the way the
#                                   integration tests start it (Keycloak's test framework, distribution mode)
#   ./bench.sh --url http://localhost:8080 [options]
#                                   runs it against that running Keycloak (e.g. ./run.sh's) with the demo realm
# Options (both ways): --concurrency 8 --warmup-seconds 5 --seconds 20 --users 1000 --scale-users 100000
#                      --memory-logins 5000 --out bench-results; with --url also --realm demo --admin admin:admin
# Results: bench-results/results.md, results.json, throughput-ratios.png. Not part of the test command.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
source scripts/bench-tool.sh
# 100,000 users in the framework's in-memory H2 need more than the dev mode's default heap.
export JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms1g -Xmx6g}"
run_bench_tool com.fintechlogin.bench.Benchmark BenchmarkRun fintech.bench "$@"
