package com.fintechlogin.keycloak.api.manage;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fintechlogin.keycloak.api.http.Parsed;
import com.fintechlogin.keycloak.limit.Verdict;
import com.fintechlogin.keycloak.login.AccountStatus;
import com.fintechlogin.keycloak.login.FailureReason;
import com.fintechlogin.keycloak.login.KeycloakBruteForce;
import com.fintechlogin.keycloak.login.LoginEvents;
import com.fintechlogin.keycloak.pin.PinCredentialModel;
import com.fintechlogin.keycloak.pin.PinCredentials;
import com.fintechlogin.keycloak.pin.PinPepperUnavailableException;
import com.fintechlogin.keycloak.pin.PinSettings;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * {@code POST /onboarding/user/v1/pin}: the signed-in user sets their first PIN, or changes it by giving the
 * current one. The current PIN is checked exactly as at login — Keycloak's brute-force lockout first, then an
 * attempt reserved with the exact limiter before the PIN is evaluated — so this endpoint is no side door for
 * guessing it.
 */
public final class SetPinEndpoint extends UserCredentialEndpoint {

    static final String SET_MESSAGE = "PIN set successfully";
    static final String CHANGED_MESSAGE = "PIN changed successfully";

    private static final Logger LOG = Logger.getLogger(SetPinEndpoint.class);

    public SetPinEndpoint(KeycloakSession session) {
        super(session);
    }

    @Override
    protected String apiName() {
        return "set-pin";
    }

    @Override
    protected String credentialType() {
        return PinCredentialModel.TYPE;
    }

    @Override
    protected Response apply(RealmModel realm, UserModel user, ObjectNode body, EventBuilder event) {
        Parsed<PinChangeRequest, ManageFailure> parsed = PinChangeRequest.parse(body);
        if (parsed instanceof Parsed.Invalid<PinChangeRequest, ManageFailure> invalid) {
            return refuse(event, invalid.problem());
        }
        PinChangeRequest request = ((Parsed.Valid<PinChangeRequest, ManageFailure>) parsed).value();
        boolean change = PinCredentials.hasPin(user);
        if (change && request.oldPin() == null) {
            return refuse(event, ManageFailure.OLD_PIN_MISSING);
        }
        // Before the old PIN: a new PIN the realm refuses must not cost the user one of their attempts.
        ManageFailure unsuitable = PinChangeRequest.failureOf(PinCredentials.check(realm, request.pin()));
        if (unsuitable != null) {
            return refuse(event, unsuitable);
        }
        if (change) {
            ManageFailure refused = checkOldPin(realm, user, request.oldPin(), event);
            if (refused != null) {
                return refuse(event, refused);
            }
        }
        try {
            PinCredentials.set(session, realm, user, request.pin());
        } catch (PinPepperUnavailableException noPepper) {
            // Logged for the admin where it was found; the user only learns that it cannot be done now.
            return refuse(event, ManageFailure.NOT_CONFIGURED);
        }
        event.detail(LoginEvents.CHANGE, change ? LoginEvents.PIN_CHANGED : LoginEvents.PIN_SET).success();
        return ManageAnswers.success(Map.of("msg", change ? CHANGED_MESSAGE : SET_MESSAGE));
    }

    /** Why the old PIN does not let the user change their PIN, or null when it is right. */
    private ManageFailure checkOldPin(RealmModel realm, UserModel user, String oldPin, EventBuilder event) {
        if (AccountStatus.lockoutReason(session, realm, user) == FailureReason.USER_LOCKED) {
            return ManageFailure.USER_LOCKED;
        }
        if (!PinSettings.isStorable(oldPin)) {
            // No stored PIN looks like this, so it is wrong without evaluating anything or spending an attempt.
            return ManageFailure.OLD_PIN_INCORRECT;
        }
        Verdict verdict;
        try {
            verdict = PinCredentials.verifyWithinLimit(session, realm, user, oldPin);
        } catch (PinPepperUnavailableException noPepper) {
            return ManageFailure.NOT_CONFIGURED;
        } catch (ModelException counterUnavailable) {
            LOG.warnf(counterUnavailable, "Realm '%s': the PIN attempt counter of user %s is unavailable; PIN change refused",
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
