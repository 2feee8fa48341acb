package com.fintechlogin.keycloak.api.manage;

import com.fintechlogin.keycloak.limit.Verdict;
import com.fintechlogin.keycloak.login.AccountStatus;
import com.fintechlogin.keycloak.login.FailureReason;
import com.fintechlogin.keycloak.login.KeycloakBruteForce;
import com.fintechlogin.keycloak.login.LoginEvents;
import com.fintechlogin.keycloak.pin.PinCredentials;
import com.fintechlogin.keycloak.pin.PinPepperUnavailableException;
import com.fintechlogin.keycloak.pin.PinSettings;

import org.jboss.logging.Logger;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The user's current PIN, asked of a signed-in user before their PIN or devices change. Checked exactly as at
 * login — Keycloak's brute-force lockout first, then an attempt reserved with the exact limiter before the PIN is
 * evaluated, a wrong one reported to Keycloak's detector — so that no credential endpoint is a side door for
 * guessing it.
 */
final class CurrentPin {

    private static final Logger LOG = Logger.getLogger(CurrentPin.class);

    private CurrentPin() {
    }

    /** Why {@code pin} does not prove the user knows their PIN, or null when it is right. */
    static ManageFailure check(KeycloakSession session, RealmModel realm, UserModel user, String pin, EventBuilder event) {
        if (AccountStatus.lockoutReason(session, realm, user) == FailureReason.USER_LOCKED) {
            return ManageFailure.USER_LOCKED;
        }
        if (!PinSettings.isStorable(pin)) {
            // No stored PIN looks like this, so it is wrong without evaluating anything or spending an attempt.
            return ManageFailure.OLD_PIN_INCORRECT;
        }
        Verdict verdict;
        try {
            verdict = PinCredentials.verifyWithinLimit(session, realm, user, pin);
        } catch (PinPepperUnavailableException noPepper) {
            return ManageFailure.NOT_CONFIGURED;
        } catch (ModelException counterUnavailable) {
            LOG.warnf(counterUnavailable, "Realm '%s': the PIN attempt counter of user %s is unavailable; credential change refused",
                    realm.getName(), user.getId());
            return ManageFailure.UNAVAILABLE;
        }
        if (verdict.outcome() == Verdict.Outcome.LOCKED) {
            return ManageFailure.PIN_LOCKED;
        }
        if (verdict.outcome() == Verdict.Outcome.WRONG) {
            KeycloakBruteForce.reportFailure(session, realm, user);
            event.detail(LoginEvents.ATTEMPTS_LEFT, Integer.toString(verdict.attemptsLeft()));
            return ManageFailure.OLD_PIN_INCORRECT;
        }
        return null;
    }
}
