package com.fintechlogin.keycloak.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class DeviceCiphertextsTest {

    @Test
    void aCiphertextWithItsLeadingZeroBytesDroppedIsTheSameReplay() {
        byte[] ciphertext = new byte[256];
        ciphertext[0] = 0;
        ciphertext[1] = 0;
        ciphertext[2] = 42;
        Arrays.fill(ciphertext, 3, 256, (byte) 7);

        String marker = DeviceCiphertexts.marker("realm", ciphertext);

        assertThat(DeviceCiphertexts.marker("realm", Arrays.copyOfRange(ciphertext, 1, 256))).isEqualTo(marker);
        assertThat(DeviceCiphertexts.marker("realm", Arrays.copyOfRange(ciphertext, 2, 256))).isEqualTo(marker);
        assertThat(DeviceCiphertexts.marker("other-realm", ciphertext)).isNotEqualTo(marker);
        ciphertext[255] = 8;
        assertThat(DeviceCiphertexts.marker("realm", ciphertext)).isNotEqualTo(marker);
    }
}
