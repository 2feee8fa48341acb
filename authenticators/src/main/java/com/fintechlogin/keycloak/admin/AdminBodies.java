package com.fintechlogin.keycloak.admin;

import java.io.IOException;

import com.fintechlogin.keycloak.api.http.RequestBodies;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.ErrorResponse;

/**
 * The JSON body of an admin request, read from the request context and bounded as the public APIs read theirs, so
 * that an oversized body is refused before it is held in memory; a body that cannot be had is Keycloak's own error
 * answer ({@code errorMessage}).
 */
final class AdminBodies {

    private AdminBodies() {
    }

    static byte[] json(KeycloakSession session, ServerRequestContext request) {
        HttpHeaders headers = session.getContext().getRequestHeaders();
        if (!RequestBodies.mayCarryJson(headers.getHeaderString(HttpHeaders.CONTENT_TYPE))) {
            throw ErrorResponse.error("The body must be JSON", Response.Status.UNSUPPORTED_MEDIA_TYPE);
        }
        byte[] body;
        try {
            body = RequestBodies.readBounded(request.getInputStream());
        } catch (IOException unreadable) {
            throw ErrorResponse.error("The body could not be read", Response.Status.BAD_REQUEST);
        }
        if (body == null) {
            throw ErrorResponse.error("The body is too large", Response.Status.REQUEST_ENTITY_TOO_LARGE);
        }
        return body;
    }
}
