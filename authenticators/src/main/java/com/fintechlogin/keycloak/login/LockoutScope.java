package com.fintechlogin.keycloak.login;

import java.util.Locale;

import org.jboss.logging.Logger;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.RealmModel;

/**
 * What a lock closes in the realm ({@value #ACCOUNT_WIDE_ATTRIBUTE}). By default each credential kind locks alone:
 * wrong passwords close password logins, wrong PINs the PIN, wrong device proofs device login, and Keycloak's
 * brute-force record only shows those locks (its view and unlock stay true) without refusing anything itself. Set to
 * {@code true}, a lock of any kind closes every login of the user, as Keycloak's own account lockout does: anyone who
 * knows a customer's email can then keep them out of every channel with a few wrong passwords, so it is the admin's
 * choice, never a fallback. A value that is neither true nor false reads as the default ({@link #accountWide}): the
 * per-kind limits hold either way, and the account-wide lock adds only that denial of service.
 */
public final class LockoutScope {

    public static final String ACCOUNT_WIDE_ATTRIBUTE = "fintech.lockout.account-wide";
    /** What the provider id of every step (authenticator) of this project starts with. */
    static final String STEP_ID_PREFIX = "fintech-";
    static final boolean DEFAULT_ACCOUNT_WIDE = false;

    private static final Logger LOG = Logger.getLogger(LockoutScope.class);

    private LockoutScope() {
    }

    /**
     * Whether a lock of one credential kind closes every login of the user. Read at every login, Keycloak's own
     * included, so a value that is neither true nor false is logged at DEBUG, not WARN, which would log it at every
     * login: the extension's settings endpoint refuses such a value when an admin saves it, and only Keycloak's own
     * realm API or an import can store one (Keycloak offers no hook that could refuse it there).
     */
    public static boolean accountWide(RealmModel realm) {
        String value = realm.getAttribute(ACCOUNT_WIDE_ATTRIBUTE);
        if (value == null || value.isBlank()) {
            return DEFAULT_ACCOUNT_WIDE;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                LOG.debugf("Realm '%s': attribute %s must be true or false; using %s", realm.getName(),
                        ACCOUNT_WIDE_ATTRIBUTE, DEFAULT_ACCOUNT_WIDE);
                yield DEFAULT_ACCOUNT_WIDE;
            }
        };
    }

    /**
     * Whether Keycloak's own password checks in the realm — its username and password page, its password grant — count
     * in the limiter's password counter ({@code password.BruteForceDetector}): where the realm detects brute force and
     * logs in with a step of this project in any of its flows, whatever the lock's scope. Account-wide they are
     * reported to Keycloak's detector as well, as the APIs' wrong passwords are; without the counter there, parallel
     * guesses on them were bounded only by Keycloak's detector, which records after the evaluation, and the APIs'
     * password lock (a lasting one too) did not close them. A realm that uses none of the steps (master, say) keeps
     * Keycloak's detector exactly as it is: nothing of the extension counts or locks there, so there is no lane to share.
     */
    public static boolean keycloakPasswordsInTheLimiter(RealmModel realm) {
        return realm.isBruteForceProtected() && usesTheExtensionsSteps(realm);
    }

    private static boolean usesTheExtensionsSteps(RealmModel realm) {
        return realm.getAuthenticationFlowsStream()
                .flatMap(flow -> realm.getAuthenticationExecutionsStream(flow.getId()))
                .map(AuthenticationExecutionModel::getAuthenticator)
                .anyMatch(id -> id != null && id.startsWith(STEP_ID_PREFIX));
    }
}
