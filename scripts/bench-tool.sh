# Sourced by bench.sh and soak.sh: runs one tool of the bench module, either against a running Keycloak
# (--url among the arguments) or against a Keycloak that Keycloak's test framework starts on 8080/9000, through
# the integration-tests test class that runs the tool only when its system property is true.
#   run_bench_tool <main class> <test class> <property prefix> "$@"
# The framework's Keycloak inherits the environment (JAVA_OPTS_KC_HEAP, say).
source "$(dirname "${BASH_SOURCE[0]}")/jdk21.sh"

run_bench_tool() {
    local main_class="$1" test_class="$2" property="$3"
    shift 3
    use_jdk21 || { echo "error: no JDK 21+ found; set JAVA_HOME to one" >&2; exit 1; }
    local arg
    for arg in "$@"; do
        if [[ "$arg" == "--url" ]]; then
            ./mvnw -q -B -DskipTests -pl bench -am install
            ./mvnw -q -B -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
            exec "$JAVA_HOME/bin/java" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" "$main_class" "$@"
        fi
    done
    # Those runs record no secrets, so SecretsStayOutOfLogsCheck has nothing to look for.
    exec ./mvnw -B verify -pl integration-tests -am -Dtest="$test_class" -Dsurefire.failIfNoSpecifiedTests=false -Dfintech.test.output-to-file=false \
        "-D$property=true" -Dfintech.secrets-check.skip=true "-D$property.args=$*"
}
