package com.fintechlogin.keycloak.password;

import java.util.Collections;
import java.util.Set;

import com.fintechlogin.keycloak.limit.CredentialKinds;
import com.fintechlogin.keycloak.limit.CredentialLocks;
import com.fintechlogin.keycloak.limit.Verdict;
import com.fintechlogin.keycloak.login.KeycloakBruteForce;
import com.fintechlogin.keycloak.login.LockoutScope;

import jakarta.ws.rs.core.UriInfo;

import org.keycloak.common.ClientConnection;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.credential.RecoveryAuthnCodesCredentialModel;
import org.keycloak.services.managers.BruteForceProtector;

/**
 * Keycloak's brute-force detector with this extension deployed: Keycloak's own password checks — its username and
 * password page (a realm's default browser flow, the account console's sign-in) and its password grant (the built-in
 * {@code admin-cli} client) — count in the same password counter as the project's password logins, in every realm
 * where {@link LockoutScope#keycloakPasswordsInTheLimiter} holds. Without this they were a second password budget
 * beside the APIs', in Keycloak's detector, whose count of the user's failures is one for every credential: with a
 * permanent lockout, a few wrong PINs and one wrong password there disabled the user, every login closed.
 *
 * <p>There, a wrong password Keycloak's form found is counted by the limiter (never twice: the project's own steps
 * report their wrong passwords without the flow's failure path), Keycloak's record of the user shows the lock when it
 * is reached, and nothing disables the user; a right one starts the password count again, and Keycloak's record keeps
 * what the other kinds still hold. Keycloak's forms ask {@link #isTemporarilyDisabled} before they evaluate a password;
 * the answer includes the password counter's lock, so their refusal never rests on the record alone (Keycloak lets a
 * record expire while a lock that only an admin lifts still holds). Everything else — other realms (master), other credentials (OTP), the record and
 * Keycloak's permanent lockout — is Keycloak's default detector, unchanged.
 */
final class BruteForceDetector implements BruteForceProtector {

    /** The credentials Keycloak's own detector still counts where passwords count in the limiter. */
    private static final Set<String> KEYCLOAKS_OTHER_CREDENTIALS = Set.of(OTPCredentialModel.TYPE,
            RecoveryAuthnCodesCredentialModel.TYPE);

    private final KeycloakSession session;
    private final BruteForceProtector keycloaks;

    BruteForceDetector(KeycloakSession session, BruteForceProtector keycloaks) {
        this.session = session;
        this.keycloaks = keycloaks;
    }

    @Override
    public void failedLogin(RealmModel realm, UserModel user, ClientConnection connection, UriInfo uri, Set<String> categories) {
        if (!LockoutScope.keycloakPasswordsInTheLimiter(realm)) {
            keycloaks.failedLogin(realm, user, connection, uri, categories);
            return;
        }
        if (!keycloaksPasswordCheck(categories)) {
            // Only Keycloak's other credentials (OTP, recovery codes) are its detector's. A failure without a category
            // checked no credential of the user (a flow that failed before any, a refused user); Keycloak would count
            // it for the user found by the name given, and with a permanent lockout disable them.
            if (categories != null && !Collections.disjoint(categories, KEYCLOAKS_OTHER_CREDENTIALS)) {
                keycloaks.failedLogin(realm, user, connection, uri, categories);
            }
            return;
        }
        // Keycloak's form evaluated the password under the counter's row lock its pre-check took
        // (isTemporarilyDisabled); the limiter counts the verdict in the same transaction.
        Verdict verdict = PasswordCheck.count(session, realm, user, false);
        if (verdict.outcome() == Verdict.Outcome.WRONG) {
            KeycloakBruteForce.reportFailure(session, realm, user, verdict, CredentialKinds.PASSWORD);
        }
    }

    @Override
    public void successfulLogin(RealmModel realm, UserModel user, ClientConnection connection, UriInfo uri, Set<String> categories) {
        if (!keycloaksPasswordCheck(categories) || !LockoutScope.keycloakPasswordsInTheLimiter(realm)) {
            keycloaks.successfulLogin(realm, user, connection, uri, categories);
            return;
        }
        if (PasswordCheck.count(session, realm, user, true).right()) {
            KeycloakBruteForce.reportSuccess(session, realm, user);
        }
    }

    /**
     * Whether Keycloak should treat the user as locked: its record's lock (which shows every kind's), or, where its own
     * password checks count in the limiter, the password counter's lock. One exception there: Keycloak's save of a user
     * as enabled ({@code PUT /admin/realms/{realm}/users/{id}}) asks this to decide whether the save also unlocks, and
     * deletes the record if so. The record shows the counters' locks, which an admin who edits an enabled user did not
     * ask to lift (a lasting PIN lock, say, while correcting a name): the answer there is no, and the record stays.
     * Enabling a disabled user, and Keycloak's unlock, still lift every lock.
     *
     * <p>Every other caller outside the admin API is a login about to decide on the user, and Keycloak's password steps
     * ask right before they evaluate the password (its username and password form, the grant's
     * {@code ValidateUsername} ahead of {@code ValidatePassword}). There the answer takes the password counter's row
     * lock in the request's transaction, as the APIs' limiter does, so the evaluation runs under it and
     * {@link #failedLogin}/{@link #successfulLogin} count in the same transaction: N parallel guesses evaluate at most
     * the limit. Keycloak's own refusal of a second login of a user in progress does not do that on its own: it lives
     * in one node's memory (each node lets its own login of the user through) and is off when the server allows
     * concurrent requests. The admin API's callers only read (the attack-detection view, the user list) and are told by path, not by
     * the authentication session, so that a login route Keycloak adds without one still takes its turn.
     */
    @Override
    public boolean isTemporarilyDisabled(KeycloakSession session, RealmModel realm, UserModel user) {
        if (!LockoutScope.keycloakPasswordsInTheLimiter(realm)) {
            return keycloaks.isTemporarilyDisabled(session, realm, user);
        }
        if (KeycloakUserSave.isRunning(session)) {
            return false;
        }
        if (keycloaks.isTemporarilyDisabled(session, realm, user)) {
            return true;
        }
        if (AdminApiRequest.isRunning(session)) {
            // A view (the attack-detection status, the user list): it reads, and may ask about many users at once.
            return CredentialLocks.status(session, realm, user, CredentialKinds.PASSWORD).locked();
        }
        // A login about to check this user's password (the form or the grant evaluates it right after this answer):
        // the counter's row is held until the request commits, so parallel logins of the user take turns and the
        // verdict is counted before the next one looks.
        return PasswordCheck.lockedElseHold(session, realm, user);
    }

    @Override
    public boolean isPermanentlyLockedOut(KeycloakSession session, RealmModel realm, UserModel user) {
        return keycloaks.isPermanentlyLockedOut(session, realm, user);
    }

    @Override
    public void cleanUpPermanentLockout(KeycloakSession session, RealmModel realm, UserModel user) {
        keycloaks.cleanUpPermanentLockout(session, realm, user);
    }

    /** Keycloak reports a login by the credential categories its steps checked; its password steps say "password". */
    private static boolean keycloaksPasswordCheck(Set<String> categories) {
        return categories != null && categories.contains(PasswordCredentialModel.TYPE);
    }

    @Override
    public void close() {
        // Keycloak's detector is the server's, closed by its own factory.
    }
}
