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

    /** The identifier as typed, for the identifier page to show again ({@link IdentifierForm}). */
    static final String TYPED_IDENTIFIER = "fintech.identifier";

    /**
     * The identifier as given: the event's user name, and the identifier page's prefill. Not yet Keycloak's attempted
     * user name: Keycloak charges a failed flow to the user it finds by that name ({@code findUserByNameOrEmail}), so
     * an identifier that finds no one here (an unknown email, mobile or account number) would be charged to whichever
     * user's user name it happens to be; and a name left from an earlier try of the same browser login would be charged
     * for this one. It is set only once this step found the user ({@link #accepted}).
     */
    static void attempted(AuthenticationFlowContext context, String identifier) {
        context.getEvent().detail(Details.USERNAME, identifier);
        context.getAuthenticationSession().setAuthNote(TYPED_IDENTIFIER, identifier);
        context.getAuthenticationSession().removeAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME);
    }

    /** A user found but refused (disabled, locked): the event names the user. */
    static void refused(AuthenticationFlowContext context, UserModel user, FailureReason reason) {
        context.getEvent().user(user);
        LoginFailures.fail(context, reason);
    }

    /** The one user found goes on to the credential steps. */
    static void accepted(AuthenticationFlowContext context, UserModel user) {
        // What the next pages show as the user signing in (Keycloak's "attempted username"); the flow's user is set
        // too, which Keycloak's failure count goes by first, so the name never picks another user.
        String typed = context.getAuthenticationSession().getAuthNote(TYPED_IDENTIFIER);
        context.getAuthenticationSession().setAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME,
                typed != null ? typed : user.getUsername());
        context.setUser(user);
        // Finding the user proves nothing: until a credential step raises it, this login is the app's word.
        AuthenticationLevel.started(context);
        context.success();
    }
}
