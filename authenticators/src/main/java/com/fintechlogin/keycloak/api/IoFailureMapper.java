package com.fintechlogin.keycloak.api;

import java.io.IOException;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** {@link CallerFaultResponses} for {@code IOException}s; every other one gets Keycloak's own handling. */
@Provider
public final class IoFailureMapper implements ExceptionMapper<IOException> {

    @Override
    public Response toResponse(IOException failure) {
        return CallerFaultResponses.of(failure);
    }
}
