package com.fintechlogin.keycloak.login;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserLoginFailureModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;

/** Keeps Keycloak's brute-force detector in step with the exact limiter, so its admin views and unlock stay true. */
public final class KeycloakBruteForce {

    private KeycloakBruteForce() {
    }

    /**
     * Reports one failed login of {@code user}. Without categories Keycloak counts it whatever the credential;
     * it records asynchronously, so its view may lag behind the exact limiter that already counted the attempt.
     */
    public static void reportFailure(KeycloakSession session, RealmModel realm, UserModel user) {
        if (user == null || !realm.isBruteForceProtected()) {
            return;
        }
        session.getProvider(BruteForceProtector.class).failedLogin(realm, user, session.getContext().getConnection(),
                session.getContext().getHttpRequest().getUri(), null);
    }

    /**
     * Clears the user's failures after a right credential, as Keycloak does itself only after its own credential
     * categories: a right PIN proves the user as much as a right password, and failures left behind would add up
     * to a lockout across days.
     */
    public static void reportSuccess(KeycloakSession session, RealmModel realm, UserModel user) {
        if (!realm.isBruteForceProtected()) {
            return;
        }
        UserLoginFailureModel failures = session.loginFailures().getUserLoginFailure(realm, user.getId());
        if (failures != null && failures.getNumFailures() > 0) {
            failures.clearFailures();
        }
    }
}
