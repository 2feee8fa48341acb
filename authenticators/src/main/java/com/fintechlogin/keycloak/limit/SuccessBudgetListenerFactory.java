package com.fintechlogin.keycloak.limit;

import org.keycloak.Config;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;

/**
 * The event listener {@value #PROVIDER_ID}: counts a login completed in a request that asked the caller budgets as one
 * success ({@link CallerBudgets#rightCredential}), for a login that checked no credential of the user — mobile sign-in
 * and the other logins an app vouches for, whose credential is the app's own authentication. A login that checked one
 * was counted where it was found right, in the same request (once per request), so this adds nothing there; and a
 * login that completes in a later request (after a required action) was counted in the request that checked its
 * credential, as this hears only the requests that asked the budgets. Global, so that it hears every realm's
 * {@code LOGIN} whether or not the realm stores events or lists listeners: Keycloak's {@code EventBuilder} calls global
 * listeners always, and a success event synchronously in the request's own session, inside its transaction.
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
            budgets.rightCredential();
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
