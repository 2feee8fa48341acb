package com.fintechlogin.keycloak.limit;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Registers the caller budget table with Keycloak's JPA store (an internal SPI: Keycloak warns about it at start-up)
 * and the cleanup of its rows ({@link CallerBudgetCleanup}).
 */
public final class CallerBudgetsJpaEntityProviderFactory implements JpaEntityProviderFactory {

    public static final String ID = "fintech-caller-budgets";

    private final JpaEntityProvider provider = new CallerBudgetsJpaEntityProvider();

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return provider;
    }

    @Override
    public void init(Config.Scope config) {
        // No server-wide settings: budgets are the realm's.
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(new CallerBudgetCleanup());
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
