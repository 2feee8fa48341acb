package com.fintechlogin.realmtool;

import jakarta.ws.rs.core.Response;

/** The admin API's answers that come back as a {@link Response} rather than as an exception. */
final class AdminCalls {

    private AdminCalls() {
    }

    /** Closes {@code response}; an answer other than 2xx stops the merge with what Keycloak said. */
    static void expectCreated(Response response, String what) {
        try (response) {
            if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
                String body = response.hasEntity() ? response.readEntity(String.class) : "";
                throw new MergeFailure(what + ": HTTP " + response.getStatus() + (body.isBlank() ? "" : " " + body.strip()));
            }
        }
    }
}
