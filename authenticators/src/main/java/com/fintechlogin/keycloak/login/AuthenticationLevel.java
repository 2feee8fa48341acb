package com.fintechlogin.keycloak.login;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.Constants;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * How much a login proved about the user, as a Keycloak level of authentication (LoA). Steps record the level
 * they reached in the auth note Keycloak copies to the client session, where Keycloak's {@code acr} mapper turns
 * it into the token's {@code acr} claim through the realm's (or client's) ACR-to-LoA map, and where the
 * credential-management endpoints read it back. So a resource server and this project judge a token by the same
 * number, and admins name the levels with Keycloak's own setting.
 */
public enum AuthenticationLevel {

    /** The app vouched for the user (mobile sign-in); the user proved nothing. Keycloak's SSO level, 0. */
    APP_VOUCHED(0),
    /** The user proved something they know: a password, or a PIN typed without a registered device. */
    PASSWORD(1),
    /** A PIN on a device registered to the user, or that device's own proof. */
    PIN_ON_DEVICE(2);

    /** Client note set by a step that checked the user's password: only such a login may reset a forgotten PIN. */
    static final String PASSWORD_PROVED_NOTE = "fintech.password-proved";

    private final int loa;

    AuthenticationLevel(int loa) {
        this.loa = loa;
    }

    public int loa() {
        return loa;
    }

    /** Raises the login under way to at least this level; never lowers what an earlier step reached. */
    public void reach(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String current = authSession.getAuthNote(Constants.LEVEL_OF_AUTHENTICATION);
        if (current == null || parse(current) < loa) {
            authSession.setAuthNote(Constants.LEVEL_OF_AUTHENTICATION, Integer.toString(loa));
        }
    }

    /**
     * Starts a login's record once its user is found: the app's word only, no password checked. Written, not just
     * left unset, because Keycloak reuses a client session for a new login of the same client in one user session
     * (a browser re-login) and only adds notes: without this, an earlier login's password proof would carry over.
     */
    public static void started(AuthenticationFlowContext context) {
        APP_VOUCHED.reach(context);
        context.getAuthenticationSession().setClientNote(PASSWORD_PROVED_NOTE, "false");
    }

    /** Records that this login checked the user's password. */
    public static void passwordProved(AuthenticationFlowContext context) {
        context.getAuthenticationSession().setClientNote(PASSWORD_PROVED_NOTE, "true");
    }

    /**
     * The level a step of this project (or Keycloak's level-of-authentication condition) recorded for the login behind
     * this client session; {@link Constants#NO_LOA} when none did. Stricter than Keycloak's {@code acr} mapper, which
     * writes 1 for a login with no recorded level: such a login — a flow of Keycloak's own steps only, an impersonation,
     * a token exchange — may have checked no credential at all, and credential changes must not take it on trust.
     */
    public static int recordedLoa(AuthenticatedClientSessionModel clientSession) {
        return parse(clientSession.getNote(Constants.LEVEL_OF_AUTHENTICATION));
    }

    /** Whether the login behind this client session checked the user's password. */
    public static boolean passwordProved(AuthenticatedClientSessionModel clientSession) {
        return "true".equals(clientSession.getNote(PASSWORD_PROVED_NOTE));
    }

    private static int parse(String note) {
        if (note == null) {
            return Constants.NO_LOA;
        }
        try {
            return Integer.parseInt(note);
        } catch (NumberFormatException notALevel) {
            return Constants.NO_LOA;
        }
    }
}
