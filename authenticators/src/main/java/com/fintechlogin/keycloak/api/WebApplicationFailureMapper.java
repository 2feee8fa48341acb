package com.fintechlogin.keycloak.api;

import jakarta.ws.rs.WebApplicationException;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** {@link CallerFaultResponses} for {@code WebApplicationException}s; every other one gets Keycloak's own handling. */
@Provider
public final class WebApplicationFailureMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException failure) {
        return CallerFaultResponses.of(failure);
    }
}
