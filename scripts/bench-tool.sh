# Sourced by bench.sh and soak.sh: runs one tool of the bench module, either against a running Keycloak
# (--url among the arguments) or against a Keycloak that an integration-tests test class starts (the test framework's
# server on 8080/9000 for H2, a production build on PostgreSQL on 8380/9380 for ./bench.sh --postgres), through the
# test class that runs the tool only when its system property is true. Builds with `package`, never `install`: the
# project's JARs stay out of the local Maven repository.
#   run_bench_tool <main class> <test class> <property prefix> "$@"
# The started Keycloak inherits the environment (JAVA_OPTS_KC_HEAP, say).
source "$(dirname "${BASH_SOURCE[0]}")/jdk21.sh"

# The benchmark's load generator is wrk (Debian's package); installed here when missing and run as root.
ensure_wrk() {
    command -v wrk >/dev/null 2>&1 && return 0
    if [[ $EUID -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
        echo "error: the benchmark's load generator is wrk; install it (as root): apt-get install -y wrk" >&2
        exit 1
    fi
    echo "==> apt-get install wrk"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -q -y --no-install-recommends wrk
}

run_bench_tool() {
    local main_class="$1" test_class="$2" property="$3"
    shift 3
    use_jdk21 || { echo "error: no JDK 21+ found; set JAVA_HOME to one" >&2; exit 1; }
    local arg
    for arg in "$@"; do
        if [[ "$arg" == "--url" ]]; then
            ./mvnw -q -B -DskipTests -pl bench -am package
            ./mvnw -q -B -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
            exec "$JAVA_HOME/bin/java" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" "$main_class" "$@"
        fi
    done
    # Those runs record no secrets, so SecretsStayOutOfLogsCheck has nothing to look for.
    exec ./mvnw -B verify -pl integration-tests -am -Dtest="$test_class" -Dsurefire.failIfNoSpecifiedTests=false -Dfintech.test.output-to-file=false \
        "-D$property=true" -Dfintech.secrets-check.skip=true "-D$property.args=$*"
}
