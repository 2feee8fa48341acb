package com.fintechlogin.keycloak.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The one server every integration test shares: Keycloak with both project JARs in {@code providers/} and a
 * file vault holding the demo realm's PIN pepper, as the run command sets it up. Test classes must all name
 * this class, or each pays for a server boot of its own.
 */
public final class FintechServerConfig implements KeycloakServerConfig {

    static final String GROUP_ID = "com.fintechlogin";
    /** The test realm's pepper: fixed, so a test can tell that no PIN hash ever shows it. */
    public static final String PIN_PEPPER = "it-pepper-6b0f3c1e9a7d4e2f8c5b1a0d3e6f9c2b7a4d1e8f5c2b9a6d";

    /**
     * A checksum secret in the test server's file vault: {@link #writeVault} writes it to the file
     * {@code demo_<key>}, followed by the newline {@code echo} would leave, which is not part of the secret.
     */
    public static final String VAULT_KEY = "card-portal-checksum-secret";
    public static final String VAULT_SECRET = "it-vault-checksum-secret-5d2e8a41c9b7";

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        // A log file the tests read (errors, stack traces, secrets) with every event in it — Keycloak's jboss-logging
        // listener logs successful events at debug — while the console, which the framework copies into the test
        // output, stays at info. The framework adds its own console handler.
        config.log().handlers(KeycloakServerConfigBuilder.LogHandlers.FILE)
                .handlerLevel(KeycloakServerConfigBuilder.LogHandlers.CONSOLE, "info")
                .handlerLevel(KeycloakServerConfigBuilder.LogHandlers.FILE, "debug")
                .categoryLevel("org.keycloak.events", "debug");
        return config
                .dependency(GROUP_ID, "keycloak-fintech-login-authenticators")
                .dependency(GROUP_ID, "keycloak-fintech-login-themes")
                .option("log-file", ServerLog.FILE.toString())
                // Prometheus metrics on the management port the framework knows (http://localhost:9000/metrics), with
                // Keycloak's own user-event metrics, as ./run.sh and the admin guide's build turn them on (MetricsTest).
                .option("metrics-enabled", "true")
                .option("event-metrics-user-enabled", "true")
                .option("vault", "file")
                .option("vault-dir", writeVault(Path.of(System.getProperty("user.dir"), "target", "test-vault")).toString());
    }

    /** Writes the demo realm's vault secrets (file vault: one file {@code <realm>_<key>} each) into {@code directory}. */
    public static Path writeVault(Path directory) {
        Path dir = directory.toAbsolutePath();
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("demo_pin-pepper"), PIN_PEPPER, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("demo_" + VAULT_KEY), VAULT_SECRET + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
