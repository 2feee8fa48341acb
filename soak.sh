#!/usr/bin/env bash
# Soak (issue 9): every login API at once, open loop, at half the capacity measured in the same run, for 30 minutes;
# judges zero errors, heap after a full GC flat, user sessions within what expiry allows.
#   ./soak.sh                       builds the project and soaks a Keycloak started the way the integration tests
#                                   start it (Keycloak's test framework, distribution mode, ports 8080/9000); lowers
#                                   that throwaway realm's SSO idle timeout to 300 s so sessions reach a steady state
#   ./soak.sh --url http://localhost:8080 [options]
#                                   soaks that running Keycloak (e.g. ./run.sh's) with the demo realm; changes no realm
#                                   setting unless --set-session-idle SECONDS says so
# Options (both ways): --minutes 30 --concurrency 8 --warmup-seconds 5 --capacity-seconds 12 --users 1000
#   --capacity email-password=29.5,... (skip measuring those) --set-session-idle SECONDS --session-expiration-period 180
#   --compare-minutes 5 --trend-minutes 10 --out bench-results; with --url also --realm demo --admin admin:admin
#   --metrics-url http://localhost:9000/metrics (where the server's /metrics is; that is the default: port 9000 of
#   --url's host)
# Beside the load: a small mix of expected failures (wrong passwords and PINs until locked, an unknown mobile, a
# replayed partner payload) and a read of /metrics every 15 s, for the picture of the Grafana dashboard's panels.
# Results: bench-results/soak.md, soak.json, soak.png, soak-dashboard.png (unless no /metrics answered); exit status 1
# when a verdict fails. Not part of the test command.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
source scripts/bench-tool.sh
run_bench_tool com.fintechlogin.bench.Soak SoakRun fintech.soak "$@"
