package com.fintechlogin.keycloak.limit;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Registers the attempt table with Keycloak's JPA store (an internal SPI: Keycloak warns about it at start-up)
 * and, since the table has no foreign keys, the listener that deletes the rows of removed users and realms.
 */
public final class AttemptsJpaEntityProviderFactory implements JpaEntityProviderFactory {

    public static final String ID = "fintech-attempts";

    private final JpaEntityProvider provider = new AttemptsJpaEntityProvider();

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return provider;
    }

    @Override
    public void init(Config.Scope config) {
        // No server-wide settings.
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(new AttemptCleanup());
    }

    @Override
    public void close() {
        // Holds nothing.
    }

    @Override
    public String getId() {
        return ID;
    }
}
