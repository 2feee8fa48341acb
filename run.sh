#!/usr/bin/env bash
# Builds the extension, installs it into a local Keycloak under .run/ and starts Keycloak in dev mode
# with the demo realm. Runs until Ctrl-C. Ports: PORT (default 8080), MANAGEMENT_PORT (default 9000).
set -euo pipefail

# The Keycloak the tests prove: the parent POM's keycloak.version, read here so that it is set in one place.
KC_VERSION="$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$(dirname "${BASH_SOURCE[0]}")/pom.xml" | head -n 1)"
[[ -n "$KC_VERSION" ]] || { echo "run.sh: error: no <keycloak.version> in pom.xml" >&2; exit 1; }
PORT="${PORT:-8080}"
MANAGEMENT_PORT="${MANAGEMENT_PORT:-9000}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUN_DIR="$ROOT/.run"
KC_HOME="$RUN_DIR/keycloak-$KC_VERSION"
VAULT_DIR="$RUN_DIR/vault"
KC_LOG="$KC_HOME/data/log/keycloak.log"
cd "$ROOT"

log() { printf '==> %s\n' "$*"; }
die() { printf 'run.sh: error: %s\n' "$*" >&2; exit 1; }

# --- JDK 21+ ------------------------------------------------------------------
source "$ROOT/scripts/jdk21.sh"
use_jdk21 || die "no JDK 21+ found. Install one (e.g. apt-get install openjdk-21-jdk-headless) or set JAVA_HOME to it."
log "using JDK $JAVA_HOME"

# Something else answering on PORT would look like a ready Keycloak, so check before doing anything.
for p in "$PORT" "$MANAGEMENT_PORT"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
        die "port $p is already in use; free it or choose others, e.g. PORT=18080 MANAGEMENT_PORT=19000 ./run.sh"
    fi
done

# --- build --------------------------------------------------------------------
# Only the two JAR modules: integration-tests holds tests, which run.sh does not need.
log "building JARs…"
./mvnw -q -B -DskipTests -pl authenticators,themes -am package

newest_jar() {  # newest JAR in a target dir that is not a sources/tests/javadoc JAR
    local j newest=""
    for j in "$1"/*.jar; do
        case "$j" in *-sources.jar | *-tests.jar | *-javadoc.jar) continue ;; esac
        if [[ -f "$j" && ( -z "$newest" || "$j" -nt "$newest" ) ]]; then newest="$j"; fi
    done
    echo "$newest"
}
AUTH_JAR="$(newest_jar authenticators/target)"
THEME_JAR="$(newest_jar themes/target)"
[[ -n "$AUTH_JAR" && -n "$THEME_JAR" ]] || die "build produced no JARs in authenticators/target or themes/target"

# --- Keycloak -----------------------------------------------------------------
if [[ ! -x "$KC_HOME/bin/kc.sh" ]]; then
    log "fetching Keycloak $KC_VERSION (about 170 MB, once)…"
    ./mvnw -q -B -N org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
        -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" \
        -DoutputDirectory="$RUN_DIR/download"
    log "unpacking Keycloak into ${KC_HOME#"$ROOT"/}…"
    # Unpack next to the target and move it in place, so an interrupted unpack is retried next time.
    rm -rf "$RUN_DIR/unpack"
    mkdir -p "$RUN_DIR/unpack"
    zip="$RUN_DIR/download/keycloak-quarkus-dist-$KC_VERSION.zip"
    if command -v unzip >/dev/null; then
        unzip -q "$zip" -d "$RUN_DIR/unpack"
    else  # no unzip on a minimal system: the JDK's jar tool unpacks too, but drops the exec bits
        (cd "$RUN_DIR/unpack" && jar xf "$zip")
        chmod +x "$RUN_DIR/unpack/keycloak-$KC_VERSION"/bin/*.sh
    fi
    mv "$RUN_DIR/unpack/keycloak-$KC_VERSION" "$KC_HOME"
    rmdir "$RUN_DIR/unpack"
fi

log "installing the extension JARs into Keycloak's providers/…"
rm -f "$KC_HOME"/providers/keycloak-fintech-login-authenticators-*.jar \
      "$KC_HOME"/providers/keycloak-fintech-login-themes-*.jar
# -p keeps the JARs' modification time: Keycloak re-augments (about 30 s) only when it changes.
cp -p "$AUTH_JAR" "$THEME_JAR" "$KC_HOME/providers/"

# The file vault holds the realm secrets; demo_pin-pepper is the PIN pepper of a later feature
# (referenced as ${vault.pin-pepper} in realm demo). Random per checkout, never committed.
mkdir -p "$VAULT_DIR"
chmod 700 "$VAULT_DIR"
if [[ ! -f "$VAULT_DIR/demo_pin-pepper" ]]; then
    (umask 077; od -An -tx1 -N32 /dev/urandom | tr -d ' \n' > "$VAULT_DIR/demo_pin-pepper")
fi

mkdir -p "$KC_HOME/data/import"
cp demo/demo-realm.json "$KC_HOME/data/import/demo-realm.json"

# --- start --------------------------------------------------------------------
kc_pid=""
stop_keycloak() {
    [[ -n "$kc_pid" ]] && kill -0 "$kc_pid" 2>/dev/null || return 0
    log "stopping Keycloak…"
    # Keycloak runs in its own process group (setsid below): signal kc.sh and its java child together.
    kill -TERM -- "-$kc_pid" 2>/dev/null || kill -TERM "$kc_pid" 2>/dev/null || true
    for _ in $(seq 60); do
        kill -0 "$kc_pid" 2>/dev/null || break
        sleep 0.5
    done
    kill -KILL -- "-$kc_pid" 2>/dev/null || true
    wait "$kc_pid" 2>/dev/null || true
}
trap stop_keycloak EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

last_log_lines() { tail -c +"$((log_offset + 1))" "$KC_LOG" 2>/dev/null | tail -n 30 >&2 || true; }

http_status() {  # HTTP status of GET localhost:$PORT$1, without needing curl
    local status=""
    exec 3<>"/dev/tcp/127.0.0.1/$PORT" || return 1
    printf 'GET %s HTTP/1.0\r\nHost: localhost:%s\r\n\r\n' "$1" "$PORT" >&3
    read -r -t 5 _ status _ <&3 || true
    exec 3<&-
    echo "${status%$'\r'}"
}

log "starting Keycloak $KC_VERSION on http://localhost:$PORT (management port $MANAGEMENT_PORT)…"
start=$SECONDS
log_offset="$(stat -c %s "$KC_LOG" 2>/dev/null || echo 0)"  # to show only this run's log lines on failure
# setsid: Keycloak gets its own process group, so the trap above can stop all of it.
# (Background jobs of a script ignore SIGINT, so Ctrl-C alone would not reach java.)
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
setsid "$KC_HOME/bin/kc.sh" start-dev \
    --http-port="$PORT" \
    --http-management-port="$MANAGEMENT_PORT" \
    --import-realm \
    --db=dev-file \
    --vault=file --vault-dir="$VAULT_DIR" \
    --health-enabled=true \
    --metrics-enabled=true --event-metrics-user-enabled=true \
    --log=console,file &
kc_pid=$!

deadline=$((SECONDS + 180))
until [[ "$(http_status /realms/demo 2>/dev/null)" == 200 ]]; do
    if ! kill -0 "$kc_pid" 2>/dev/null; then
        wait "$kc_pid" && rc=0 || rc=$?
        kc_pid=""
        printf '\nrun.sh: error: Keycloak exited (status %s) before realm demo was ready. Last log lines:\n' "$rc" >&2
        last_log_lines
        exit 1
    fi
    if (( SECONDS >= deadline )); then
        printf '\nrun.sh: error: realm demo not ready after 180 s. Last log lines:\n' >&2
        last_log_lines
        exit 1
    fi
    sleep 1
done

BASE="http://localhost:$PORT"
callback="$BASE/fintech-demo-callback"
callback="${callback//:/%3A}"
callback="${callback//\//%2F}"
auth_url() { printf '%s/realms/demo/protocol/openid-connect/auth?client_id=%s&response_type=code&scope=openid&redirect_uri=%s' "$BASE" "$1" "$callback"; }
cat <<EOF

==============================================================================
 Keycloak $KC_VERSION is ready ($((SECONDS - start)) s)
   Admin console:       $BASE/admin/
   Realm demo console:  $BASE/admin/master/console/#/demo
   Admin login:         admin / admin   (dev only)
   Data (H2) and logs:  ${KC_HOME#"$ROOT"/}/data/
   Metrics:             http://localhost:$MANAGEMENT_PORT/metrics   (docs/operations.md#metrics)
 Browser logins (theme fintech; they end on a 404 page whose address carries the code):
   Web banking (pin-user, PIN 1111):
     $(auth_url web-banking)
   Card portal (mobile 9100000978, password Apswd@1234, then Set PIN):
     $(auth_url card-portal-web)
 Ctrl-C stops Keycloak; the next ./run.sh keeps the data (realm demo is not re-imported).
==============================================================================
EOF
if [[ -f demo/demo-requests.sh ]]; then
    printf '\nExample requests (demo/demo-requests.sh):\n\n'
    sed -e "s|\${BASE}|$BASE|g" -e "s|\$BASE\b|$BASE|g" demo/demo-requests.sh
    echo
fi

wait "$kc_pid" && rc=0 || rc=$?
kc_pid=""
exit "$rc"
