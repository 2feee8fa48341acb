package com.fintechlogin.keycloak.api.gettoken;

import static org.assertj.core.api.Assertions.assertThat;

import com.fintechlogin.keycloak.api.http.ApiCode;
import com.fintechlogin.keycloak.api.openapi.DocumentedAnswers;
import com.fintechlogin.keycloak.login.FailureReason;

import org.junit.jupiter.api.Test;

class GetTokenAnswersTest {

    @Test
    void onlyWhatNoTokenRequestCouldBeIsAnInvalidRequestAndAllElseIsUnauthorized() {
        for (FailureReason reason : FailureReason.values()) {
            ApiCode expected = switch (reason) {
                case WRONG_METHOD -> new ApiCode(405, 400, "Invalid request");
                case WRONG_CONTENT_TYPE -> new ApiCode(415, 400, "Invalid request");
                case BODY_TOO_LARGE -> new ApiCode(413, 400, "Invalid request");
                case CALLER_OVER_BUDGET -> new ApiCode(429, 429, "Too many requests");
                default -> new ApiCode(401, 401, "Unauthorized");
            };
            assertThat(GetTokenAnswers.code(reason)).as(reason.name()).isEqualTo(expected);
        }
    }

    @Test
    void aRefusedAppIsUnauthorized() {
        assertThat(GetTokenAnswers.failure(FailureReason.CLIENT_REFUSED).getEntity())
                .isEqualTo("{\"resCode\":401,\"resDesc\":\"Unauthorized\"}");
    }

    @Test
    void successCarriesTheTokenAndItsExpiryInMillis() {
        assertThat(GetTokenAnswers.success("abc", 1670231937663L).getEntity())
                .isEqualTo("{\"resCode\":200,\"resDesc\":\"SUCCESS\",\"data\":{\"token\":\"abc\",\"expiry\":1670231937663}}");
    }

    @Test
    void everyAnswerIsOneTheOpenApiDocumentGives() {
        for (FailureReason reason : FailureReason.values()) {
            DocumentedAnswers.assertDocumented(reason == FailureReason.WRONG_METHOD ? "put" : "post", "/market-place/v1/token",
                    DocumentedAnswers.asSent(reason, GetTokenAnswers.failure(reason)));
        }
        DocumentedAnswers.assertDocumented("post", "/market-place/v1/token", GetTokenAnswers.success("tok", 1_700_000_000_000L));
    }
}
