package com.fintechlogin.bench;

import java.util.Objects;

/**
 * What a scenario's throughput is judged against: another scenario measured on the same server in the same run (one
 * of Keycloak's own grants, or another API that does the same work plus less), and the lowest acceptable ratio of the
 * two. The ratio says what the extension costs, not how fast the machine is.
 *
 * @param baselineId the id of the scenario it is divided by, e.g. {@code client-credentials-grant}
 * @param atLeast    the lowest acceptable {@code throughput / baseline throughput}
 */
public record Target(String baselineId, double atLeast) {

    public Target {
        Objects.requireNonNull(baselineId, "baselineId");
        if (!(atLeast > 0)) {
            throw new IllegalArgumentException("atLeast must be positive: " + atLeast);
        }
    }
}
