package com.fintechlogin.keycloak.api;

import com.fintechlogin.keycloak.api.userlogin.UserLoginEndpoint;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.Provider;

import org.keycloak.models.KeycloakSession;

/** {@code /realms/{realm}/fintech}: the documented paths, so that a client changes only its base URL. */
@Provider
public final class FintechResource {

    private final KeycloakSession session;

    public FintechResource(KeycloakSession session) {
        this.session = session;
    }

    /** Seed 004: email/password login. */
    @Path("user/login")
    public UserLoginEndpoint userLogin() {
        return new UserLoginEndpoint(session);
    }
}
