package com.fintechlogin.keycloak.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppTokenVerifierTest {

    @Test
    void stripsABearerPrefixInAnyCase() {
        assertThat(AppTokenVerifier.stripBearer("Bearer abc")).isEqualTo("abc");
        assertThat(AppTokenVerifier.stripBearer("bearer   abc ")).isEqualTo("abc");
        assertThat(AppTokenVerifier.stripBearer("abc")).isEqualTo("abc");
    }

    @Test
    void refusesBlankOrOversizedTokens() {
        assertThat(AppTokenVerifier.stripBearer(null)).isNull();
        assertThat(AppTokenVerifier.stripBearer("Bearer ")).isNull();
        assertThat(AppTokenVerifier.stripBearer("x".repeat(AppTokenVerifier.MAX_TOKEN_LENGTH + 1))).isNull();
    }
}
