package com.fintechlogin.keycloak.metrics;

import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Hears every user event of the server and queues what it adds to the metrics ({@link EventMeasurements}) for the
 * commit of its Keycloak session's transaction; takes the latency of an API's login from its endpoint
 * ({@link LoginTiming}). One instance per Keycloak session, so the queue is the session's own.
 */
final class MetricsListener implements EventListenerProvider {

    private final KeycloakSession session;
    private final LoginMeters meters;
    private PendingMeasurements pending;

    MetricsListener(KeycloakSession session, LoginMeters meters) {
        this.session = session;
        this.meters = meters;
    }

    @Override
    public void onEvent(Event event) {
        // Tags are read now, inside the transaction, where the realm's clients can still be looked up.
        EventMeasurements.of(event, clientId -> isClientOf(event.getRealmId(), clientId)).ifPresent(measurement -> pending().count(measurement));
    }

    /** The login {@code event} recorded, begun at {@code startedNanos}: timed under the tags it is counted by. */
    void timed(Event event, long startedNanos) {
        EventMeasurements.of(event, clientId -> isClientOf(event.getRealmId(), clientId))
                .filter(measurement -> measurement.attempt() != null && measurement.attempt().timed())
                .ifPresent(measurement -> pending().time(new Measurement.Timing(measurement, startedNanos)));
    }

    /** Through Keycloak's realm cache: a lookup the event's login has just made itself, not a cache of ours. */
    private boolean isClientOf(String realmId, String clientId) {
        RealmModel current = session.getContext().getRealm();
        RealmModel realm = current != null && current.getId().equals(realmId) ? current
                : realmId == null ? null : session.realms().getRealm(realmId);
        return realm != null && realm.getClientByClientId(clientId) != null;
    }

    private PendingMeasurements pending() {
        if (pending == null) {
            // Enlisted only when there is something to record: most requests emit no login event.
            pending = new PendingMeasurements(meters);
            session.getTransactionManager().enlistAfterCompletion(pending);
        }
        return pending;
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        // Admin events are no logins.
    }

    @Override
    public void close() {
        // The queue belongs to the session's transaction, which records or drops it.
    }
}
