package com.fintechlogin.keycloak.password;

import java.util.Collections;
import java.util.Set;

import com.fintechlogin.keycloak.limit.CallerBudgets;
import com.fintechlogin.keycloak.limit.CredentialKinds;
import com.fintechlogin.keycloak.limit.CredentialLocks;
import com.fintechlogin.keycloak.limit.Verdict;
import com.fintechlogin.keycloak.login.FailureReason;
import com.fintechlogin.keycloak.login.KeycloakBruteForce;
import com.fintechlogin.keycloak.login.LockoutScope;
import com.fintechlogin.keycloak.login.LoginEvents;

import jakarta.ws.rs.core.UriInfo;

import org.keycloak.authentication.AuthenticatorUtil;
import org.keycloak.common.ClientConnection;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserLoginFailureModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.credential.RecoveryAuthnCodesCredentialModel;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.sessions.AuthenticationSessionModel;

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
 * is reached, and, per credential, nothing disables the user; a right one starts the password count again, and
 * Keycloak's record keeps what the other kinds still hold. Where the realm makes locks account-wide, the wrong password
 * is also reported to Keycloak's detector, as the APIs' are, and every other failure is Keycloak's as before. Keycloak's forms ask {@link #isTemporarilyDisabled} before they evaluate a password;
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
            if (LockoutScope.accountWide(realm)) {
                // Account-wide, Keycloak's detector counts every other failure, as Keycloak alone would.
                keycloaks.failedLogin(realm, user, connection, uri, categories);
                return;
            }
            // Only Keycloak's other credentials (OTP, recovery codes) are its detector's. A failure without a category
            // checked no credential of the user (a flow that failed before any, a refused user); Keycloak would count
            // it for the user found by the name given, and with a permanent lockout disable them.
            if (categories != null && !Collections.disjoint(categories, KEYCLOAKS_OTHER_CREDENTIALS)) {
                keycloaks.failedLogin(realm, user, connection, uri, categories);
            }
            return;
        }
        // Keycloak's form evaluated the password under the counter's row lock its pre-check took
        // (isTemporarilyDisabled); the limiter counts the verdict in the same transaction, and account-wide also
        // reports it to Keycloak's detector, as the APIs do.
        Verdict verdict = PasswordCheck.count(session, realm, user, false);
        if (verdict.outcome() == Verdict.Outcome.WRONG) {
            KeycloakBruteForce.reportFailure(session, realm, user, verdict, CredentialKinds.PASSWORD);
        }
        // And one failure of the caller that sent it, admitted by its budgets in isTemporarilyDisabled.
        CallerBudgets.of(session).failed();
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
        CallerBudgets budgets = CallerBudgets.of(session);
        // Counted already if this request checked the password (countsARightPassword); once per request.
        budgets.rightCredential();
        budgets.succeeded();
    }

    /**
     * Whether Keycloak should treat the user as locked. Where its own password checks count in the limiter:
     *
     * <p><b>The admin API</b> reads. Its views (the attack-detection status, the user list) show every kind's lock: the
     * record's, which shows them all, or the password counter's. One exception: Keycloak's save of a user as enabled
     * ({@code PUT /admin/realms/{realm}/users/{id}}) asks this to decide whether the save also unlocks, and deletes the
     * record if so. Per credential the record shows the counters' locks, which an admin who edits an enabled user did
     * not ask to lift (a lasting PIN lock, say, while correcting a name): the answer there is no, and the record stays.
     * Enabling a disabled user, and Keycloak's unlock, still lift every lock. Account-wide the record is the lock, and
     * the save lifts it as Keycloak's would. The admin API's callers are told by path, not by the authentication session,
     * so that a login route Keycloak adds without one still takes its turn.
     *
     * <p><b>Every other caller is a login</b> about to decide on the user. A disabled user is locked: Keycloak's grant
     * would otherwise evaluate a disabled user's password after this check, uncounted, and tell a right one from a
     * wrong one ("Account disabled"), a password oracle without limit for a customer an admin suspended. Then Keycloak's
     * own lock. Per credential the record is Keycloak's lock only where Keycloak counted something in it (an OTP's or a
     * recovery code's failures): the extension writes every kind's lock there for the view, with no counts, and a PIN or
     * device lock must not close the password logins. So a record with no counts of Keycloak's is skipped, and with it,
     * while that record shows a lock, Keycloak's refusal of a second login of a user in progress (it cannot be asked
     * without the record); Keycloak's password steps do not need it, the counter's row lock below serializes them.
     * Account-wide the record closes every login. Last, the password counter: Keycloak's password steps ask right
     * before they evaluate the password (its username and password form, the grant's {@code ValidateUsername} ahead of
     * {@code ValidatePassword}), so the answer takes the counter's row lock in the request's transaction, as the APIs'
     * limiter does; the evaluation runs under it and {@link #failedLogin}/{@link #successfulLogin} count in the same
     * transaction: N parallel guesses evaluate at most the limit. Keycloak's own refusal of a login in progress does not
     * do that on its own: it lives in one node's memory (each node lets its own login of the user through) and is off
     * when the server allows concurrent requests.
     */
    @Override
    public boolean isTemporarilyDisabled(KeycloakSession session, RealmModel realm, UserModel user) {
        if (!LockoutScope.keycloakPasswordsInTheLimiter(realm)) {
            return keycloaks.isTemporarilyDisabled(session, realm, user);
        }
        boolean accountWide = LockoutScope.accountWide(realm);
        if (KeycloakUserSave.isRunning(session)) {
            return accountWide && keycloaks.isTemporarilyDisabled(session, realm, user);
        }
        if (AdminApiRequest.isRunning(session)) {
            // A view: it reads, and may ask about many users at once.
            return keycloaks.isTemporarilyDisabled(session, realm, user)
                    || CredentialLocks.status(session, realm, user, CredentialKinds.PASSWORD).locked();
        }
        if (!user.isEnabled()) {
            return true;
        }
        if (accountWide ? keycloaks.isTemporarilyDisabled(session, realm, user) : keycloaksOwnLock(session, realm, user)) {
            return true;
        }
        // A login about to check this user's password (the form or the grant evaluates it right after this answer):
        // first its caller's budgets, which a spray over many users passes per user; then the counter's row is held
        // until the request commits, so parallel logins of the user take turns and the verdict is counted before the
        // next one looks. A refused caller takes no row lock.
        if (overCallerBudget(session, realm, user)) {
            return true;
        }
        if (PasswordCheck.lockedElseHold(session, realm, user)) {
            return true;
        }
        countsARightPassword(session);
        return false;
    }

    /**
     * A right password of Keycloak's steps counts as one success of its caller in the request that checked it, at its
     * commit: the login may complete only in a later request (a required action, a second factor) that never asks the
     * budgets, or never (the password grant's "Account is not fully set up"), and Keycloak's {@link #successfulLogin}
     * comes only then. Its pages mark a right password in the authentication session
     * ({@link AuthenticatorUtil#isPasswordValidated}), and a mark already there when this is asked (its OTP page, after
     * the password page) is an earlier request's. Its password grant has no authentication session in the context; its
     * one request checks the password right after this answer, and a wrong or empty one fails the flow
     * ({@link #failedLogin}), so a request with no failure recorded had a right password.
     */
    private static void countsARightPassword(KeycloakSession session) {
        CallerBudgets budgets = CallerBudgets.of(session);
        AuthenticationSessionModel authSession = session.getContext().getAuthenticationSession();
        if (authSession == null) {
            budgets.rightCredentialIf(() -> !budgets.failureRecorded());
        } else if (!AuthenticatorUtil.isPasswordValidated(authSession)) {
            budgets.rightCredentialIf(() -> AuthenticatorUtil.isPasswordValidated(authSession));
        }
    }

    /**
     * Whether the caller of Keycloak's own password step — its password grant ({@code admin-cli}, or any client on the
     * realm's default direct-grant flow) or its sign-in page — is over a failure budget: its source address, and the
     * client it signs in to, which Keycloak's steps never authenticate for a public client and this treats as anyone's
     * (it refuses only an address that failed itself). Keycloak answers the refusal as a lock
     * ({@code user_temporarily_disabled}, its usual 400 {@code invalid_grant} or page error), and this adds one event
     * with the reason per caller and window. The project's own steps asked the same budgets already in the request;
     * the answer is theirs. An unknown username never gets here (Keycloak asks only about a user it found), so it is
     * not charged: it evaluates no credential and its answer is the same as a wrong password's.
     */
    private static boolean overCallerBudget(KeycloakSession session, RealmModel realm, UserModel user) {
        KeycloakContext context = session.getContext();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        ClientModel client = authSession != null && authSession.getClient() != null ? authSession.getClient() : context.getClient();
        String remoteAddress = context.getConnection().getRemoteAddr();
        CallerBudgets budgets = CallerBudgets.of(session);
        CallerBudgets.Refusal refusal = client == null ? budgets.admitAddress(remoteAddress)
                : budgets.admitClient(remoteAddress, client.getId());
        if (refusal == null) {
            return false;
        }
        if (refusal.firstInWindow()) {
            EventBuilder event = new EventBuilder(realm, session, context.getConnection()).event(EventType.LOGIN_ERROR)
                    .user(user)
                    .detail(LoginEvents.REASON, FailureReason.CALLER_OVER_BUDGET.detail())
                    .detail(LoginEvents.BUDGET, refusal.by().detail())
                    .detail(LoginEvents.BUDGET_KIND, refusal.kind().detail());
            if (client != null) {
                event.client(client);
            }
            event.error(refusal.kind().eventError());
        }
        return true;
    }

    /**
     * Keycloak's own answer, unless its record's lock in force is only the extension's copy of the credential kinds'
     * locks (no failure and no lockout of Keycloak's own counted there).
     */
    private boolean keycloaksOwnLock(KeycloakSession session, RealmModel realm, UserModel user) {
        UserLoginFailureModel record = session.loginFailures().getUserLoginFailure(realm, user.getId());
        boolean extensionsCopyOnly = record != null && record.getNumFailures() == 0 && record.getNumTemporaryLockouts() == 0
                && Time.currentTimeMillis() / 1000 < record.getFailedLoginNotBefore();
        return !extensionsCopyOnly && keycloaks.isTemporarilyDisabled(session, realm, user);
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
