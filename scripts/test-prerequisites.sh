#!/usr/bin/env bash
# Sourced by test.sh: makes sure the machine has what the tests use besides Maven and a JDK — Debian's chromium and
# chromium-driver (browser tests), postgresql (the two-node cluster test), curl and openssl (the documented examples),
# wrk (the benchmark's load generator, which its smoke test runs), nodejs and npm (the OpenAPI document's lint and the
# TypeScript client's compile, api-clients).
# Installs the missing ones with apt-get when run as root on Debian; otherwise stops at once, naming what is missing
# and the command that installs it, before any test runs.
#   ensure_test_prerequisites

# command on PATH -> Debian package that provides it
TEST_COMMANDS=(chromium:chromium chromedriver:chromium-driver pg_lsclusters:postgresql curl:curl openssl:openssl wrk:wrk node:nodejs npm:npm)

missing_test_packages() {
    local entry missing=()
    for entry in "${TEST_COMMANDS[@]}"; do
        command -v "${entry%%:*}" >/dev/null 2>&1 || missing+=("${entry#*:}")
    done
    echo "${missing[*]}"
}

ensure_test_prerequisites() {
    local missing
    missing="$(missing_test_packages)"
    [[ -z "$missing" ]] && return 0
    if [[ $EUID -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
        echo "test.sh: error: the tests need Debian's packages: $missing" >&2
        echo "  install them (as root):  apt-get update && apt-get install -y --no-install-recommends $missing" >&2
        echo "  then run ./test.sh again." >&2
        return 1
    fi
    echo "==> apt-get install $missing"
    apt-get update -q
    # shellcheck disable=SC2086  # one word per package
    DEBIAN_FRONTEND=noninteractive apt-get install -q -y --no-install-recommends $missing
    missing="$(missing_test_packages)"
    if [[ -n "$missing" ]]; then
        echo "test.sh: error: still missing after apt-get: $missing" >&2
        return 1
    fi
}
