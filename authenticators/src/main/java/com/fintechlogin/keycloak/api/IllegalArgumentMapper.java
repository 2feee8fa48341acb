package com.fintechlogin.keycloak.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** {@link CallerFaultResponses} for {@code IllegalArgumentException}s; every other one gets Keycloak's own handling. */
@Provider
public final class IllegalArgumentMapper implements ExceptionMapper<IllegalArgumentException> {

    @Override
    public Response toResponse(IllegalArgumentException failure) {
        return CallerFaultResponses.of(failure);
    }
}
