package com.fintechlogin.keycloak.device;

import java.util.List;
import java.util.Optional;

import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Keeps the registered devices of users: one credential per device id, several per user. */
public final class DeviceCredentialProvider implements CredentialProvider<DeviceCredentialModel> {

    /** The device id is the credential's label, a 255-character column; the documented sample is 52 characters. */
    public static final int MAX_DEVICE_ID_LENGTH = 255;

    private final KeycloakSession session;

    public DeviceCredentialProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getType() {
        return DeviceCredentialModel.TYPE;
    }

    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, DeviceCredentialModel device) {
        return user.credentialManager().createStoredCredential(device);
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    @Override
    public DeviceCredentialModel getCredentialFromModel(CredentialModel model) {
        return DeviceCredentialModel.from(model);
    }

    /** The user's registered device with this id. */
    public Optional<DeviceCredentialModel> find(UserModel user, String deviceId) {
        return user.credentialManager().getStoredCredentialsByTypeStream(DeviceCredentialModel.TYPE)
                .map(DeviceCredentialModel::from)
                .filter(device -> device.deviceId().equals(deviceId))
                .findFirst();
    }

    /** Every credential of the user's with this device id (more than one only when registrations raced). */
    public List<DeviceCredentialModel> findAll(UserModel user, String deviceId) {
        return user.credentialManager().getStoredCredentialsByTypeStream(DeviceCredentialModel.TYPE)
                .map(DeviceCredentialModel::from)
                .filter(device -> device.deviceId().equals(deviceId))
                .toList();
    }

    /** How many devices the user has registered. */
    public long count(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(DeviceCredentialModel.TYPE).count();
    }

    /** Registers the device, or replaces it with this binding flag when it is registered already. */
    public DeviceCredentialModel register(RealmModel realm, UserModel user, String deviceId, boolean simBindingEnabled) {
        find(user, deviceId).ifPresent(existing -> deleteCredential(realm, user, existing.getId()));
        return DeviceCredentialModel.from(createCredential(realm, user, DeviceCredentialModel.create(deviceId, simBindingEnabled)));
    }

    /** The device with its SIM binding set as an administrator or a SIM-binding service says; same credential id. */
    public DeviceCredentialModel setSimBinding(UserModel user, DeviceCredentialModel device, boolean simBindingEnabled) {
        DeviceCredentialModel updated = device.withSimBinding(simBindingEnabled);
        user.credentialManager().updateStoredCredential(updated);
        return updated;
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext metadataContext) {
        return CredentialTypeMetadata.builder()
                .type(getType())
                .category(CredentialTypeMetadata.Category.TWO_FACTOR)
                .displayName("Registered device")
                .helpText("A device the user registered for PIN and device login")
                .iconCssClass("kcAuthenticatorDefaultClass")
                .removeable(true)
                .build(session);
    }
}
