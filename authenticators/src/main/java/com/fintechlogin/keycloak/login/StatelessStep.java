package com.fintechlogin.keycloak.login;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * An authenticator of this project: stateless (one shared instance), counted as configured for every user so that
 * it can say "not set" itself rather than be passed over, and never setting anything up for the user.
 */
public abstract class StatelessStep implements Authenticator {

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        // Credentials are set up by required actions of their own (Set PIN, Keycloak's), never by a login step.
    }

    @Override
    public void close() {
        // Stateless.
    }
}
