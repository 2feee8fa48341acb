package com.fintechlogin.keycloak.pin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Optional;

import com.fintechlogin.keycloak.pin.dto.PinCredentialData;
import com.fintechlogin.keycloak.pin.dto.PinImportSecretData;
import com.fintechlogin.keycloak.pin.dto.PinSecretData;

import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.util.JsonSerialization;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A user's PIN as Keycloak stores it, shaped like Keycloak's {@code OTPCredentialModel}: the public
 * {@link PinCredentialData} in {@code credentialData}, the salted keyed hash ({@link PinSecretData}) in
 * {@code secretData}, which Keycloak's REST APIs never return. A user has at most one.
 */
public final class PinCredentialModel extends CredentialModel {

    public static final String TYPE = "pin";

    private final PinCredentialData pinCredentialData;
    private final PinSecretData pinSecretData;

    private PinCredentialModel(PinCredentialData pinCredentialData, PinSecretData pinSecretData) {
        this.pinCredentialData = pinCredentialData;
        this.pinSecretData = pinSecretData;
    }

    /** A new credential for a PIN just hashed, dated now. */
    public static PinCredentialModel create(PinCredentialData credentialData, PinSecretData secretData) {
        PinCredentialModel model = new PinCredentialModel(credentialData, secretData);
        model.setType(TYPE);
        model.setCreatedDate(Time.currentTimeMillis());
        model.setCredentialData(write(credentialData));
        model.setSecretData(write(secretData));
        return model;
    }

    /**
     * Reads a stored credential, or one arriving through an import. An import may carry the seed form
     * ({@code {"value": "1111"}}, see {@link PinImportSecretData}): it reads as not {@link #isHashed() hashed}.
     */
    public static PinCredentialModel createFromCredentialModel(CredentialModel credential) {
        PinCredentialData credentialData = readCredentialData(credential);
        PinSecretData secretData = readSecretData(credential);
        PinCredentialModel model = new PinCredentialModel(credentialData, secretData);
        model.setId(credential.getId());
        model.setType(TYPE);
        model.setUserLabel(credential.getUserLabel());
        model.setCreatedDate(credential.getCreatedDate());
        model.setFederationLink(credential.getFederationLink());
        model.setCredentialData(credential.getCredentialData());
        model.setSecretData(credential.getSecretData());
        return model;
    }

    @JsonIgnore
    public PinCredentialData getPinCredentialData() {
        return pinCredentialData;
    }

    @JsonIgnore
    public PinSecretData getPinSecretData() {
        return pinSecretData;
    }

    /** Whether the secret data holds a salt and a hash, as every stored PIN does; a seed holds a plain value. */
    @JsonIgnore
    public boolean isHashed() {
        return pinSecretData.salt() != null && pinSecretData.hash() != null;
    }

    /** @throws IllegalArgumentException when the stored salt is not base64 */
    byte[] decodedSalt() {
        return Base64.getDecoder().decode(pinSecretData.salt());
    }

    /** @throws IllegalArgumentException when the stored hash is not base64 */
    byte[] decodedHash() {
        return Base64.getDecoder().decode(pinSecretData.hash());
    }

    /** The plain PIN of a seed ({@code {"value": …}}), read only to hash it; empty when there is none. */
    Optional<String> seededPin() {
        if (getSecretData() == null || getSecretData().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JsonSerialization.readValue(getSecretData(), PinImportSecretData.class).value());
        } catch (IOException malformed) {
            // Not chained: a parser message may quote the secret text it failed on.
            throw new IllegalStateException("The secret data of a pin credential is not valid JSON");
        }
    }

    private static PinCredentialData readCredentialData(CredentialModel credential) {
        String json = credential.getCredentialData();
        if (json == null || json.isBlank()) {
            return new PinCredentialData(null, 0, null);
        }
        try {
            return JsonSerialization.readValue(json, PinCredentialData.class);
        } catch (IOException malformed) {
            throw new IllegalStateException("The credential data of pin credential " + credential.getId()
                    + " is not valid JSON", malformed);
        }
    }

    private static PinSecretData readSecretData(CredentialModel credential) {
        String json = credential.getSecretData();
        if (json == null || json.isBlank()) {
            return new PinSecretData(null, null);
        }
        try {
            return JsonSerialization.readValue(json, PinSecretData.class);
        } catch (IOException malformed) {
            // Not chained: a parser message may quote the secret text it failed on.
            throw new IllegalStateException("The secret data of pin credential " + credential.getId()
                    + " is not valid JSON");
        }
    }

    private static String write(Object data) {
        try {
            return JsonSerialization.writeValueAsString(data);
        } catch (IOException unexpected) {
            throw new UncheckedIOException(unexpected);
        }
    }
}
