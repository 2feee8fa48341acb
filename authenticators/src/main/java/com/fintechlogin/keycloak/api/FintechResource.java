package com.fintechlogin.keycloak.api;

import com.fintechlogin.keycloak.api.lending.LendingTokenEndpoint;
import com.fintechlogin.keycloak.api.marketplace.GetTokenEndpoint;
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

    /** The Get Token API that seeds 000 and 001 refer to: an app's own token. */
    @Path("market-place/v1/token")
    public GetTokenEndpoint getToken() {
        return new GetTokenEndpoint(session);
    }

    /** Seed 000: mobile sign-in on the calling app's word. */
    @Path("lending/v1/token")
    public LendingTokenEndpoint lendingToken() {
        return new LendingTokenEndpoint(session);
    }

    /** Seed 004: email/password login. */
    @Path("user/login")
    public UserLoginEndpoint userLogin() {
        return new UserLoginEndpoint(session);
    }
}
