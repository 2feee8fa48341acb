package com.fintechlogin.keycloak.login;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.models.UserModel;

/** Whether a user may attempt a login at all: the check made before any credential is looked at. */
public final class AccountStatus {

    private AccountStatus() {
    }

    /**
     * The reason this user cannot log in now, or {@code null}. Brute-force lockout comes first because a
     * permanent lockout also disables the user, and the APIs tell "locked" apart from "disabled by an admin".
     */
    public static FailureReason blockingReason(AuthenticationFlowContext context, UserModel user) {
        if (AuthenticatorUtils.getDisabledByBruteForceEventError(context, user) != null) {
            return FailureReason.USER_LOCKED;
        }
        if (!user.isEnabled()) {
            return FailureReason.USER_DISABLED;
        }
        return null;
    }
}
