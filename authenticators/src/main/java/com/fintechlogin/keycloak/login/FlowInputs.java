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
