package com.fintechlogin.keycloak.api.mobilesignin;

import java.util.Map;

import com.fintechlogin.keycloak.api.http.ApiEndpoint;
import com.fintechlogin.keycloak.api.http.AppHeaders;
import com.fintechlogin.keycloak.api.http.ConstantTime;
import com.fintechlogin.keycloak.api.http.Headers;
import com.fintechlogin.keycloak.app.AppTokenVerifier;
import com.fintechlogin.keycloak.identify.MobileIdentifierStepFactory;
import com.fintechlogin.keycloak.json.Parsed;
import com.fintechlogin.keycloak.login.FailureReason;
import com.fintechlogin.keycloak.login.FlowInputs;
import com.fintechlogin.keycloak.login.LoginOutcome;
import com.fintechlogin.keycloak.login.LoginService;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.keycloak.events.EventBuilder;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Mobile sign-in, {@code POST /lending/v1/token}: an app vouches for a user by mobile number with its own app token,
 * and gets a token for that user. Only apps whose direct-grant flow has the mobile identifier step may.
 */
public final class MobileSignInEndpoint extends ApiEndpoint {

    public MobileSignInEndpoint(KeycloakSession session) {
        super(session, "lending-token");
    }

    @Override
    protected Response login(HttpHeaders headers, byte[] body, EventBuilder event) {
        String clientId = Headers.value(headers, AppHeaders.API_KEY, AppHeaders.MAX_CLIENT_ID_LENGTH);
        if (clientId == null) {
            return refuse(event, FailureReason.MALFORMED_REQUEST, AppHeaders.API_KEY);
        }
        event.client(clientId);
        String appToken = AppTokenVerifier.stripBearer(
                Headers.value(headers, AppHeaders.API_TOKEN, AppTokenVerifier.MAX_TOKEN_LENGTH + 16));
        if (appToken == null) {
            return refuse(event, FailureReason.MALFORMED_REQUEST, AppHeaders.API_TOKEN);
        }
        Parsed<MobileSignInRequest, String> parsed = MobileSignInRequest.parse(body);
        if (parsed instanceof Parsed.Invalid<MobileSignInRequest, String> invalid) {
            return refuse(event, FailureReason.MALFORMED_REQUEST, invalid.problem());
        }
        MobileSignInRequest request = ((Parsed.Valid<MobileSignInRequest, String>) parsed).value();
        if (!ConstantTime.equal(request.token(), appToken)) {
            return refuse(event, FailureReason.MALFORMED_REQUEST, MobileSignInRequest.TOKEN);
        }

        RealmModel realm = session.getContext().getRealm();
        ClientModel client = enabledClient(realm, clientId);
        FailureReason refused = appRefusal(realm, client, appToken, MobileIdentifierStepFactory.PROVIDER_ID,
                "the mobile sign-in API");
        if (refused != null) {
            return refuse(event, refused);
        }

        LoginOutcome outcome = new LoginService(session).login(client, Map.of(FlowInputs.IDENTIFIER, request.mobile()), event);
        if (outcome instanceof LoginOutcome.Success success) {
            return MobileSignInAnswers.success(success.accessToken(), success.expiresAt() * 1000);
        }
        return answer(((LoginOutcome.Failure) outcome).reason(), null);
    }

    @Override
    protected Response answer(FailureReason reason, String field) {
        return MobileSignInAnswers.failure(reason, field);
    }
}
