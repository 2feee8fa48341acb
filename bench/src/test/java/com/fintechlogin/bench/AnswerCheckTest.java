package com.fintechlogin.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class AnswerCheckTest {

    private static final Success MOBILE_SIGN_IN = AnswerCheck.ok(Map.of("/resCode", "200", "/data/resCode", "100"),
            "/data/token", "Bearer ");

    @Test
    void theDocumentedSuccessWithATokenIsASuccess() {
        assertThat(MOBILE_SIGN_IN.test(200,
                "{\"resCode\":200,\"resDesc\":\"SUCCESS\",\"data\":{\"resCode\":100,\"resDesc\":\"Success\",\"token\":\"Bearer abc\",\"expiry\":1}}"))
                .isTrue();
    }

    @Test
    void http200WithAnErrorCodeInTheBodyIsAnError() {
        assertThat(MOBILE_SIGN_IN.test(200, "{\"resCode\":401,\"resDesc\":\"Unauthorized\"}")).isFalse();
    }

    @Test
    void aSuccessEnvelopeWithoutItsTokenIsAnError() {
        assertThat(MOBILE_SIGN_IN.test(200, "{\"resCode\":200,\"data\":{\"resCode\":100,\"token\":\"Bearer \"}}")).isFalse();
        assertThat(MOBILE_SIGN_IN.test(200, "{\"resCode\":200,\"data\":{\"resCode\":100,\"token\":\"abc\"}}")).isFalse();
    }

    @Test
    void anotherStatusOrABodyThatIsNotJsonIsAnError() {
        assertThat(MOBILE_SIGN_IN.test(201,
                "{\"resCode\":200,\"data\":{\"resCode\":100,\"token\":\"Bearer abc\"}}")).isFalse();
        assertThat(MOBILE_SIGN_IN.test(200, "<html>ok</html>")).isFalse();
    }

    @Test
    void aTextCodeIsComparedAsText() {
        Success pinLogin = AnswerCheck.ok(Map.of("/resCode", "ONB200"), "/data/token", "");

        assertThat(pinLogin.test(200, "{\"resCode\":\"ONB200\",\"data\":{\"token\":\"t\"}}")).isTrue();
    }
}
