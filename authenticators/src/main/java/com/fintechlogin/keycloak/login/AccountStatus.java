package com.fintechlogin.keycloak.login;

import org.keycloak.authentication.AuthenticationFlowContext;
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
     * The reason this user cannot log in now, or {@code null}: a disabled account, and, only where the realm makes
     * locks account-wide ({@link LockoutScope}), the lockout Keycloak's brute-force detector stores (what its admin
     * console shows). Otherwise that record only shows the locks of each credential kind, which the kind's own check
     * enforces (the exact limiter answers "credential locked"), so that a lock of one kind never closes another.
     * Deliberately not Keycloak's own pre-check, which on 26.x also refuses, per node, a login of a user whose other
     * login is still running: parallel logins of one user are legitimate, and the exact limiter in front of every
     * credential check already bounds guessing. Brute-force lockout comes first because a permanent lockout also
     * disables the user, and the APIs tell "locked" apart from "disabled".
     */
    public static FailureReason lockoutReason(AuthenticationFlowContext context, UserModel user) {
        return lockoutReason(context.getSession(), context.getRealm(), user);
    }

    /** {@link #lockoutReason(AuthenticationFlowContext, UserModel)} outside a flow (the PIN change endpoint). */
    public static FailureReason lockoutReason(KeycloakSession session, RealmModel realm, UserModel user) {
        if (realm.isBruteForceProtected() && LockoutScope.accountWide(realm)) {
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
