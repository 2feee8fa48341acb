package com.fintechlogin.keycloak.limit;

import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
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
     * propagates and is counted as a failure: a request that dies mid-check gets no free guess. The wrong credential
     * that uses the last attempt records the lock as an event.
     */
    public static Verdict run(KeycloakSession session, RealmModel realm, UserModel user, String kind,
            Optional<AttemptPolicy> policy, BooleanSupplier evaluation) {
        if (policy.isEmpty()) {
            return evaluation.getAsBoolean() ? Verdict.RIGHT : Verdict.wrong(Verdict.NO_LIMIT);
        }
        Verdict verdict = new AttemptLimiter(session).check(realm, user, kind, policy.get(), evaluation);
        if (verdict.locks()) {
            recordLock(session, realm, user, kind, verdict.untilAdminUnlock());
        }
        return verdict;
    }

    /**
     * A credential locked: an event of its own, whatever route the credential came through, so that admins see it and
     * the user can be told (the PIN's lock mails the user). A lock that lasts until an admin unlocks is a permanent
     * lockout, the others temporary; Keycloak's detector names its account locks the same way, without a credential
     * type, which here is the kind ({@link CredentialKinds}). The limiter counts attempts under its counter's row lock,
     * so exactly one request sees the last attempt go.
     */
    private static void recordLock(KeycloakSession session, RealmModel realm, UserModel user, String kind,
            boolean untilAdminUnlock) {
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(untilAdminUnlock ? EventType.USER_DISABLED_BY_PERMANENT_LOCKOUT : EventType.USER_DISABLED_BY_TEMPORARY_LOCKOUT)
                .user(user)
                .detail(Details.CREDENTIAL_TYPE, kind);
        if (session.getContext().getClient() != null) {
            event.client(session.getContext().getClient());
        }
        event.success();
    }
}
