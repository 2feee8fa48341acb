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
#   --capacity seed-004=29.5,... (skip measuring those) --set-session-idle SECONDS --session-expiration-period 180
#   --compare-minutes 5 --trend-minutes 10 --out bench-results; with --url also --realm demo --admin admin:admin
# Results: bench-results/soak.md, soak.json, soak.png; exit status 1 when a verdict fails. Not part of the test command.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
source scripts/jdk21.sh
use_jdk21 || { echo "soak.sh: error: no JDK 21+ found; set JAVA_HOME to one" >&2; exit 1; }

url_given=false
for arg in "$@"; do [[ "$arg" == "--url" ]] && url_given=true; done

if $url_given; then
    ./mvnw -q -B -DskipTests -pl bench -am install
    ./mvnw -q -B -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
    exec "$JAVA_HOME/bin/java" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" com.fintechlogin.bench.Soak "$@"
fi
# The test framework starts Keycloak on 8080/9000 with both JARs and the demo realm; only the soak class runs.
exec ./mvnw -B verify -pl realm-config -am -Dtest=SoakRun -Dsurefire.failIfNoSpecifiedTests=false \
    -Dfintech.soak=true -Dfintech.secrets-check.skip=true "-Dfintech.soak.args=$*"
