package com.fintechlogin.keycloak.pin.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The secret part of a PIN credential ({@code secretData}), which Keycloak never shows over its REST APIs.
 * Both values are standard base64. A PIN is never kept here, only its keyed hash.
 *
 * @param salt 16 random bytes drawn when the PIN was set
 * @param hash the MAC of salt and PIN under the realm's pepper
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PinSecretData(
        @JsonProperty("salt") String salt,
        @JsonProperty("hash") String hash) {

    @Override
    public String toString() {
        // A record prints its components; keep the hash out of any log line that prints this by accident.
        return "PinSecretData[redacted]";
    }
}
