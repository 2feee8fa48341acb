package com.fintechlogin.keycloak.api.emailpassword;

import java.util.Map;

import com.fintechlogin.keycloak.api.http.ApiEndpoint;
import com.fintechlogin.keycloak.login.FailureReason;
import com.fintechlogin.keycloak.login.FlowInputs;
import com.fintechlogin.keycloak.login.LoginOutcome;
import com.fintechlogin.keycloak.login.LoginService;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.keycloak.common.util.Time;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Email/password login, {@code POST /user/login}: email and password for a token and the user's API key. */
public final class EmailPasswordEndpoint extends ApiEndpoint {

    public EmailPasswordEndpoint(KeycloakSession session) {
        super(session, "user-login");
    }

    @Override
    protected Response login(HttpHeaders headers, byte[] body, EventBuilder event) {
        EmailPasswordRequest request = EmailPasswordRequest.parse(body);
        if (request == null) {
            return refuse(event, FailureReason.MALFORMED_REQUEST);
        }
        RealmModel realm = session.getContext().getRealm();
        String clientId = EmailPasswordSettings.of(realm).clientId();
        ClientModel client = configuredClient(realm, clientId, "/user/login", EmailPasswordSettings.CLIENT_ID_ATTRIBUTE);
        if (client == null) {
            return refuse(event, FailureReason.NOT_CONFIGURED);
        }

        LoginOutcome outcome = new LoginService(session).login(client,
                Map.of(FlowInputs.IDENTIFIER, request.emailId(), FlowInputs.PASSWORD, request.password()), event);
        if (outcome instanceof LoginOutcome.Success success) {
            String apiKey = ApiKeys.ensure(session, realm, success.user());
            long expiresIn = Math.max(0, success.expiresAt() - Time.currentTime());
            return EmailPasswordAnswers.success(success.accessToken(), apiKey, success.user().getEmail(), expiresIn);
        }
        return answer(((LoginOutcome.Failure) outcome).reason(), null);
    }

    @Override
    protected Response answer(FailureReason reason, String field) {
        return EmailPasswordAnswers.failure(reason);
    }
}
