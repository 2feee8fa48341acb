package com.fintechlogin.keycloak.limit;

import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * One credential check behind the {@link AttemptLimiter}: reserve an attempt, evaluate only if reserved, reset the
 * counter when right. Every route to a credential of the project (API adapter, token endpoint, browser form) goes
 * through this, so they share one counter per user and credential kind.
 */
public final class LimitedCheck {

    private LimitedCheck() {
    }

    /**
     * Runs {@code evaluation} unless the user's {@code kind} counter is locked. Without a policy (the realm does
     * not limit this kind) the credential is evaluated and nothing is counted. An exception from the evaluation
     * propagates and leaves the reserved attempt counted: a request that dies mid-check gets no free guess.
     */
    public static Verdict run(KeycloakSession session, RealmModel realm, UserModel user, String kind,
            Optional<AttemptPolicy> policy, BooleanSupplier evaluation) {
        if (policy.isEmpty()) {
            return evaluation.getAsBoolean() ? Verdict.RIGHT : Verdict.wrong(Verdict.NO_LIMIT);
        }
        AttemptLimiter limiter = new AttemptLimiter(session);
        Reservation attempt = limiter.reserve(realm, user, kind, policy.get());
        if (!attempt.reserved()) {
            return Verdict.locked(attempt);
        }
        if (!evaluation.getAsBoolean()) {
            return Verdict.wrong(attempt);
        }
        limiter.succeeded(realm, user, kind);
        return Verdict.RIGHT;
    }
}
