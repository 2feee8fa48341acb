package com.fintechlogin.keycloak.login;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserLoginFailureModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;

/** Whether a user may attempt a login at all: the check made before any credential is looked at. */
public final class AccountStatus {

    private AccountStatus() {
    }

    /**
     * The reason this user cannot log in now, or {@code null}, as Keycloak's brute-force protector decides it —
     * which on 26.x also refuses, per node, a login of a user whose other login is still running. That is the
     * protection passwords have until the project's exact limiter covers them. Brute-force lockout comes first
     * because a permanent lockout also disables the user, and the APIs tell "locked" apart from "disabled".
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

    /**
     * As {@link #blockingReason}, from the lockout state Keycloak stores (what its admin console shows) without
     * its per-node refusal of concurrent logins: for steps that check no credential, or whose credential the
     * exact limiter guards (PIN, device), where parallel logins of one user are legitimate and a transient
     * refusal would be answered as a lock.
     */
    public static FailureReason lockoutReason(AuthenticationFlowContext context, UserModel user) {
        return lockoutReason(context.getSession(), context.getRealm(), user);
    }

    /** {@link #lockoutReason(AuthenticationFlowContext, UserModel)} outside a flow (the PIN change endpoint). */
    public static FailureReason lockoutReason(KeycloakSession session, RealmModel realm, UserModel user) {
        if (realm.isBruteForceProtected()) {
            UserLoginFailureModel failures = session.loginFailures().getUserLoginFailure(realm, user.getId());
            if (failures != null && Time.currentTime() < failures.getFailedLoginNotBefore()) {
                return FailureReason.USER_LOCKED;
            }
        }
        if (!user.isEnabled()) {
            boolean permanentLockout = BruteForceProtector.DISABLED_BY_PERMANENT_LOCKOUT
                    .equals(user.getFirstAttribute(UserModel.DISABLED_REASON));
            return permanentLockout ? FailureReason.USER_LOCKED : FailureReason.USER_DISABLED;
        }
        return null;
    }
}
