package com.fintechlogin.keycloak.login;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A stateless step of a direct-grant flow: all its work happens in {@link #authenticate}, it shows no form
 * and sets up nothing for the user.
 */
public abstract class DirectGrantStep implements Authenticator {

    @Override
    public void action(AuthenticationFlowContext context) {
        // No form, so nothing is ever posted back.
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        // An API login cannot run a required action.
    }

    @Override
    public void close() {
        // Stateless.
    }
}
