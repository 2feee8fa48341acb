package com.fintechlogin.keycloak.device;

import java.io.IOException;

import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.util.JsonSerialization;

/**
 * One registered device of a user: its device id and whether SIM/device binding is complete for it.
 * Nothing about a device is secret, so the secret data stays empty; the device id is also the label the
 * admin console shows.
 */
public final class DeviceCredentialModel extends CredentialModel {

    public static final String TYPE = "device";

    /** The public part of a device credential. */
    public record Data(String deviceId, boolean simBindingEnabled) {
    }

    private final Data data;

    private DeviceCredentialModel(Data data) {
        this.data = data;
    }

    public static DeviceCredentialModel create(String deviceId, boolean simBindingEnabled) {
        DeviceCredentialModel model = new DeviceCredentialModel(new Data(deviceId, simBindingEnabled));
        model.setType(TYPE);
        model.setUserLabel(deviceId);
        model.setCreatedDate(Time.currentTimeMillis());
        model.setSecretData("{}");
        try {
            model.setCredentialData(JsonSerialization.writeValueAsString(model.data));
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return model;
    }

    public static DeviceCredentialModel from(CredentialModel stored) {
        Data data;
        try {
            data = JsonSerialization.readValue(stored.getCredentialData(), Data.class);
        } catch (IOException corrupt) {
            throw new IllegalStateException("Unreadable device credential " + stored.getId(), corrupt);
        }
        DeviceCredentialModel model = new DeviceCredentialModel(data);
        model.setId(stored.getId());
        model.setType(TYPE);
        model.setUserLabel(stored.getUserLabel());
        model.setCreatedDate(stored.getCreatedDate());
        model.setCredentialData(stored.getCredentialData());
        model.setSecretData(stored.getSecretData());
        return model;
    }

    /** This device, same id and label, with another binding flag. */
    public DeviceCredentialModel withSimBinding(boolean simBindingEnabled) {
        DeviceCredentialModel updated = new DeviceCredentialModel(new Data(data.deviceId(), simBindingEnabled));
        updated.setId(getId());
        updated.setType(TYPE);
        updated.setUserLabel(getUserLabel());
        updated.setCreatedDate(getCreatedDate());
        updated.setSecretData(getSecretData());
        try {
            updated.setCredentialData(JsonSerialization.writeValueAsString(updated.data));
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return updated;
    }

    public String deviceId() {
        return data.deviceId();
    }

    public boolean simBindingEnabled() {
        return data.simBindingEnabled();
    }
}
