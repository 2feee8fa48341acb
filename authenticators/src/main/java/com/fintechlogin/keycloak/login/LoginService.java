package com.fintechlogin.keycloak.login;

import java.util.Map;

import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.AuthenticationFlowException;
import org.keycloak.models.utils.AuthenticationFlowResolver;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.services.managers.UserSessionManager;
import org.keycloak.common.constants.ServiceAccountConstants;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;

/**
 * Runs a client's direct-grant flow for one API request and issues the tokens, the way Keycloak's own
 * password grant does. The only place in the project where tokens are made.
 */
public final class LoginService {

    /** Tokens must work at the userinfo endpoint, which needs the {@code openid} scope. */
    private static final String SCOPE = OAuth2Constants.SCOPE_OPENID;
    /** Recorded on the client session; it must be a grant type Keycloak knows to encode the token. */
    private static final String GRANT_TYPE = OAuth2Constants.PASSWORD;

    private final KeycloakSession session;

    public LoginService(KeycloakSession session) {
        this.session = session;
    }

    /**
     * Authenticates with the client's direct-grant flow, handing it {@code inputs} (see {@link FlowInputs}).
     * {@code event} is a {@code LOGIN} event of the realm; it ends as success or error either way.
     */
    public LoginOutcome login(ClientModel client, Map<String, String> inputs, EventBuilder event) {
        RealmModel realm = session.getContext().getRealm();
        session.getContext().setClient(client);
        event.client(client);
        FlowInputs.hand(session, inputs);

        AuthenticationSessionManager authSessions = new AuthenticationSessionManager(session);
        RootAuthenticationSessionModel root = authSessions.createAuthenticationSession(realm, false);
        AuthenticationSessionModel authSession = root.createAuthenticationSession(client);
        authSession.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        authSession.setAction(AuthenticatedClientSessionModel.Action.AUTHENTICATE.name());
        authSession.setClientNote(OIDCLoginProtocol.ISSUER,
                Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName()));
        authSession.setClientNote(OIDCLoginProtocol.SCOPE_PARAM, SCOPE);

        AuthenticationProcessor processor = new AuthenticationProcessor()
                .setAuthenticationSession(authSession)
                .setFlowId(AuthenticationFlowResolver.resolveDirectGrantFlow(authSession).getId())
                .setFlowPath("token")
                .setConnection(session.getContext().getConnection())
                .setEventBuilder(event)
                .setRealm(realm)
                .setSession(session)
                .setUriInfo(session.getContext().getUri())
                .setRequest(session.getContext().getHttpRequest());

        FailureReason failure = authenticate(processor, authSession, event);
        if (failure == null && hasPendingRequiredActions(processor, authSession)) {
            failure = recordFailure(event, FailureReason.ACCOUNT_NOT_SET_UP);
        }
        if (failure != null) {
            authSessions.removeAuthenticationSession(realm, authSession, false);
            // The login's outcome, whichever step or check decided it: counted once for the request.
            CallerBudgetGate.failed(session, failure);
            return new LoginOutcome.Failure(failure);
        }
        return issueTokens(realm, client, processor, authSession, event);
    }

    /**
     * A client-credentials login of {@code client}'s service account, as Keycloak's own grant makes it; the
     * client must already be authenticated. No refresh token, so the session is transient, as Keycloak does.
     */
    public LoginOutcome serviceAccountLogin(ClientModel client, EventBuilder event) {
        RealmModel realm = session.getContext().getRealm();
        session.getContext().setClient(client);
        event.client(client);
        UserModel serviceAccount = client.isServiceAccountsEnabled() ? session.users().getServiceAccount(client) : null;
        if (serviceAccount == null || !serviceAccount.isEnabled()) {
            CallerBudgetGate.failed(session, FailureReason.CLIENT_REFUSED);
            return new LoginOutcome.Failure(recordFailure(event, FailureReason.CLIENT_REFUSED));
        }
        event.user(serviceAccount).detail(Details.USERNAME, serviceAccount.getUsername());

        RootAuthenticationSessionModel root = new AuthenticationSessionManager(session).createAuthenticationSession(realm, false);
        AuthenticationSessionModel authSession = root.createAuthenticationSession(client);
        authSession.setAuthenticatedUser(serviceAccount);
        authSession.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        authSession.setClientNote(OIDCLoginProtocol.ISSUER,
                Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName()));
        authSession.setClientNote(OIDCLoginProtocol.SCOPE_PARAM, SCOPE);

        UserSessionModel userSession = new UserSessionManager(session).createUserSession(root.getId(), realm,
                serviceAccount, serviceAccount.getUsername(), session.getContext().getConnection().getRemoteHost(),
                ServiceAccountConstants.CLIENT_AUTH, false, null, null, UserSessionModel.SessionPersistenceState.TRANSIENT);
        event.session(userSession);
        AuthenticationManager.setClientScopesInSession(session, authSession);
        ClientSessionContext clientSessionContext = TokenManager.attachAuthenticationSession(session, userSession, authSession);
        clientSessionContext.setAttribute(Constants.GRANT_TYPE, OAuth2Constants.CLIENT_CREDENTIALS);
        userSession.setNote(ServiceAccountConstants.CLIENT_ID, client.getClientId());
        userSession.setNote(ServiceAccountConstants.CLIENT_HOST, session.getContext().getConnection().getRemoteHost());
        userSession.setNote(ServiceAccountConstants.CLIENT_ADDRESS, session.getContext().getConnection().getRemoteAddr());

        return issue(realm, client, serviceAccount, userSession, clientSessionContext, event);
    }

    private static FailureReason authenticate(AuthenticationProcessor processor, AuthenticationSessionModel authSession,
                                              EventBuilder event) {
        try {
            if (processor.authenticateOnly() == null) {
                return null;
            }
            FailureReason recorded = LoginFailures.recorded(authSession);
            // A step of another provider answered with a challenge of its own; it has logged its event.
            return recorded != null ? recorded : FailureReason.LOGIN_FAILED;
        } catch (AuthenticationFlowException flowFailure) {
            FailureReason recorded = LoginFailures.recorded(authSession);
            return recorded != null ? recorded : recordFailure(event, reasonOf(flowFailure));
        }
    }

    private static FailureReason reasonOf(AuthenticationFlowException flowFailure) {
        return switch (flowFailure.getError()) {
            case USER_DISABLED -> FailureReason.USER_DISABLED;
            case USER_TEMPORARILY_DISABLED -> FailureReason.USER_LOCKED;
            case UNKNOWN_USER, INVALID_USER -> FailureReason.UNKNOWN_USER;
            case INVALID_CREDENTIALS -> FailureReason.INVALID_CREDENTIALS;
            default -> FailureReason.LOGIN_FAILED;
        };
    }

    private static FailureReason recordFailure(EventBuilder event, FailureReason reason) {
        event.detail(LoginEvents.REASON, reason.detail()).error(reason.eventError());
        return reason;
    }

    private static boolean hasPendingRequiredActions(AuthenticationProcessor processor,
                                                     AuthenticationSessionModel authSession) {
        processor.evaluateRequiredActionTriggers();
        UserModel user = authSession.getAuthenticatedUser();
        return user.getRequiredActionsStream().findAny().isPresent() || !authSession.getRequiredActions().isEmpty();
    }

    private LoginOutcome issueTokens(RealmModel realm, ClientModel client, AuthenticationProcessor processor,
                                     AuthenticationSessionModel authSession, EventBuilder event) {
        AuthenticationManager.setClientScopesInSession(session, authSession);
        ClientSessionContext clientSessionContext = processor.attachSession();
        clientSessionContext.setAttribute(Constants.GRANT_TYPE, GRANT_TYPE);
        UserSessionModel userSession = processor.getUserSession();
        LoginOutcome outcome = issue(realm, client, userSession.getUser(), userSession, clientSessionContext, event);
        AuthenticationManager.logSuccess(session, authSession);
        return outcome;
    }

    private LoginOutcome issue(RealmModel realm, ClientModel client, UserModel user, UserSessionModel userSession,
                               ClientSessionContext clientSessionContext, EventBuilder event) {
        TokenManager.AccessTokenResponseBuilder tokens = new TokenManager()
                .responseBuilder(realm, client, event, session, userSession, clientSessionContext)
                .generateAccessToken();
        String accessToken = tokens.build().getToken();
        long expiresAt = tokens.getAccessToken().getExp();
        event.user(user).success();
        CallerBudgetGate.succeeded(session);
        return new LoginOutcome.Success(user, accessToken, expiresAt);
    }
}
