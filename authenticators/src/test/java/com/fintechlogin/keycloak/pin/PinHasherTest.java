package com.fintechlogin.keycloak.pin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class PinHasherTest {

    private static final byte[] PEPPER = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_PEPPER = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SALT = new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

    @Test
    void hashIsHmacSha256UnderThePepperOfSaltThenPin() throws GeneralSecurityException {
        Mac reference = Mac.getInstance("HmacSHA256");
        reference.init(new SecretKeySpec(PEPPER, "HmacSHA256"));
        byte[] message = new byte[SALT.length + 4];
        System.arraycopy(SALT, 0, message, 0, SALT.length);
        System.arraycopy("2468".getBytes(StandardCharsets.UTF_8), 0, message, SALT.length, 4);

        assertThat(PinHasher.hash(PEPPER, SALT, "2468")).isEqualTo(reference.doFinal(message)).hasSize(32);
    }

    @Test
    void samePinSaltAndPepperHashTheSame() {
        assertThat(PinHasher.hash(PEPPER, SALT, "2468")).isEqualTo(PinHasher.hash(PEPPER, SALT.clone(), "2468"));
    }

    @Test
    void samePinWithAnotherSaltHashesDifferently() {
        byte[] otherSalt = SALT.clone();
        otherSalt[0] ^= 1;

        assertThat(PinHasher.hash(PEPPER, SALT, "2468")).isNotEqualTo(PinHasher.hash(PEPPER, otherSalt, "2468"));
    }

    @Test
    void samePinUnderAnotherPepperHashesDifferently() {
        assertThat(PinHasher.hash(PEPPER, SALT, "2468")).isNotEqualTo(PinHasher.hash(OTHER_PEPPER, SALT, "2468"));
    }

    @Test
    void rightPinVerifies() {
        byte[] stored = PinHasher.hash(PEPPER, SALT, "2468");

        assertThat(PinHasher.matches(PEPPER, SALT, "2468", stored)).isTrue();
    }

    @Test
    void wrongPinDoesNotVerify() {
        byte[] stored = PinHasher.hash(PEPPER, SALT, "2468");

        assertThat(PinHasher.matches(PEPPER, SALT, "2469", stored)).isFalse();
        assertThat(PinHasher.matches(PEPPER, SALT, "02468", stored)).isFalse();
        assertThat(PinHasher.matches(PEPPER, SALT, "", stored)).isFalse();
    }

    @Test
    void rightPinUnderAnotherPepperDoesNotVerify() {
        byte[] stored = PinHasher.hash(PEPPER, SALT, "2468");

        assertThat(PinHasher.matches(OTHER_PEPPER, SALT, "2468", stored)).isFalse();
    }

    @Test
    void missingHashNeverVerifies() {
        assertThat(PinHasher.matches(PEPPER, SALT, "2468", null)).isFalse();
    }

    @Test
    void pepperShorterThan32BytesIsRefusedByTheHasher() {
        byte[] shortPepper = new byte[31];

        assertThatThrownBy(() -> PinHasher.hash(shortPepper, SALT, "2468")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PinHasher.hash(null, SALT, "2468")).isInstanceOf(IllegalArgumentException.class);
        assertThat(PinHasher.hash(new byte[32], SALT, "2468")).hasSize(32);
    }

    @Test
    void eachSaltIsSixteenFreshBytes() {
        byte[] first = PinHasher.newSalt();
        byte[] second = PinHasher.newSalt();

        assertThat(first).hasSize(16);
        assertThat(second).hasSize(16).isNotEqualTo(first);
    }
}
