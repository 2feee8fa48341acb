package com.fintechlogin.keycloak.api.lending;

import static org.assertj.core.api.Assertions.assertThat;

import com.fintechlogin.keycloak.login.FailureReason;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

class LendingAnswersTest {

    @Test
    void everyFailureReasonHasADecidedAnswer() {
        assertThat(LendingAnswers.CODES).containsOnlyKeys(FailureReason.values());
    }

    @Test
    void malformedRequestNamesTheField() {
        Response response = LendingAnswers.failure(FailureReason.MALFORMED_REQUEST, "mobile");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getEntity()).isEqualTo("{\"resCode\":400,\"resDesc\":\"Invalid mobile\"}");
    }

    @Test
    void ambiguousMobileIsAnOpaque500() {
        Response response = LendingAnswers.failure(FailureReason.AMBIGUOUS_USER, null);

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getEntity()).isEqualTo("{\"resCode\":500,\"resDesc\":\"Internal Server Error\"}");
    }

    @Test
    void successNestsTheDocumentedInnerCodesAndABearerToken() {
        Response response = LendingAnswers.success("abc", 1670231937663L);

        assertThat(response.getEntity()).isEqualTo("{\"resCode\":200,\"resDesc\":\"SUCCESS\",\"data\":{\"resCode\":100,"
                + "\"resDesc\":\"Success\",\"token\":\"Bearer abc\",\"expiry\":1670231937663}}");
    }
}
