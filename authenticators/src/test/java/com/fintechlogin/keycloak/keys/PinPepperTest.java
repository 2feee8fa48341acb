package com.fintechlogin.keycloak.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PinPepperTest {

    private static final String DEMO_PEPPER = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    void keyIsTheUtf8BytesOfTheVaultString() {
        assertThat(PinPepper.keyOf(DEMO_PEPPER)).hasValueSatisfying(key ->
                assertThat(key).isEqualTo(DEMO_PEPPER.getBytes(StandardCharsets.UTF_8)).hasSize(64));
    }

    @Test
    void newlineAndSpacesAroundTheVaultStringAreNotPartOfTheKey() {
        assertThat(PinPepper.keyOf(DEMO_PEPPER + "\n")).hasValueSatisfying(key ->
                assertThat(key).isEqualTo(DEMO_PEPPER.getBytes(StandardCharsets.UTF_8)));
        assertThat(PinPepper.keyOf("  " + DEMO_PEPPER + "\r\n")).hasValueSatisfying(key ->
                assertThat(key).isEqualTo(DEMO_PEPPER.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void pepperShorterThan32BytesIsRefused() {
        assertThat(PinPepper.keyOf("x".repeat(31))).isEmpty();
        assertThat(PinPepper.keyOf("x".repeat(31) + "\n")).as("the newline does not count").isEmpty();
        assertThat(PinPepper.keyOf("")).isEmpty();
        assertThat(PinPepper.keyOf(null)).isEmpty();
        assertThat(PinPepper.keyOf("x".repeat(32))).isPresent();
    }

    @Test
    void lengthIsCountedInUtf8Bytes() {
        assertThat(PinPepper.keyOf("é".repeat(16))).as("16 characters, 32 bytes").isPresent();
    }

    @Test
    void onlyPinPepperKeysMayBeNamedByACredential() {
        assertThat(PinPepper.isPepperKey("pin-pepper")).isTrue();
        assertThat(PinPepper.isPepperKey("pin-pepper-2026")).isTrue();
        assertThat(PinPepper.isPepperKey("pin-pepper-v2-rotated")).isTrue();
        assertThat(PinPepper.isPepperKey("smtp-password")).isFalse();
        assertThat(PinPepper.isPepperKey("pin-pepper/../other")).isFalse();
        assertThat(PinPepper.isPepperKey("pin-pepper-")).isFalse();
        assertThat(PinPepper.isPepperKey("")).isFalse();
        assertThat(PinPepper.isPepperKey(null)).isFalse();
    }
}
