package com.fintechlogin.keycloak.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import com.fintechlogin.keycloak.login.FailureReason;

import org.junit.jupiter.api.Test;

class PayloadRefusalTest {

    /** Everything that can go wrong once the request's key is unwrapped, or before: one answer for all of them. */
    private static final Set<PayloadRefusal> DECRYPTION = EnumSet.of(PayloadRefusal.KEY_VALUE_MALFORMED,
            PayloadRefusal.UNKNOWN_KEY, PayloadRefusal.KEY_NOT_DECRYPTED, PayloadRefusal.KEY_LENGTH,
            PayloadRefusal.IV_MALFORMED, PayloadRefusal.CBC_NOT_ALLOWED, PayloadRefusal.CIPHERTEXT_MALFORMED,
            PayloadRefusal.TAG_MISMATCH, PayloadRefusal.BAD_PADDING, PayloadRefusal.PLAINTEXT_MALFORMED,
            PayloadRefusal.TIMESTAMP_MALFORMED);

    @Test
    void everyDecryptionFailureHasTheSameReasonAndFieldSoTheSameAnswer() {
        for (PayloadRefusal refusal : DECRYPTION) {
            assertThat(refusal.reason()).as(refusal.name()).isEqualTo(FailureReason.MALFORMED_REQUEST);
            assertThat(refusal.field()).as(refusal.name()).isEqualTo(PayloadRefusal.PAYLOAD_FIELD);
        }
    }

    @Test
    void theHmacReplayAndFreshnessHaveAnswersOfTheirOwn() {
        assertThat(PayloadRefusal.HMAC_MISMATCH.reason()).isEqualTo(FailureReason.CLIENT_REFUSED);
        assertThat(PayloadRefusal.REPLAYED.reason()).isEqualTo(FailureReason.REPLAYED);
        assertThat(PayloadRefusal.STALE_TIMESTAMP.reason()).isEqualTo(FailureReason.REPLAYED);
        assertThat(EnumSet.complementOf(EnumSet.copyOf(DECRYPTION)))
                .containsExactlyInAnyOrder(PayloadRefusal.HMAC_MISMATCH, PayloadRefusal.REPLAYED, PayloadRefusal.STALE_TIMESTAMP)
                .allSatisfy(refusal -> assertThat(refusal.field()).isNull());
    }

    @Test
    void detailsAreTheLowercaseNames() {
        assertThat(PayloadRefusal.TAG_MISMATCH.detail()).isEqualTo("tag_mismatch");
        assertThat(PayloadRefusal.EVENT_DETAIL).isEqualTo("payload");
    }
}
