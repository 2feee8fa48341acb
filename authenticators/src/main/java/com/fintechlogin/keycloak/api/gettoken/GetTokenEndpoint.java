package com.fintechlogin.keycloak.api.gettoken;

import com.fintechlogin.keycloak.api.http.ApiEndpoint;
import com.fintechlogin.keycloak.api.http.AppHeaders;
import com.fintechlogin.keycloak.api.http.Headers;
import com.fintechlogin.keycloak.app.ClientSecrets;
import com.fintechlogin.keycloak.login.FailureReason;
import com.fintechlogin.keycloak.login.LoginOutcome;
import com.fintechlogin.keycloak.login.LoginService;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.authenticators.client.ClientIdAndSecretAuthenticator;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;

/**
 * The Get Token API, {@code POST /market-place/v1/token}: an app's client id and secret in headers for a
 * client-credentials token of that app (its "app token"). The body, if any, is ignored.
 */
public final class GetTokenEndpoint extends ApiEndpoint {

    public GetTokenEndpoint(KeycloakSession session) {
        super(session, "get-token");
    }

    @Override
    protected EventType eventType() {
        return EventType.CLIENT_LOGIN;
    }

    /** The body is ignored, so its media type is never refused. */
    @Override
    protected boolean readsBody() {
        return false;
    }

    @Override
    protected Response login(HttpHeaders headers, byte[] body, EventBuilder event) {
        String clientId = Headers.value(headers, AppHeaders.API_KEY, AppHeaders.MAX_CLIENT_ID_LENGTH);
        String secret = Headers.value(headers, AppHeaders.API_SECRET, AppHeaders.MAX_SECRET_LENGTH);
        if (clientId == null || secret == null) {
            return refuse(event, FailureReason.MALFORMED_REQUEST, clientId == null ? AppHeaders.API_KEY : AppHeaders.API_SECRET);
        }
        event.detail(Details.CLIENT_AUTH_METHOD, ClientIdAndSecretAuthenticator.PROVIDER_ID);
        ClientModel client = ClientSecrets.authenticate(session, session.getContext().getRealm(), clientId, secret);
        if (client == null) {
            event.client(clientId);
            return refuse(event, FailureReason.CLIENT_REFUSED);
        }
        LoginOutcome outcome = new LoginService(session).serviceAccountLogin(client, event);
        if (outcome instanceof LoginOutcome.Success success) {
            return GetTokenAnswers.success(success.accessToken(), success.expiresAt() * 1000);
        }
        return answer(((LoginOutcome.Failure) outcome).reason(), null);
    }

    @Override
    protected Response answer(FailureReason reason, String field) {
        return GetTokenAnswers.failure(reason);
    }
}
