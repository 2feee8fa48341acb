package com.fintechlogin.keycloak.api.manage;

import com.fintechlogin.keycloak.limit.CredentialKinds;
import com.fintechlogin.keycloak.login.LoginEvents;
import com.fintechlogin.keycloak.pin.CurrentPinCheck;

import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** The user's current PIN ({@link CurrentPinCheck}), answered in the PIN and device endpoints' vocabulary. */
final class CurrentPin {

    private CurrentPin() {
    }

    /** Why {@code pin} does not prove the user knows their PIN, or null when it is right. */
    static ManageFailure check(KeycloakSession session, RealmModel realm, UserModel user, String pin, EventBuilder event) {
        CurrentPinCheck.Result result = CurrentPinCheck.check(session, realm, user, pin);
        if (result.limited()) {
            event.detail(LoginEvents.ATTEMPTS_LEFT, Integer.toString(result.verdict().attemptsLeft()))
                    .detail(LoginEvents.LIMITED_CREDENTIAL, CredentialKinds.PIN);
        }
        if (result.right()) {
            return null;
        }
        return switch (result.refusal()) {
            case ACCOUNT_LOCKED -> ManageFailure.USER_LOCKED;
            case PIN_LOCKED -> ManageFailure.PIN_LOCKED;
            case WRONG -> ManageFailure.OLD_PIN_INCORRECT;
            case NOT_CONFIGURED -> ManageFailure.NOT_CONFIGURED;
            case UNAVAILABLE -> ManageFailure.UNAVAILABLE;
        };
    }
}
