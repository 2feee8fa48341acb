package com.fintechlogin.keycloak.login;

import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.KeycloakSession;

/**
 * The typed input of one login, handed from a REST adapter to the authenticators.
 *
 * <p>Input travels as attributes of the request's {@link KeycloakSession}, not as auth-session notes: notes
 * live in a distributed cache, and a password or PIN must never be stored or replicated. On the standard
 * token endpoint there is no adapter, so authenticators fall back to the form parameters.
 */
public final class FlowInputs {

    private static final String PREFIX = "fintech.input.";

    /** The login identifier (email, mobile, user name); the token endpoint's {@code username}. */
    public static final String IDENTIFIER = "identifier";
    /** The password; the token endpoint's {@code password}. */
    public static final String PASSWORD = "password";
    /** The PIN, or in device mode the encrypted device id; the token endpoint's {@code pin}. */
    public static final String PIN = "pin";
    /** The device id; the token endpoint's {@code device_id}. */
    public static final String DEVICE_ID = "device_id";
    /** The PIN/device login's sign-in mode, "1" (PIN) or "2" (device); the token endpoint's {@code sign_in_mode}. */
    public static final String SIGN_IN_MODE = "sign_in_mode";
    /** The id of the realm key a ciphertext was made with; the token endpoint's {@code key_ref}. */
    public static final String KEY_REF = "key_ref";
    /** When a device with a key signed its statement, epoch ms; the token endpoint's {@code timestamp}. */
    public static final String TIMESTAMP = "timestamp";

    private FlowInputs() {
    }

    /** Hands the input of one login to the flow that runs within the same request. */
    public static void hand(KeycloakSession session, Map<String, String> inputs) {
        inputs.forEach((name, value) -> session.setAttribute(PREFIX + name, value));
    }

    /** Whether the flow runs for one of the project's REST adapters rather than a standard endpoint. */
    public static boolean fromAdapter(AuthenticationFlowContext context) {
        return context.getSession().getAttribute(PREFIX + IDENTIFIER) != null;
    }

    public static String identifier(AuthenticationFlowContext context) {
        return read(context, IDENTIFIER, OAuth2Constants.USERNAME);
    }

    public static String password(AuthenticationFlowContext context) {
        return read(context, PASSWORD, OAuth2Constants.PASSWORD);
    }

    public static String pin(AuthenticationFlowContext context) {
        return read(context, PIN, PIN);
    }

    public static String deviceId(AuthenticationFlowContext context) {
        return read(context, DEVICE_ID, DEVICE_ID);
    }

    public static String signInMode(AuthenticationFlowContext context) {
        return read(context, SIGN_IN_MODE, SIGN_IN_MODE);
    }

    public static String timestamp(AuthenticationFlowContext context) {
        return read(context, TIMESTAMP, TIMESTAMP);
    }

    public static String keyRef(AuthenticationFlowContext context) {
        return read(context, KEY_REF, KEY_REF);
    }

    private static String read(AuthenticationFlowContext context, String name, String formParameter) {
        Object handed = context.getSession().getAttribute(PREFIX + name);
        if (handed instanceof String value) {
            return value;
        }
        if (fromAdapter(context)) {
            return null;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        return form == null ? null : form.getFirst(formParameter);
    }
}
