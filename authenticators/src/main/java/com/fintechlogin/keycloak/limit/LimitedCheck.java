package com.fintechlogin.keycloak.limit;

import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * One credential check behind the {@link AttemptLimiter}: the counter locked, the credential evaluated only if the
 * counter is not locked, the count written only when it changes. Every route to a credential of the project (API
 * adapter, token endpoint, browser form) goes through this, so they share one counter per user and credential kind.
 */
public final class LimitedCheck {

    private LimitedCheck() {
    }

    /**
     * Runs {@code evaluation} unless the user's {@code kind} counter is locked. Without a policy (the realm does
     * not limit this kind) the credential is evaluated and nothing is counted. An exception from the evaluation
     * propagates and is counted as a failure: a request that dies mid-check gets no free guess.
     */
    public static Verdict run(KeycloakSession session, RealmModel realm, UserModel user, String kind,
            Optional<AttemptPolicy> policy, BooleanSupplier evaluation) {
        if (policy.isEmpty()) {
            return evaluation.getAsBoolean() ? Verdict.RIGHT : Verdict.wrong(Verdict.NO_LIMIT);
        }
        return new AttemptLimiter(session).check(realm, user, kind, policy.get(), evaluation);
    }
}
