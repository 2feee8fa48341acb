package com.fintechlogin.keycloak.pin;

import com.fintechlogin.keycloak.login.AccountStatus;
import com.fintechlogin.keycloak.login.FailureReason;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.UserModel;

/** The checks a PIN login makes before a PIN is evaluated, shared by the API step and the browser form. */
final class PinLogin {

    private PinLogin() {
    }

    /**
     * Why this PIN login cannot go on to the PIN check, or {@code null}: no PIN set, the account locked or
     * disabled, or input that no stored PIN can match (refused without spending an attempt).
     */
    static FailureReason refusalBeforeCheck(AuthenticationFlowContext context, UserModel user, String pin) {
        FailureReason refused = refusalBeforeInput(context, user);
        if (refused != null) {
            return refused;
        }
        return PinSettings.isStorable(pin) ? null : FailureReason.MALFORMED_REQUEST;
    }

    /** Why this user cannot log in with a PIN whatever they type, or {@code null}: no PIN set, account locked or disabled. */
    static FailureReason refusalBeforeInput(AuthenticationFlowContext context, UserModel user) {
        if (!PinCredentials.hasPin(user)) {
            return FailureReason.CREDENTIAL_NOT_SET;
        }
        return AccountStatus.lockoutReason(context, user);
    }
}
