package com.fintechlogin.keycloak.api.pindevice;

import java.util.HashMap;
import java.util.Map;

import com.fintechlogin.keycloak.api.http.ApiEndpoint;
import com.fintechlogin.keycloak.api.http.AppHeaders;
import com.fintechlogin.keycloak.api.http.Headers;
import com.fintechlogin.keycloak.app.AppTokenVerifier;
import com.fintechlogin.keycloak.device.DeviceCredentialModel;
import com.fintechlogin.keycloak.device.DeviceCredentialProvider;
import com.fintechlogin.keycloak.device.MatchedDevice;
import com.fintechlogin.keycloak.identify.AccountNumberIdentifierStepFactory;
import com.fintechlogin.keycloak.identify.AccountNumbers;
import com.fintechlogin.keycloak.json.Parsed;
import com.fintechlogin.keycloak.login.FailureReason;
import com.fintechlogin.keycloak.login.FlowInputs;
import com.fintechlogin.keycloak.login.LoginOutcome;
import com.fintechlogin.keycloak.login.LoginService;
import com.fintechlogin.keycloak.pin.PinSettings;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.keycloak.events.EventBuilder;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * PIN/device login, {@code POST /onboarding/user/v2/login}: an app presents its app token and a user's account
 * number, and the user proves themselves with a PIN (mode 1) or their registered device's encrypted id (mode 2).
 */
public final class PinDeviceLoginEndpoint extends ApiEndpoint {

    static final String ACCOUNT_NUMBER_HEADER = "X-ACCOUNT-NUMBER";

    public PinDeviceLoginEndpoint(KeycloakSession session) {
        super(session, "onboarding-login");
    }

    @Override
    protected Response login(HttpHeaders headers, byte[] body, EventBuilder event) {
        RealmModel realm = session.getContext().getRealm();
        String clientId = Headers.value(headers, AppHeaders.API_KEY, AppHeaders.MAX_CLIENT_ID_LENGTH);
        String appToken = AppTokenVerifier.stripBearer(
                Headers.value(headers, AppHeaders.API_TOKEN, AppTokenVerifier.MAX_TOKEN_LENGTH + 16));
        String accountNumber = AccountNumbers.normalize(Headers.value(headers, ACCOUNT_NUMBER_HEADER, 64));
        if (clientId != null) {
            event.client(clientId);
        }
        if (clientId == null || appToken == null || accountNumber == null) {
            return refuse(event, FailureReason.MALFORMED_REQUEST, PinDeviceLoginRequest.HEADERS);
        }
        Parsed<PinDeviceLoginRequest, String> parsed = PinDeviceLoginRequest.parse(body, PinSettings.of(realm).length(), appToken);
        if (parsed instanceof Parsed.Invalid<PinDeviceLoginRequest, String> invalid) {
            return refuse(event, FailureReason.MALFORMED_REQUEST, invalid.problem());
        }
        PinDeviceLoginRequest request = ((Parsed.Valid<PinDeviceLoginRequest, String>) parsed).value();

        ClientModel client = enabledClient(realm, clientId);
        FailureReason refused = appRefusal(realm, client, appToken, AccountNumberIdentifierStepFactory.PROVIDER_ID,
                "the PIN/device login API");
        if (refused != null) {
            return refuse(event, refused);
        }

        Map<String, String> inputs = new HashMap<>();
        inputs.put(FlowInputs.IDENTIFIER, accountNumber);
        inputs.put(FlowInputs.SIGN_IN_MODE, request.mode().value());
        inputs.put(FlowInputs.PIN, request.pin());
        inputs.put(FlowInputs.DEVICE_ID, request.deviceId());
        if (request.timestamp() != null) {
            inputs.put(FlowInputs.TIMESTAMP, request.timestamp());
        }
        if (request.keyRef() != null && !request.keyRef().isEmpty()) {
            inputs.put(FlowInputs.KEY_REF, request.keyRef());
        }
        LoginOutcome outcome = new LoginService(session).login(client, inputs, event);
        if (outcome instanceof LoginOutcome.Success success) {
            // The step that checked the device knows it; only a PIN step that asks for no device leaves it to be found.
            boolean simBinding = MatchedDevice.simBinding(session).orElseGet(() ->
                    new DeviceCredentialProvider(session).find(session.getContext().getRealm(), success.user(), request.deviceId())
                            .map(DeviceCredentialModel::simBindingEnabled)
                            .orElse(false));
            return PinDeviceAnswers.loginSuccess(PinDeviceLoginRequest.successMessage(request.mode()), success.accessToken(),
                    success.expiresAt() * 1000, simBinding);
        }
        return answer(((LoginOutcome.Failure) outcome).reason(), null);
    }

    @Override
    protected Response answer(FailureReason reason, String field) {
        return PinDeviceAnswers.failure(reason, field);
    }
}
