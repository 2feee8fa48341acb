package com.fintechlogin.keycloak.pin;

import com.fintechlogin.keycloak.keys.PinPepperUnavailableException;
import com.fintechlogin.keycloak.limit.CredentialKinds;
import com.fintechlogin.keycloak.limit.Verdict;
import com.fintechlogin.keycloak.login.AccountStatus;
import com.fintechlogin.keycloak.login.FailureReason;
import com.fintechlogin.keycloak.login.KeycloakBruteForce;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The user's current PIN, asked before their PIN or devices change (the PIN and device endpoints, the Set PIN
 * page). Checked exactly as at login — Keycloak's brute-force lockout first, then an attempt reserved with the
 * exact limiter before the PIN is evaluated, a wrong one reported to Keycloak's detector — so that no route that
 * changes a credential is a side door for guessing the PIN. One check; each caller words its answer.
 */
public final class CurrentPinCheck {

    /** Why the current PIN was not accepted. */
    public enum Refusal {
        /** Keycloak's brute-force detection locks the user; nothing was evaluated. */
        ACCOUNT_LOCKED,
        /** The PIN's attempt limit is reached; nothing was evaluated. */
        PIN_LOCKED,
        /** Not the user's PIN: counted when it was evaluated ({@link Result#verdict()}), free when no PIN looks like it. */
        WRONG,
        /** The realm has no usable pepper (logged for the admin where found). */
        NOT_CONFIGURED,
        /** The attempt counter could not be reached; nothing was evaluated. */
        UNAVAILABLE
    }

    /**
     * @param refusal null when the PIN is right
     * @param verdict the limiter's verdict when the PIN was evaluated, for the attempts left; else null
     */
    public record Result(Refusal refusal, Verdict verdict) {

        public boolean right() {
            return refusal == null;
        }

        /** Whether an "attempts left" figure exists to show. */
        public boolean limited() {
            return verdict != null && verdict.limited();
        }
    }

    private static final Logger LOG = Logger.getLogger(CurrentPinCheck.class);

    private CurrentPinCheck() {
    }

    public static Result check(KeycloakSession session, RealmModel realm, UserModel user, String pin) {
        if (AccountStatus.lockoutReason(session, realm, user) == FailureReason.USER_LOCKED) {
            return new Result(Refusal.ACCOUNT_LOCKED, null);
        }
        if (!PinSettings.isStorable(pin)) {
            // No stored PIN looks like this, so it is wrong without evaluating anything or spending an attempt.
            return new Result(Refusal.WRONG, null);
        }
        Verdict verdict;
        try {
            verdict = PinCredentials.verifyWithinLimit(session, realm, user, pin);
        } catch (PinPepperUnavailableException noPepper) {
            return new Result(Refusal.NOT_CONFIGURED, null);
        } catch (ModelException counterUnavailable) {
            LOG.warnf(counterUnavailable, "Realm '%s': the PIN attempt counter of user %s is unavailable; credential change refused",
                    realm.getName(), user.getId());
            return new Result(Refusal.UNAVAILABLE, null);
        }
        return switch (verdict.outcome()) {
            case RIGHT -> new Result(null, verdict);
            case LOCKED -> new Result(Refusal.PIN_LOCKED, verdict);
            case WRONG -> {
                KeycloakBruteForce.reportFailure(session, realm, user, verdict, CredentialKinds.PIN);
                yield new Result(Refusal.WRONG, verdict);
            }
        };
    }
}
