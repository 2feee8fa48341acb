package com.fintechlogin.keycloak.login;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailureReasonTest {

    @Test
    void detailRoundTripsForEveryReason() {
        for (FailureReason reason : FailureReason.values()) {
            assertThat(FailureReason.fromDetail(reason.detail())).isEqualTo(reason);
        }
    }

    @Test
    void unknownOrMissingDetailIsNoReason() {
        assertThat(FailureReason.fromDetail(null)).isNull();
        assertThat(FailureReason.fromDetail("not_a_reason")).isNull();
    }

    @Test
    void onlyCredentialGuessesCountTowardsBruteForceLockout() {
        assertThat(FailureReason.INVALID_CREDENTIALS.countsAsFailedAttempt()).isTrue();
        assertThat(FailureReason.MALFORMED_REQUEST.countsAsFailedAttempt()).isFalse();
        assertThat(FailureReason.USER_LOCKED.countsAsFailedAttempt()).isFalse();
        assertThat(FailureReason.USER_DISABLED.countsAsFailedAttempt()).isFalse();
    }
}
