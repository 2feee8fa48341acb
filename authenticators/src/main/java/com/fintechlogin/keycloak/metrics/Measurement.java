package com.fintechlogin.keycloak.metrics;

/**
 * What one event adds to the metrics ({@link EventMeasurements#of}). Every value is one of a finite set that the
 * realm's configuration and the project's code bound, never something a request chose.
 *
 * @param realm      the realm's name
 * @param attempt    the login attempt the event records; {@code null} for an event that is none
 * @param lockedKind the credential kind whose last attempt the event used up, so that the limiter locked it; {@code null}
 *                   when the event locked nothing
 */
record Measurement(String realm, Attempt attempt, String lockedKind) {

    /**
     * @param api     the documented API ({@code fintech_api}), or {@code token-endpoint} / {@code browser} for Keycloak's routes
     * @param client  a client of the realm, or {@code unknown}
     * @param outcome {@code success}, a {@code FailureReason} detail, one of Keycloak's event errors, or {@code other}
     * @param timed   whether an API endpoint of the project answered it, and so timed it ({@link LoginTiming})
     */
    record Attempt(String api, String client, String outcome, boolean timed) {

        boolean replayed() {
            return EventMeasurements.REPLAYED.equals(outcome);
        }
    }

    /** A login's latency to record: {@code attempt} of {@code measurement}, begun at {@code startedNanos}. */
    record Timing(Measurement measurement, long startedNanos) {
    }
}
