package com.fintechlogin.bench;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing to measure: what to send, how to tell a success, and what it is compared with.
 *
 * @param id        a stable identifier for the JSON, the soak's {@code --capacity} and the file names, named after the
 *                  API, e.g. {@code pin-login}
 * @param label     what a reader sees in the tables and the chart
 * @param target    the scenario it is divided by and the ratio it must reach; empty for a baseline (Keycloak's own
 *                  grants)
 * @param requests  makes the requests
 * @param success   tells a success from an error
 * @param singleUse whether the server accepts each request once only (a sealed partner payload, a device ciphertext):
 *                  a generator that replays requests built beforehand must build one per request it sends
 */
public record Scenario(String id, String label, Optional<Target> target, RequestSource requests, Success success,
        boolean singleUse) {

    public Scenario {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(success, "success");
    }

    /** A scenario that others are compared with, and that is compared with nothing. */
    public static Scenario baseline(String id, String label, RequestSource requests, Success success) {
        return new Scenario(id, label, Optional.empty(), requests, success, false);
    }

    /** Whether this scenario is a yardstick of others rather than judged itself. */
    public boolean isBaseline() {
        return target.isEmpty();
    }
}
