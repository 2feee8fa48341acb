package com.fintechlogin.keycloak.metrics;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.models.AbstractKeycloakTransaction;

/**
 * The measurements of one Keycloak session, enlisted after its transaction as Keycloak's own event metrics are:
 * recorded once it commits, so that a request whose transaction rolled back (a server error) is not counted as what
 * its event claimed, and both metric families agree. Keycloak sends an error event in a transaction of its own, which
 * commits at once, so a refused attempt is counted whatever the request does next. A latency is read at the commit,
 * so that it includes the commit the caller waited for.
 */
final class PendingMeasurements extends AbstractKeycloakTransaction {

    private final LoginMeters meters;
    private final List<Measurement> counts = new ArrayList<>();
    private final List<Measurement.Timing> timings = new ArrayList<>();

    PendingMeasurements(LoginMeters meters) {
        this.meters = meters;
    }

    void count(Measurement measurement) {
        counts.add(measurement);
    }

    void time(Measurement.Timing timing) {
        timings.add(timing);
    }

    @Override
    protected void commitImpl() {
        long now = System.nanoTime();
        counts.forEach(meters::count);
        timings.forEach(timing -> meters.time(timing.measurement(), now - timing.startedNanos()));
        clear();
    }

    @Override
    protected void rollbackImpl() {
        clear();
    }

    private void clear() {
        counts.clear();
        timings.clear();
    }
}
