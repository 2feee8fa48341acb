package com.fintechlogin.bench;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a scenario is compared with. The extension's APIs are judged by their throughput relative to Keycloak's own
 * grants measured on the same server in the same run, so that the ratio says what the extension costs and not how
 * fast the machine is.
 */
public enum Group {
    /** Keycloak's native password grant. */
    PASSWORD_BASELINE,
    /** Keycloak's native client-credentials grant. */
    CLIENT_CREDENTIALS_BASELINE,
    /** An API that checks a password or PIN: compared with {@link #PASSWORD_BASELINE}, target ratio ≥ 0.95. */
    PASSWORD_BASED,
    /** An API that checks no hashed secret: compared with {@link #CLIENT_CREDENTIALS_BASELINE}, target ratio ≥ 0.5. */
    LIGHT;

    /** Whether this group is one of Keycloak's own grants, the yardsticks of the others. */
    public boolean isBaseline() {
        return baseline().isEmpty();
    }

    /** The baseline group this group is compared with; empty for a baseline. */
    public Optional<Group> baseline() {
        return switch (this) {
            case PASSWORD_BASELINE, CLIENT_CREDENTIALS_BASELINE -> Optional.empty();
            case PASSWORD_BASED -> Optional.of(PASSWORD_BASELINE);
            case LIGHT -> Optional.of(CLIENT_CREDENTIALS_BASELINE);
        };
    }

    /** The lowest acceptable throughput ratio to the baseline; empty for a baseline. */
    public OptionalDouble target() {
        return switch (this) {
            case PASSWORD_BASELINE, CLIENT_CREDENTIALS_BASELINE -> OptionalDouble.empty();
            case PASSWORD_BASED -> OptionalDouble.of(0.95);
            case LIGHT -> OptionalDouble.of(0.5);
        };
    }
}
