package com.fintechlogin.keycloak.limit;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;

/**
 * What an administrator's unlock lifts, by whichever route it comes: the extension's counters of every credential
 * kind, and the locks of Keycloak's own brute-force detection that the same failures set. An unlock that leaves one
 * of them in place leaves the user locked out with the right credential.
 *
 * <p>Keycloak's permanent lockout disables the user (with the reason {@value BruteForceProtector#DISABLED_BY_PERMANENT_LOCKOUT}),
 * and Keycloak's own unlock of a user only forgets the failures, so that such a user stays disabled until an admin
 * also enables them. Here an unlock lifts that too; a user an admin disabled for another reason stays disabled.
 */
public final class AccountUnlock {

    private AccountUnlock() {
    }

    /** Every lock of the user: the extension's counters, Keycloak's record of failures and its permanent lockout. */
    public static void user(KeycloakSession session, RealmModel realm, UserModel user) {
        new AttemptLimiter(session).unlockUser(realm.getId(), user.getId());
        if (session.loginFailures().getUserLoginFailure(realm, user.getId()) != null) {
            session.loginFailures().removeUserLoginFailure(realm, user.getId());
        }
        liftPermanentLockout(user);
    }

    /** Enables a user Keycloak's permanent lockout disabled; any other user is left as it is. Whether it did. */
    public static boolean liftPermanentLockout(UserModel user) {
        if (user.isEnabled() || !isPermanentLockout(user)) {
            return false;
        }
        user.setEnabled(true);
        user.removeAttribute(UserModel.DISABLED_REASON);
        return true;
    }

    /** Users Keycloak's permanent lockout disabled in the realm: those an unlock of every user enables again. */
    public static void liftPermanentLockouts(KeycloakSession session, RealmModel realm) {
        session.users().searchForUserByUserAttributeStream(realm, UserModel.DISABLED_REASON,
                        BruteForceProtector.DISABLED_BY_PERMANENT_LOCKOUT)
                .toList()
                .forEach(AccountUnlock::liftPermanentLockout);
    }

    private static boolean isPermanentLockout(UserModel user) {
        return BruteForceProtector.DISABLED_BY_PERMANENT_LOCKOUT.equals(user.getFirstAttribute(UserModel.DISABLED_REASON));
    }
}
