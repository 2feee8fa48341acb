package com.fintechlogin.keycloak.login;

import org.keycloak.models.UserModel;

/** What {@link LoginService} reports: tokens for a user, or the reason there are none. */
public sealed interface LoginOutcome {

    /**
     * @param accessToken the encoded access token
     * @param expiresAt   the token's own {@code exp}, in epoch seconds
     */
    record Success(UserModel user, String accessToken, long expiresAt) implements LoginOutcome {
    }

    record Failure(FailureReason reason) implements LoginOutcome {
    }
}
