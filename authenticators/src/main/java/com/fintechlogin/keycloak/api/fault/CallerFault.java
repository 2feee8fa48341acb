package com.fintechlogin.keycloak.api.fault;

import java.util.Optional;

import jakarta.ws.rs.WebApplicationException;

/**
 * A request Keycloak's HTTP layer failed on before (or after) an endpoint of the project ran, through the caller's
 * fault: a form or multipart body it could not decode, a form field over its size limit, a Content-Type it could
 * not parse. Keycloak itself would answer these with its generic HTTP 500 and an ERROR log with a stack trace.
 */
public enum CallerFault {

    MALFORMED_BODY,
    BODY_TOO_LARGE,
    UNPARSEABLE_CONTENT_TYPE;

    private static final String FORM_PARSERS = "org.jboss.resteasy.reactive.server.core.multipart.";
    private static final String MEDIA_TYPE_PARSER = "org.jboss.resteasy.reactive.common.headers.MediaTypeHeaderDelegate";
    private static final String RESPONSE_FILTERS = "org.jboss.resteasy.reactive.server.handlers.ResourceResponseFilterHandler";

    /**
     * The caller's fault behind {@code failure}, told by where it was thrown (the form parsers, the media-type
     * parser); empty for anything else, which stays the server's error.
     */
    public static Optional<CallerFault> of(Throwable failure) {
        for (StackTraceElement frame : failure.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith(FORM_PARSERS)) {
                boolean tooLarge = failure instanceof WebApplicationException rejected && rejected.getResponse().getStatus() == 413;
                return Optional.of(tooLarge ? BODY_TOO_LARGE : MALFORMED_BODY);
            }
            if (type.equals(MEDIA_TYPE_PARSER)) {
                return Optional.of(UNPARSEABLE_CONTENT_TYPE);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the failure came from a response filter: the endpoint has run and recorded its event already (Keycloak's
     * security-headers filter reads the request's Content-Type after the endpoint answered).
     */
    public static boolean afterTheEndpoint(Throwable failure) {
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getClassName().equals(RESPONSE_FILTERS)) {
                return true;
            }
        }
        return false;
    }
}
