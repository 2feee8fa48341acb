package com.fintechlogin.keycloak.api.cardportal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fintechlogin.keycloak.api.http.ApiCode;
import com.fintechlogin.keycloak.api.openapi.DocumentedAnswers;
import com.fintechlogin.keycloak.login.FailureReason;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

class CardPortalAnswersTest {

    private static final String FAIL = "{\"status\":400,\"message\":\"fail\"}";

    @Test
    void everyFailureIsTheDocumentedFailBodyAndOnlyTransportFailuresHaveAnotherStatus() {
        for (FailureReason reason : FailureReason.values()) {
            if (reason == FailureReason.CALLER_OVER_BUDGET) {
                continue;
            }
            ApiCode code = CardPortalAnswers.code(reason);
            assertThat(code.code()).as(reason.name()).isEqualTo(400);
            assertThat(code.message()).as(reason.name()).isEqualTo("fail");
            int expectedStatus = switch (reason) {
                case WRONG_METHOD -> 405;
                case WRONG_CONTENT_TYPE -> 415;
                case BODY_TOO_LARGE -> 413;
                default -> 400;
            };
            assertThat(code.httpStatus()).as(reason.name()).isEqualTo(expectedStatus);
        }
    }

    @Test
    void aCallerOverItsBudgetIsToldToRetryLaterRatherThanFail() {
        Response response = CardPortalAnswers.failure(FailureReason.CALLER_OVER_BUDGET);

        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getEntity()).isEqualTo("{\"status\":429,\"message\":\"too many attempts\"}");
    }

    @Test
    void failureBodyIsExactlyTheDocumentedOne() {
        for (FailureReason reason : FailureReason.values()) {
            if (reason == FailureReason.CALLER_OVER_BUDGET) {
                continue;
            }
            Response response = CardPortalAnswers.failure(reason);
            assertThat(response.getEntity()).as(reason.name()).isEqualTo(FAIL);
        }
        assertThat(CardPortalAnswers.failure(FailureReason.INVALID_CREDENTIALS).getStatus()).isEqualTo(400);
    }

    @Test
    void successBodyIsTheDocumentedOne() {
        Response response = CardPortalAnswers.success("tok");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getEntity()).isEqualTo("{\"status\":200,\"message\":\"success\",\"data\":{\"token\":\"tok\"}}");
        assertThat(response.getHeaderString("Cache-Control")).contains("no-store");
    }

    @Test
    void everyAnswerIsOneTheOpenApiDocumentGives() {
        for (FailureReason reason : FailureReason.values()) {
            DocumentedAnswers.assertDocumented(reason == FailureReason.WRONG_METHOD ? "patch" : "post",
                    "/airpay/ms/cards/api/user-login", DocumentedAnswers.asSent(reason, CardPortalAnswers.failure(reason)));
        }
        DocumentedAnswers.assertDocumented("post", "/airpay/ms/cards/api/user-login", CardPortalAnswers.success("tok"));
    }
}
