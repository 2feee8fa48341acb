package com.fintechlogin.keycloak.api.manage;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fintechlogin.keycloak.api.http.Parsed;
import com.fintechlogin.keycloak.device.DeviceCredentialModel;
import com.fintechlogin.keycloak.device.DeviceCredentialProvider;
import com.fintechlogin.keycloak.login.LoginEvents;

import jakarta.ws.rs.core.Response;

import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * {@code POST /onboarding/user/v1/device}: the signed-in user registers a device for device login, or
 * re-registers it to update its SIM binding flag. Re-registering replaces the device's credential, so its
 * credential id changes.
 */
public final class RegisterDeviceEndpoint extends UserCredentialEndpoint {

    static final String REGISTERED_MESSAGE = "Device registered successfully";

    public RegisterDeviceEndpoint(KeycloakSession session) {
        super(session);
    }

    @Override
    protected String apiName() {
        return "register-device";
    }

    @Override
    protected String credentialType() {
        return DeviceCredentialModel.TYPE;
    }

    @Override
    protected Response apply(RealmModel realm, UserModel user, ObjectNode body, EventBuilder event) {
        Parsed<DeviceRegistrationRequest, ManageFailure> parsed = DeviceRegistrationRequest.parse(body);
        if (parsed instanceof Parsed.Invalid<DeviceRegistrationRequest, ManageFailure> invalid) {
            return refuse(event, invalid.problem());
        }
        DeviceRegistrationRequest request = ((Parsed.Valid<DeviceRegistrationRequest, ManageFailure>) parsed).value();
        DeviceCredentialModel device;
        try {
            device = new DeviceCredentialProvider(session).register(realm, user, request.deviceId(), request.simBindingEnabled());
        } catch (ModelDuplicateException sameLabelIgnoringCase) {
            // Keycloak refuses two credentials of one type whose labels differ only in case or surrounding spaces,
            // and a device's label is its id: "abc" and "ABC" cannot both be registered to one user. Rolled back
            // so that nothing register() did before it failed is kept.
            session.getTransactionManager().setRollbackOnly();
            return refuse(event, ManageFailure.DEVICE_CONFLICT);
        }
        event.detail(Details.CREDENTIAL_ID, device.getId()).detail(LoginEvents.CHANGE, LoginEvents.DEVICE_ADDED).success();
        return ManageAnswers.success(registered(device.deviceId(), device.simBindingEnabled()));
    }

    static Map<String, Object> registered(String deviceId, boolean simBindingEnabled) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("msg", REGISTERED_MESSAGE);
        data.put("deviceId", deviceId);
        data.put("simBindingEnabled", simBindingEnabled);
        return data;
    }
}
