# Sourced by run.sh, test.sh, bench.sh and soak.sh: points JAVA_HOME (and PATH) at a JDK 21+, which Keycloak 26.7 needs,
# taking JAVA_HOME if it is one, else the first under /usr/lib/jvm. Returns 1 when there is none.
is_jdk21() {
    [[ -x "$1/bin/java" && -x "$1/bin/javac" ]] || return 1
    local v
    v="$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')"
    [[ "$v" =~ ^[0-9]+$ ]] && (( v >= 21 ))
}

use_jdk21() {
    if [[ -z "${JAVA_HOME:-}" ]] || ! is_jdk21 "$JAVA_HOME"; then
        JAVA_HOME=""
        local d
        for d in /usr/lib/jvm/*; do
            if is_jdk21 "$d"; then JAVA_HOME="$d"; break; fi
        done
        [[ -n "$JAVA_HOME" ]] || return 1
    fi
    export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
}
