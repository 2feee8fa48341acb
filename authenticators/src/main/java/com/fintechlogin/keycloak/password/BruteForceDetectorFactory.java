package com.fintechlogin.keycloak.password;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.services.managers.BruteForceProtectorFactory;

/**
 * Makes {@link BruteForceDetector} the server's brute-force detector: Keycloak takes the factory of the highest
 * {@link #order()} above 0 as the default of an SPI unless the server's configuration names one
 * ({@code --spi-brute-force-protector-provider}), and its own has none. Each one delegates to Keycloak's default
 * detector, which keeps its single instance and its configuration ({@code allowConcurrentRequests}).
 */
public final class BruteForceDetectorFactory implements BruteForceProtectorFactory {

    public static final String PROVIDER_ID = "fintech-brute-force-detector";
    /** Keycloak's own detector, which every other case goes to. */
    static final String KEYCLOAKS = "default-brute-force-detector";

    @Override
    public BruteForceProtector create(KeycloakSession session) {
        return new BruteForceDetector(session, session.getProvider(BruteForceProtector.class, KEYCLOAKS));
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {
        // No settings of its own.
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // Keycloak's detector is looked up per session.
    }

    @Override
    public void close() {
        // Holds nothing.
    }
}
