package com.fintechlogin.keycloak.identify;

import com.fintechlogin.keycloak.app.ClientSecrets;
import com.fintechlogin.keycloak.login.AuthenticationLevel;
import com.fintechlogin.keycloak.login.FailureReason;
import com.fintechlogin.keycloak.login.LoginFailures;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.events.Details;
import org.keycloak.models.UserModel;

/** What every step that finds the user (the direct-grant steps and the browser page) does around its own lookup. */
final class FoundUser {

    private FoundUser() {
    }

    /**
     * Refuses, before any lookup, a login by a client whose vault-held secret is missing (see {@link ClientSecrets}):
     * the token endpoint let it in on the reference's own text. Whether it refused.
     */
    static boolean refusedClient(AuthenticationFlowContext context) {
        if (ClientSecrets.missingVaultEntry(context)) {
            LoginFailures.fail(context, FailureReason.NOT_CONFIGURED);
            return true;
        }
        return false;
    }

    /** The identifier as given: the event's user name, and the name Keycloak's brute-force detector counts failures by. */
    static void attempted(AuthenticationFlowContext context, String identifier) {
        context.getEvent().detail(Details.USERNAME, identifier);
        context.getAuthenticationSession().setAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME, identifier);
    }

    /** A user found but refused (disabled, locked): the event names the user. */
    static void refused(AuthenticationFlowContext context, UserModel user, FailureReason reason) {
        context.getEvent().user(user);
        LoginFailures.fail(context, reason);
    }

    /** The one user found goes on to the credential steps. */
    static void accepted(AuthenticationFlowContext context, UserModel user) {
        context.setUser(user);
        // Finding the user proves nothing: until a credential step raises it, this login is the app's word.
        AuthenticationLevel.started(context);
        context.success();
    }
}
