package com.fintechlogin.keycloak.it;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The one server every integration test shares: Keycloak with both project JARs in {@code providers/}.
 * Test classes must all name this class, or each pays for a server boot of its own.
 */
public final class FintechServerConfig implements KeycloakServerConfig {

    static final String GROUP_ID = "com.fintechlogin";

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        return config
                .dependency(GROUP_ID, "keycloak-fintech-login-authenticators")
                .dependency(GROUP_ID, "keycloak-fintech-login-themes");
    }
}
