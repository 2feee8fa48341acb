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
source scripts/jdk21.sh
use_jdk21 || { echo "bench.sh: error: no JDK 21+ found; set JAVA_HOME to one" >&2; exit 1; }

url_given=false
for arg in "$@"; do [[ "$arg" == "--url" ]] && url_given=true; done

if $url_given; then
    ./mvnw -q -B -DskipTests -pl bench -am install
    ./mvnw -q -B -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
    exec "$JAVA_HOME/bin/java" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" com.fintechlogin.bench.Benchmark "$@"
fi
# The test framework starts Keycloak on 8080/9000 with both JARs and the demo realm; only the benchmark class runs.
# Keycloak inherits this environment: 100,000 users in its in-memory H2 need more than the dev mode's default heap.
export JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms1g -Xmx6g}"
exec ./mvnw -B verify -pl realm-config -am -Dtest=BenchmarkRun -Dsurefire.failIfNoSpecifiedTests=false \
    -Dfintech.bench=true -Dfintech.secrets-check.skip=true "-Dfintech.bench.args=$*"
