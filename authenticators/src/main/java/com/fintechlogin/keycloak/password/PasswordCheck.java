package com.fintechlogin.keycloak.password;

import java.util.Optional;

import com.fintechlogin.keycloak.limit.AttemptLimiter;
import com.fintechlogin.keycloak.limit.AttemptPolicy;
import com.fintechlogin.keycloak.limit.CredentialKinds;
import com.fintechlogin.keycloak.limit.LimitedCheck;
import com.fintechlogin.keycloak.limit.RealmAttemptPolicy;
import com.fintechlogin.keycloak.limit.Verdict;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;

/** The one password check of the project, for the API steps and the browser form alike. */
public final class PasswordCheck {

    /** Longer input is refused unread: no stored password is that long, and hashing it would cost for nothing. */
    public static final int MAX_PASSWORD_LENGTH = 256;

    private PasswordCheck() {
    }

    /** Whether {@code password} can be a password at all; if not, it is refused without spending an attempt. */
    public static boolean isWellFormed(String password) {
        return password != null && !password.isEmpty() && password.length() <= MAX_PASSWORD_LENGTH;
    }

    /**
     * Keycloak's own password credential, behind the exact attempt limit the realm's brute-force settings give
     * (none when the realm does not detect brute force).
     */
    public static Verdict verify(KeycloakSession session, RealmModel realm, UserModel user, String password) {
        return LimitedCheck.run(session, realm, user, CredentialKinds.PASSWORD, RealmAttemptPolicy.of(realm),
                () -> user.credentialManager().isValid(UserCredentialModel.password(password)));
    }

    /**
     * Counts the verdict of a password check Keycloak's own form made ({@link BruteForceDetector}) in the same counter
     * as {@link #verify}: a wrong one is a failure (unless the lock is already in force: LOCKED, not counted), a right
     * one starts the count again.
     */
    static Verdict count(KeycloakSession session, RealmModel realm, UserModel user, boolean right) {
        return LimitedCheck.run(session, realm, user, CredentialKinds.PASSWORD, RealmAttemptPolicy.of(realm), () -> right);
    }

    /**
     * Before Keycloak's own form evaluates a password: whether the password counter is locked, and if not, its row
     * held by the request's transaction, so that the evaluation and its {@link #count} take their turn as
     * {@link #verify} does.
     */
    static boolean lockedElseHold(KeycloakSession session, RealmModel realm, UserModel user) {
        Optional<AttemptPolicy> policy = RealmAttemptPolicy.of(realm);
        return policy.isPresent()
                && new AttemptLimiter(session).lockedElseHold(realm, user, CredentialKinds.PASSWORD, policy.get());
    }
}
