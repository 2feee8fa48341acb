package com.fintechlogin.keycloak.api.manage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fintechlogin.keycloak.device.DeviceCredentialModel;
import com.fintechlogin.keycloak.device.DeviceCredentialProvider;
import com.fintechlogin.keycloak.device.DeviceSettings;
import com.fintechlogin.keycloak.json.Parsed;
import com.fintechlogin.keycloak.keys.PinPepperUnavailableException;
import com.fintechlogin.keycloak.login.LoginEvents;
import com.fintechlogin.keycloak.pin.PinCredentials;

import jakarta.ws.rs.core.Response;

import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * {@code /onboarding/user/v1/device}: the signed-in user registers a device for device login (POST), registers it
 * again (nothing changes), or removes it (DELETE).
 *
 * <p>A registered device is half of a PIN login and all of a device login, so adding one asks what a login on an
 * existing device would: a user who has a PIN gives it, under the PIN's exact attempt limit. The SIM binding flag is
 * not the caller's to claim: a new device is stored unbound, a re-registered one keeps what an administrator or
 * SIM-binding service set. The realm caps how many devices one user may have.
 */
public final class RegisterDeviceEndpoint extends UserCredentialEndpoint {

    static final String REGISTERED_MESSAGE = "Device registered successfully";
    static final String REMOVED_MESSAGE = "Device removed successfully";

    public RegisterDeviceEndpoint(KeycloakSession session) {
        super(session, "register-device", DeviceCredentialModel.TYPE);
    }

    @Override
    protected boolean takesDelete() {
        return true;
    }

    @Override
    protected Response apply(RealmModel realm, UserBearerToken.Caller caller, ObjectNode body, EventBuilder event) {
        Parsed<DeviceRegistrationRequest, ManageFailure> parsed = DeviceRegistrationRequest.parse(body);
        if (parsed instanceof Parsed.Invalid<DeviceRegistrationRequest, ManageFailure> invalid) {
            return refuse(event, invalid.problem());
        }
        DeviceRegistrationRequest request = ((Parsed.Valid<DeviceRegistrationRequest, ManageFailure>) parsed).value();
        UserModel user = caller.user();
        DeviceCredentialProvider devices = new DeviceCredentialProvider(session);
        Optional<DeviceCredentialModel> existing;
        try {
            existing = devices.find(realm, user, request.deviceId());
        } catch (PinPepperUnavailableException noPepper) {
            return refuse(event, ManageFailure.NOT_CONFIGURED);
        }
        DeviceSettings settings = DeviceSettings.of(realm);
        if (existing.isEmpty() && !settings.acceptsNewId(request.deviceId())) {
            return refuse(event, ManageFailure.DEVICE_ID_INVALID);
        }
        if (existing.isEmpty() && settings.keyRequired() && request.publicKey() == null) {
            return refuse(event, ManageFailure.DEVICE_KEY_REQUIRED);
        }
        // Before the PIN: a device the realm would refuse anyway must not cost the user one of their attempts.
        if (existing.isEmpty() && devices.count(user) >= CredentialChangeRules.of(realm).maxDevices()) {
            return refuse(event, ManageFailure.DEVICE_LIMIT_REACHED);
        }
        if (PinCredentials.hasPin(user)) {
            if (request.pin() == null) {
                return refuse(event, ManageFailure.PIN_MISSING);
            }
            ManageFailure refused = CurrentPin.check(session, realm, user, request.pin(), event);
            if (refused != null) {
                return refuse(event, refused);
            }
        }
        if (existing.isPresent()) {
            // Registered already: kept as it is, same credential id and the SIM binding an admin or service set. Not
            // replaced, which would let a re-registration outlive an unbinding made meanwhile under the old id.
            event.detail(Details.CREDENTIAL_ID, existing.get().getId()).success();
            return ManageAnswers.success(registered(request.deviceId(), existing.get().simBindingEnabled()));
        }
        DeviceCredentialModel device;
        try {
            device = devices.register(realm, user, request.deviceId(), false, request.publicKey());
        } catch (ModelDuplicateException sameLabelIgnoringCase) {
            // Keycloak refuses two credentials of one type with the same label, and a device's label is its
            // fingerprint: two ids whose fingerprints coincide (about one pair in four billion) cannot both be
            // registered to one user. Rolled back so that nothing register() did before it failed is kept.
            session.getTransactionManager().setRollbackOnly();
            return refuse(event, ManageFailure.DEVICE_CONFLICT);
        }
        event.detail(Details.CREDENTIAL_ID, device.getId()).detail(LoginEvents.CHANGE, LoginEvents.DEVICE_ADDED).success();
        return ManageAnswers.success(registered(request.deviceId(), device.simBindingEnabled()));
    }

    @Override
    protected Response remove(RealmModel realm, UserBearerToken.Caller caller, ObjectNode body, EventBuilder event) {
        Parsed<String, ManageFailure> deviceId = DeviceRegistrationRequest.deviceId(body);
        if (deviceId instanceof Parsed.Invalid<String, ManageFailure> invalid) {
            return refuse(event, invalid.problem());
        }
        String id = ((Parsed.Valid<String, ManageFailure>) deviceId).value();
        DeviceCredentialProvider devices = new DeviceCredentialProvider(session);
        List<DeviceCredentialModel> registered;
        try {
            registered = devices.findAll(realm, caller.user(), id);
        } catch (PinPepperUnavailableException noPepper) {
            return refuse(event, ManageFailure.NOT_CONFIGURED);
        }
        if (registered.isEmpty()) {
            return refuse(event, ManageFailure.DEVICE_NOT_REGISTERED);
        }
        // Every credential of that id: two registrations racing each other can both have stored one.
        registered.forEach(device -> devices.deleteCredential(realm, caller.user(), device.getId()));
        event.detail(Details.CREDENTIAL_ID, registered.get(0).getId()).detail(LoginEvents.CHANGE, LoginEvents.DEVICE_REMOVED).success();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("msg", REMOVED_MESSAGE);
        data.put("deviceId", id);
        return ManageAnswers.success(data);
    }

    static Map<String, Object> registered(String deviceId, boolean simBindingEnabled) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("msg", REGISTERED_MESSAGE);
        data.put("deviceId", deviceId);
        data.put("simBindingEnabled", simBindingEnabled);
        return data;
    }
}
