package com.fintechlogin.keycloak.login;

import org.keycloak.models.RealmModel;

/**
 * What a lock closes in the realm ({@value #ACCOUNT_WIDE_ATTRIBUTE}). By default each credential kind locks alone:
 * wrong passwords close password logins, wrong PINs the PIN, wrong device proofs device login, and Keycloak's
 * brute-force record only shows those locks (its view and unlock stay true) without refusing anything itself. Set to
 * {@code true}, a lock of any kind closes every login of the user, as Keycloak's own account lockout does: anyone who
 * knows a customer's email can then keep them out of every channel with a few wrong passwords, so it is the admin's
 * choice, never a fallback. A value that is neither true nor false reads as the default, with a WARN: the per-kind
 * limits hold either way, and the account-wide lock adds only that denial of service.
 */
public final class LockoutScope {

    public static final String ACCOUNT_WIDE_ATTRIBUTE = "fintech.lockout.account-wide";
    static final boolean DEFAULT_ACCOUNT_WIDE = false;

    private LockoutScope() {
    }

    /** Whether a lock of one credential kind closes every login of the user. */
    public static boolean accountWide(RealmModel realm) {
        return RealmAttributes.flag(realm.getName(), ACCOUNT_WIDE_ATTRIBUTE, realm.getAttribute(ACCOUNT_WIDE_ATTRIBUTE),
                DEFAULT_ACCOUNT_WIDE, DEFAULT_ACCOUNT_WIDE);
    }
}
