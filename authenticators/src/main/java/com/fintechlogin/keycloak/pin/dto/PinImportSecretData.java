package com.fintechlogin.keycloak.pin.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The secret data of a PIN as an admin writes it into a realm or user representation to seed it:
 * {@code {"value": "1111"}}. It only ever arrives; the provider hashes it and stores a {@link PinSecretData}.
 * The field is not the representation's top-level {@code value}, which Keycloak's importer takes for a password.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PinImportSecretData(@JsonProperty("value") String value) {

    @Override
    public String toString() {
        return "PinImportSecretData[redacted]";
    }
}
