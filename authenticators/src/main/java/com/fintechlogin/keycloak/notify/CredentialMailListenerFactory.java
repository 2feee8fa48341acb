package com.fintechlogin.keycloak.notify;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * The event listener {@value #PROVIDER_ID}: tells users by email when their PIN or devices change or their PIN
 * locks. Not global: a realm turns it on in its event listeners, and sends only with an SMTP server configured.
 */
public final class CredentialMailListenerFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "fintech-credential-mail";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new CredentialMailListener(session, new CredentialMailer(session.getKeycloakSessionFactory()));
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {
        // No server-wide settings: the realm's SMTP settings and email theme decide.
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
