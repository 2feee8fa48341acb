package com.fintechlogin.keycloak.pin.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The public part of a PIN credential ({@code credentialData}): what an admin may see in the console and what
 * verification needs to know besides the secret. Nothing here helps to guess the PIN beyond its length.
 *
 * @param algorithm      the MAC the hash was made with, e.g. {@code HmacSHA256}
 * @param length         how many digits the PIN has
 * @param pepperVaultKey the vault key of the pepper the hash was made with, so that a rotated pepper can live
 *                       under a new key while older PINs still verify
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PinCredentialData(
        @JsonProperty("algorithm") String algorithm,
        @JsonProperty("length") int length,
        @JsonProperty("pepperVaultKey") String pepperVaultKey) {
}
