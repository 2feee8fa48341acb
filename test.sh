#!/usr/bin/env bash
# Runs every test, as CI does: finds a JDK 21+ (Keycloak 26.7 needs it; the machine's default java may be older),
# installs or asks for the Debian packages the tests use, starts the local PostgreSQL of the cluster test, then runs
# `./mvnw -B verify` with any arguments given here, and ends with a summary of what passed and what failed.
#   ./test.sh                      every test
#   ./test.sh -Dtest=SomeTest -Dsurefire.failIfNoSpecifiedTests=false   (any Maven arguments)
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

source scripts/jdk21.sh
if ! use_jdk21; then
    echo "test.sh: error: no JDK 21 or newer in JAVA_HOME or /usr/lib/jvm/*; Keycloak 26.7 needs one." >&2
    echo "  install one (e.g. Temurin 21 or 25, or openjdk-21 from Debian backports) and run ./test.sh again," >&2
    echo "  or point JAVA_HOME at it." >&2
    exit 1
fi
echo "==> using JDK $JAVA_HOME"

source scripts/test-prerequisites.sh
ensure_test_prerequisites || exit 1

echo "==> scripts/postgres.sh"
bash scripts/postgres.sh || { echo "test.sh: error: the cluster test's PostgreSQL could not be made ready (above)" >&2; exit 1; }

echo "==> ./mvnw -B verify $*"
started="$(date +%s)"
./mvnw -B verify "$@"
status=$?
"$JAVA_HOME/bin/java" scripts/TestSummary.java . "$started" || true
exit $status
