package com.fintechlogin.keycloak.api;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fintechlogin.keycloak.api.fault.CallerFault;
import com.fintechlogin.keycloak.api.fault.CallerFaultAnswer;

import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.error.KeycloakErrorHandler;
import org.keycloak.utils.KeycloakSessionUtil;

/**
 * What the project's exception mappers answer: for a {@link CallerFault} on one of the project's API paths, that
 * endpoint's own answer; for anything else, on any path, exactly what Keycloak's own error handler answers.
 */
final class CallerFaultResponses {

    private static final Pattern API_PATH = Pattern.compile("^.*?/realms/[^/]+/" + FintechResourceProviderFactory.PROVIDER_ID + "/(.+)$");

    private CallerFaultResponses() {
    }

    static Response of(Throwable failure) {
        KeycloakSession session = KeycloakSessionUtil.getKeycloakSession();
        Optional<CallerFault> fault = CallerFault.of(failure);
        if (fault.isPresent() && session != null && session.getContext().getRealm() != null) {
            Matcher path = API_PATH.matcher(session.getContext().getUri().getRequestUri().getRawPath());
            Optional<Object> endpoint = path.matches() ? new FintechResource(session).endpointAt(path.group(1)) : Optional.empty();
            if (endpoint.isPresent() && endpoint.get() instanceof CallerFaultAnswer answer) {
                return answer.answerFault(fault.get(), !CallerFault.afterTheEndpoint(failure));
            }
        }
        return KeycloakErrorHandler.getResponse(session, failure);
    }
}
