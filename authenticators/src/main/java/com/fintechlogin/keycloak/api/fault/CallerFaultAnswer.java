package com.fintechlogin.keycloak.api.fault;

import jakarta.ws.rs.core.Response;

/** An endpoint that answers a {@link CallerFault} in its own envelope, as if it had found the fault itself. */
public interface CallerFaultAnswer {

    /**
     * The endpoint's answer to {@code fault}; with {@code record}, also the event the endpoint records for a request
     * it refuses (without, when the endpoint has run and recorded one already).
     */
    Response answerFault(CallerFault fault, boolean record);
}
