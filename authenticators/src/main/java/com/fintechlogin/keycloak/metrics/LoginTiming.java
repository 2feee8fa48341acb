package com.fintechlogin.keycloak.metrics;

import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.models.KeycloakSession;

/**
 * How an API endpoint hands over its login's latency: the time it took the request, and the event that says how the
 * attempt ended, whose tags the latency is recorded under.
 *
 * <p>The endpoint times, not the event listener: Keycloak sends an error event in a session and transaction of its
 * own, so that it is kept whatever happens to the request (its listeners never see the request's session), and only
 * the endpoint knows when the request began.
 */
public final class LoginTiming {

    private LoginTiming() {
    }

    /**
     * The login that {@code event} recorded took since {@code startedNanos} ({@link System#nanoTime()}) so far; it is
     * recorded once the request commits, so the commit the caller waits for is included. Nothing is recorded when the
     * endpoint sent no event (Keycloak sets an event's time when it sends it), since no attempt was counted either.
     */
    public static void answered(KeycloakSession session, Event event, long startedNanos) {
        if (event.getTime() == 0) {
            return;
        }
        EventListenerProvider listener = session.getProvider(EventListenerProvider.class, MetricsListenerFactory.PROVIDER_ID);
        if (listener instanceof MetricsListener metrics) {
            metrics.timed(event, startedNanos);
        }
    }
}
