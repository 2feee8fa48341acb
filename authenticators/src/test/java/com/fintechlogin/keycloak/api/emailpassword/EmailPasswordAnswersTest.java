package com.fintechlogin.keycloak.api.emailpassword;

import static org.assertj.core.api.Assertions.assertThat;

import com.fintechlogin.keycloak.api.http.ApiCode;
import com.fintechlogin.keycloak.api.openapi.DocumentedAnswers;
import com.fintechlogin.keycloak.login.FailureReason;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

class EmailPasswordAnswersTest {

    @Test
    void everyAnswerIsA4xxExceptAMisconfiguredRealm() {
        for (FailureReason reason : FailureReason.values()) {
            ApiCode code = EmailPasswordAnswers.code(reason);
            if (reason == FailureReason.NOT_CONFIGURED) {
                assertThat(code.httpStatus()).isEqualTo(503);
            } else {
                assertThat(code.httpStatus()).as(reason.name()).isBetween(400, 499);
            }
        }
    }

    @Test
    void answersTheDocumentedCodesOfTheSeed() {
        assertThat(EmailPasswordAnswers.code(FailureReason.UNKNOWN_USER))
                .isEqualTo(new ApiCode(404, 404, "Please provide valid user details"));
        assertThat(EmailPasswordAnswers.code(FailureReason.INVALID_CREDENTIALS))
                .isEqualTo(new ApiCode(401, 405, "Please provide valid password"));
    }

    @Test
    void failureBodyHasOnlyCodeAndMessage() {
        Response response = EmailPasswordAnswers.failure(FailureReason.USER_LOCKED);

        assertThat(response.getStatus()).isEqualTo(423);
        assertThat(response.getEntity()).isEqualTo("{\"responseCode\":423,\"responseMessage\":\"Account is temporarily locked\"}");
    }

    @Test
    void successBodyCarriesExpiryAsAStringOfSeconds() {
        Response response = EmailPasswordAnswers.success("tok", "key", "a@b.c", 3599);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getEntity()).isEqualTo("{\"responseCode\":200,\"responseMessage\":\"Success\",\"responseData\":"
                + "{\"token\":\"tok\",\"apiKey\":\"key\",\"emailId\":\"a@b.c\",\"expiry\":\"3599\"}}");
        assertThat(response.getHeaderString("Cache-Control")).contains("no-store");
    }

    @Test
    void everyAnswerIsOneTheOpenApiDocumentGives() {
        for (FailureReason reason : FailureReason.values()) {
            DocumentedAnswers.assertDocumented(reason == FailureReason.WRONG_METHOD ? "get" : "post", "/user/login",
                    DocumentedAnswers.asSent(reason, EmailPasswordAnswers.failure(reason)));
        }
        DocumentedAnswers.assertDocumented("post", "/user/login", EmailPasswordAnswers.success("tok", "key", "a@b.c", 3599));
    }
}
