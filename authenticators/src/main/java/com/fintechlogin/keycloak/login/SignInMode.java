package com.fintechlogin.keycloak.login;

import org.keycloak.authentication.AuthenticationFlowContext;

/**
 * How the PIN/device login API's caller signs in: with the PIN, or with the proof of a registered device. The PIN
 * step and the device step sit side by side in one flow and each stands aside for the other's mode, so both read
 * the mode from here rather than from each other.
 */
public enum SignInMode {

    PIN("1"),
    DEVICE("2");

    private final String value;

    SignInMode(String value) {
        this.value = value;
    }

    /** The mode as the API's {@code signInMode} and the token endpoint's {@code sign_in_mode} carry it. */
    public String value() {
        return value;
    }

    /** The mode {@code value} names exactly, or {@code null}: no mode, or one this project does not know. */
    public static SignInMode of(String value) {
        for (SignInMode mode : values()) {
            if (mode.value.equals(value)) {
                return mode;
            }
        }
        return null;
    }

    /** The mode handed to the flow; {@code null} when none was (a token-endpoint call may send none). */
    public static SignInMode of(AuthenticationFlowContext context) {
        return of(FlowInputs.signInMode(context));
    }
}
