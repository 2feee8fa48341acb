package com.fintechlogin.keycloak.api.manage;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fintechlogin.keycloak.json.Parsed;
import com.fintechlogin.keycloak.keys.PinPepperUnavailableException;
import com.fintechlogin.keycloak.limit.AttemptLimiter;
import com.fintechlogin.keycloak.limit.CredentialKinds;
import com.fintechlogin.keycloak.limit.CredentialLocks;
import com.fintechlogin.keycloak.login.AccountStatus;
import com.fintechlogin.keycloak.login.FailureReason;
import com.fintechlogin.keycloak.login.LoginEvents;
import com.fintechlogin.keycloak.pin.PinCredentialModel;
import com.fintechlogin.keycloak.pin.PinCredentials;

import jakarta.ws.rs.core.Response;

import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * {@code POST /onboarding/user/v1/pin}: the signed-in user sets their first PIN, changes it by giving the current
 * one ({@link CurrentPin}), or — having forgotten it or locked it — resets it after a login that checked their
 * password. A reset is the recovery path: it needs more than the PIN itself would (a password, not a PIN or
 * device login, whose holder may not know the PIN), it lifts the PIN's lock, and the user is told by event and mail.
 */
public final class SetPinEndpoint extends UserCredentialEndpoint {

    static final String SET_MESSAGE = "PIN set successfully";
    static final String CHANGED_MESSAGE = "PIN changed successfully";
    static final String RESET_MESSAGE = "PIN reset successfully";

    public SetPinEndpoint(KeycloakSession session) {
        super(session, "set-pin", PinCredentialModel.TYPE);
    }

    @Override
    protected Response apply(RealmModel realm, UserBearerToken.Caller caller, ObjectNode body, EventBuilder event) {
        Parsed<PinChangeRequest, ManageFailure> parsed = PinChangeRequest.parse(body);
        if (parsed instanceof Parsed.Invalid<PinChangeRequest, ManageFailure> invalid) {
            return refuse(event, invalid.problem());
        }
        PinChangeRequest request = ((Parsed.Valid<PinChangeRequest, ManageFailure>) parsed).value();
        UserModel user = caller.user();
        boolean hasPin = PinCredentials.hasPin(user);
        boolean reset = hasPin && request.forgotPin();
        if (reset && !caller.passwordProved()) {
            return refuse(event, ManageFailure.PASSWORD_LOGIN_REQUIRED);
        }
        if (reset && (AccountStatus.lockoutReason(session, realm, user) == FailureReason.USER_LOCKED
                || CredentialLocks.status(session, realm, user, CredentialKinds.PASSWORD).locked())) {
            // Locked since that login: the reset waits, as a change with the old PIN would. The reset rests on the
            // password, so a password lock stops it even where locks stay with their credential.
            return refuse(event, ManageFailure.USER_LOCKED);
        }
        if (hasPin && !reset && request.oldPin() == null) {
            return refuse(event, ManageFailure.OLD_PIN_MISSING);
        }
        // Before the old PIN: a new PIN the realm refuses must not cost the user one of their attempts.
        ManageFailure unsuitable = PinChangeRequest.failureOf(PinCredentials.check(realm, request.pin()));
        if (unsuitable != null) {
            return refuse(event, unsuitable);
        }
        if (hasPin && !reset) {
            ManageFailure refused = CurrentPin.check(session, realm, user, request.oldPin(), event);
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
        if (reset) {
            // The forgotten PIN's failures are no reason to keep the new one locked.
            new AttemptLimiter(session).unlock(realm, user, CredentialKinds.PIN);
        }
        String change = reset ? LoginEvents.PIN_RESET : hasPin ? LoginEvents.PIN_CHANGED : LoginEvents.PIN_SET;
        event.detail(LoginEvents.CHANGE, change).success();
        return ManageAnswers.success(Map.of("msg", reset ? RESET_MESSAGE : hasPin ? CHANGED_MESSAGE : SET_MESSAGE));
    }
}
