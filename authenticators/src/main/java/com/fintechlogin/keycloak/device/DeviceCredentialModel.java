package com.fintechlogin.keycloak.device;

import java.io.IOException;
import java.util.Base64;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.util.JsonSerialization;

/**
 * One registered device of a user. Public data: a fingerprint of the device id, whether SIM/device binding is
 * complete, and the device's public key when it has one. Secret data: the keyed hash of the device id
 * ({@link DeviceIds}), against which logins are checked. The label the admin and account consoles show is the
 * fingerprint, never the id.
 *
 * <p>A credential stored before device ids were hashed, or seeded by an import in the form
 * {@code {"deviceId": "…"}}, holds the id in clear in its public data; {@link #legacyDeviceId()} gives it, and the
 * provider hashes seeds on import.
 */
public final class DeviceCredentialModel extends CredentialModel {

    public static final String TYPE = "device";

    private static final long DAY_MILLIS = 24L * 60 * 60 * 1000;

    /**
     * The public part of a device credential; {@code deviceId} only in a legacy or seed credential; {@code lastUsed}
     * (epoch milliseconds) once the device signed in, kept to the day ({@link #usedOn}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Data(String fingerprint, boolean simBindingEnabled, String publicKey, String deviceId, Long lastUsed) {
    }

    /** The secret part: the keyed hash of the device id, base64. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Secret(String idHash) {
    }

    private final Data data;
    private final Secret secret;

    private DeviceCredentialModel(Data data, Secret secret) {
        this.data = data;
        this.secret = secret;
    }

    /** A new device, known by the keyed hash of its id; {@code publicKey} (base64 SPKI) may be null. */
    public static DeviceCredentialModel create(byte[] idHash, boolean simBindingEnabled, String publicKey) {
        String fingerprint = DeviceIds.fingerprint(idHash);
        DeviceCredentialModel model = new DeviceCredentialModel(new Data(fingerprint, simBindingEnabled, publicKey, null, null),
                new Secret(Base64.getEncoder().encodeToString(idHash)));
        model.setType(TYPE);
        model.setUserLabel(label(fingerprint));
        model.setCreatedDate(Time.currentTimeMillis());
        model.writeData();
        return model;
    }

    public static DeviceCredentialModel from(CredentialModel stored) {
        Data data;
        Secret secret;
        try {
            data = JsonSerialization.readValue(stored.getCredentialData(), Data.class);
            String secretData = stored.getSecretData();
            secret = secretData == null || secretData.isBlank() ? new Secret(null) : JsonSerialization.readValue(secretData, Secret.class);
        } catch (IOException corrupt) {
            throw new IllegalStateException("Unreadable device credential " + stored.getId(), corrupt);
        }
        if (data == null || (secret.idHash() == null && data.deviceId() == null)) {
            throw new IllegalStateException("Device credential " + stored.getId() + " names no device");
        }
        DeviceCredentialModel model = new DeviceCredentialModel(data, secret);
        model.setId(stored.getId());
        model.setType(TYPE);
        model.setUserLabel(stored.getUserLabel());
        model.setCreatedDate(stored.getCreatedDate());
        model.setCredentialData(stored.getCredentialData());
        model.setSecretData(stored.getSecretData());
        return model;
    }

    /** This device, same id, label and key, with another binding flag. */
    public DeviceCredentialModel withSimBinding(boolean simBindingEnabled) {
        return with(new Data(data.fingerprint(), simBindingEnabled, data.publicKey(), data.deviceId(), data.lastUsed()));
    }

    /** This device, same id, label, key and flag, last used at {@code millis}. */
    public DeviceCredentialModel usedAt(long millis) {
        return with(new Data(data.fingerprint(), data.simBindingEnabled(), data.publicKey(), data.deviceId(), millis));
    }

    /**
     * Whether a sign-in at {@code millis} is news: the device never signed in, or last did on an earlier UTC day.
     * "Last used" is kept to the day so that a device that signs in all day long writes its credential once a
     * day, not at every login (no write per right credential: performance issue 19).
     */
    public boolean usedOn(long millis) {
        Long last = data.lastUsed();
        return last != null && Math.floorDiv(last, DAY_MILLIS) >= Math.floorDiv(millis, DAY_MILLIS);
    }

    private DeviceCredentialModel with(Data changed) {
        DeviceCredentialModel updated = new DeviceCredentialModel(changed, secret);
        updated.setId(getId());
        updated.setType(TYPE);
        updated.setUserLabel(getUserLabel());
        updated.setCreatedDate(getCreatedDate());
        updated.writeData();
        return updated;
    }

    /** How consoles show a device. */
    static String label(String fingerprint) {
        return "Device " + fingerprint;
    }

    private void writeData() {
        try {
            setCredentialData(JsonSerialization.writeValueAsString(data));
            setSecretData(JsonSerialization.writeValueAsString(secret));
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The keyed hash of the device id; null for a legacy or seed credential. */
    public byte[] idHash() {
        return secret.idHash() == null ? null : Base64.getDecoder().decode(secret.idHash());
    }

    /** The id in clear, only in a credential stored before ids were hashed or a seed not yet imported. */
    public String legacyDeviceId() {
        return data.deviceId();
    }

    /** The fingerprint; null for a legacy credential (the provider computes it). */
    public String fingerprint() {
        return data.fingerprint();
    }

    /** When the device last signed in (to the day, epoch milliseconds), or null when it never did. */
    public Long lastUsed() {
        return data.lastUsed();
    }

    public boolean simBindingEnabled() {
        return data.simBindingEnabled();
    }

    /** The device's public key (base64 SPKI, EC P-256), or null when it was registered without one. */
    public String publicKey() {
        return data.publicKey();
    }
}
