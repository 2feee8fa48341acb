package com.fintechlogin.keycloak.login;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Registers {@link AttackDetectionUnlock} for every realm ({@link #isGlobal()}), so that an admin unlock works
 * without adding a listener to each realm's event settings.
 */
public final class AttackDetectionUnlockFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "fintech-attempt-unlock";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new AttackDetectionUnlock(session);
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {
        // No server-wide settings.
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // Nothing to wire.
    }

    @Override
    public void close() {
        // Stateless.
    }
}
