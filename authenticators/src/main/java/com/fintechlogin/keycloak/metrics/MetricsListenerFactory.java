package com.fintechlogin.keycloak.metrics;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

import io.micrometer.core.instrument.Metrics;

/**
 * The event listener {@value #PROVIDER_ID}: the login metrics. Global, as Keycloak's own user-event metrics listener
 * is, so every realm is measured without enabling anything in it. Its meters go to Micrometer's global registry, which
 * Keycloak's {@code /metrics} endpoint (management port, {@code metrics-enabled}) serves; without {@code metrics-enabled}
 * that registry feeds nothing and counting costs next to nothing.
 */
public final class MetricsListenerFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "fintech-metrics";

    /** Built once, like Keycloak's: the global registry is Keycloak's mechanism, not state of ours. */
    private LoginMeters meters;

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new MetricsListener(session, meters);
    }

    @Override
    public void init(Config.Scope config) {
        meters = new LoginMeters(Metrics.globalRegistry);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // Nothing to wire.
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
    public void close() {
        // The meters stay with the registry, as Keycloak's do.
    }
}
