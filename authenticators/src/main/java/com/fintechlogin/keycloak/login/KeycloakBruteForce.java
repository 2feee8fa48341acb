package com.fintechlogin.keycloak.login;

import com.fintechlogin.keycloak.limit.AttemptStatus;
import com.fintechlogin.keycloak.limit.CredentialLocks;
import com.fintechlogin.keycloak.limit.Verdict;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserLoginFailureModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.services.managers.DefaultBruteForceProtector;

/**
 * Keeps Keycloak's brute-force record of a user in step with the exact limiter, so that its admin views
 * ({@code attack-detection/brute-force/users/{id}}) show every lock and its unlock, which Keycloak announces only
 * when it holds a record, reaches the limiter.
 *
 * <p>How depends on the realm's {@link LockoutScope}. Account-wide: every failure goes to Keycloak's detector, whose
 * lock then closes every login ({@link AccountStatus}). Per credential (the default): Keycloak's detector is not fed,
 * because it cannot tell kinds apart — it would lock, and with a permanent lockout disable, the whole account on a
 * mix of failures no single kind reached the limit with. Instead the record is written here, in the request's
 * transaction, with what the view needs and nothing Keycloak's detector counts: the last failure's time and address,
 * and a lock until the latest lock in force of any kind ends (a lock only an admin lifts shows as the latest time the
 * record holds). Its failure and lockout counts stay Keycloak's own: Keycloak's detector adds its next failure to
 * them (its own password checks go to the limiter instead, {@code password.BruteForceDetector}, but an OTP is still
 * its own), and were the extension's failures among them, wrong PINs and one failure there would reach its failure
 * factor, and with a permanent lockout disable the user. The APIs refuse no login on that record; each kind's own
 * counter does.
 */
public final class KeycloakBruteForce {

    /** The provider id of Keycloak's own brute-force detector (its {@code DefaultBruteForceProtectorFactory}). */
    public static final String KEYCLOAKS_DETECTOR = "default-brute-force-detector";

    private KeycloakBruteForce() {
    }

    /**
     * Reports one failed login of {@code user}, after the limiter counted it as a wrong {@code kind} credential.
     * Account-wide, Keycloak records it asynchronously, so its view may lag behind the limiter; per credential the
     * record is written at once, never its failure count, and only the failure that used the last attempt reads a
     * counter (its own): a wrong credential must not cost measurably more than an unknown user's dummy hash, or the
     * time tells users apart.
     */
    public static void reportFailure(KeycloakSession session, RealmModel realm, UserModel user, Verdict verdict, String kind) {
        if (user == null || !realm.isBruteForceProtected()) {
            return;
        }
        if (LockoutScope.accountWide(realm)) {
            // Without categories Keycloak counts it whatever the credential. Keycloak's own detector, not the server's
            // (the extension's), which drops a failure without a category where passwords count in the limiter.
            session.getProvider(BruteForceProtector.class, KEYCLOAKS_DETECTOR).failedLogin(realm, user,
                    session.getContext().getConnection(), session.getContext().getHttpRequest().getUri(), null);
            return;
        }
        UserLoginFailureModel record = session.loginFailures().getUserLoginFailure(realm, user.getId());
        if (record == null) {
            record = session.loginFailures().addUserLoginFailure(realm, user.getId());
        }
        record.setLastFailure(Time.currentTimeMillis());
        record.setLastIPFailure(session.getContext().getConnection().getRemoteHost());
        if (!verdict.locks()) {
            return;
        }
        int notBefore = notBefore(CredentialLocks.status(session, realm, user, kind).lockedUntil());
        // Never earlier than it was: another kind's lock may end later.
        if (notBefore > record.getFailedLoginNotBefore()) {
            record.setFailedLoginNotBefore(notBefore);
        }
    }

    /**
     * Clears the user's failures after a right credential, as Keycloak does itself only after its own credential
     * categories: a right PIN proves the user as much as a right password, and failures left behind would add up
     * to a lockout across days. Per credential, only the credential's own counter was reset: while another kind
     * still holds failures or a lock, the record keeps showing that lock.
     */
    public static void reportSuccess(KeycloakSession session, RealmModel realm, UserModel user) {
        if (!realm.isBruteForceProtected()) {
            return;
        }
        UserLoginFailureModel record = session.loginFailures().getUserLoginFailure(realm, user.getId());
        if (record == null) {
            return;
        }
        CredentialLocks.Summary counters = LockoutScope.accountWide(realm) ? null : CredentialLocks.summary(session, realm, user);
        if (counters == null || !counters.anyCounted()) {
            // Written only when it holds something: a right credential after none wrong costs no write.
            if (record.getNumFailures() > 0 || record.getFailedLoginNotBefore() != 0 || record.getLastFailure() != 0) {
                record.clearFailures();
            }
            return;
        }
        record.setFailedLoginNotBefore(notBefore(counters.latestLockEnd()));
    }

    /**
     * The credential type a right credential is recorded with in the flow. Keycloak clears its whole record after a
     * flow whose credentials include one of its categories (a password): per credential that would wipe another
     * kind's lock from the record, and Keycloak's unlock would then no longer reach it. So per credential the flow
     * records no such type (the PIN's and the device's are none), and {@link #reportSuccess} decides what the record
     * keeps.
     */
    public static String flowCredentialType(RealmModel realm, String credentialType) {
        boolean keycloakClearsAfterIt = DefaultBruteForceProtector.ALLOWED_AUTHENTICATION_CATEGORIES.contains(credentialType);
        return keycloakClearsAfterIt && !LockoutScope.accountWide(realm) ? null : credentialType;
    }

    /** Keycloak's lock end (epoch seconds, an int) for a limiter lock end (epoch millis). */
    static int notBefore(long lockEndMillis) {
        if (lockEndMillis == AttemptStatus.NOT_LOCKED) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE, lockEndMillis / 1000 + (lockEndMillis % 1000 == 0 ? 0 : 1));
    }
}
