package com.fintechlogin.keycloak.limit;

import org.keycloak.Config;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;

/**
 * The event listener {@value #PROVIDER_ID}: counts a completed login in its caller's success budgets
 * ({@link CallerBudgets#loggedIn}). Global, so that it hears every realm's {@code LOGIN} whether or not the realm
 * stores events or lists listeners: Keycloak's {@code EventBuilder} calls global listeners always, and a success event
 * synchronously in the request's own session, inside its transaction, which is where the count must go. It counts only
 * requests that asked the budgets: the extension's APIs, its steps on Keycloak's token endpoint and browser pages, and
 * Keycloak's own password steps in realms that use the extension's.
 */
public final class SuccessBudgetListenerFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "fintech-success-budgets";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new Listener(session);
    }

    @Override
    public void init(Config.Scope config) {
        // Nothing to read.
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
        // Nothing held.
    }

    private record Listener(KeycloakSession session) implements EventListenerProvider {

        @Override
        public void onEvent(Event event) {
            if (event.getType() != EventType.LOGIN) {
                return;
            }
            CallerBudgets budgets = CallerBudgets.asked(session);
            if (budgets == null) {
                return;
            }
            RealmModel realm = session.getContext().getRealm();
            if (realm == null || !realm.getId().equals(event.getRealmId())) {
                return;
            }
            ClientModel client = event.getClientId() == null ? null : realm.getClientByClientId(event.getClientId());
            budgets.loggedIn(client == null ? null : client.getId());
        }

        @Override
        public void onEvent(AdminEvent event, boolean includeRepresentation) {
            // No logins.
        }

        @Override
        public void close() {
            // The count belongs to the session's transaction.
        }
    }
}
