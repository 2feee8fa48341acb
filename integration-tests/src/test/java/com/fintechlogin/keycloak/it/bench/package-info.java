/**
 * The benchmark against the test server: the smoke test of every run, and the full benchmark and soak runs that
 * bench.sh and soak.sh start.
 */
package com.fintechlogin.keycloak.it.bench;
