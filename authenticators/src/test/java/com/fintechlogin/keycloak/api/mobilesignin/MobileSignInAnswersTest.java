package com.fintechlogin.keycloak.api.mobilesignin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import com.fintechlogin.keycloak.api.http.ApiCode;
import com.fintechlogin.keycloak.api.openapi.DocumentedAnswers;
import com.fintechlogin.keycloak.login.FailureReason;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

class MobileSignInAnswersTest {

    @Test
    void anUnknownDisabledOrLockedUserIsNotFoundAndARefusedAppUnauthorized() {
        for (FailureReason reason : List.of(FailureReason.UNKNOWN_USER, FailureReason.USER_DISABLED, FailureReason.USER_LOCKED)) {
            assertThat(MobileSignInAnswers.code(reason)).as(reason.name()).isEqualTo(new ApiCode(404, 404, "User not found"));
        }
        for (FailureReason reason : List.of(FailureReason.CLIENT_REFUSED, FailureReason.INVALID_APP_TOKEN, FailureReason.INVALID_CREDENTIALS)) {
            assertThat(MobileSignInAnswers.code(reason)).as(reason.name()).isEqualTo(new ApiCode(401, 401, "Unauthorized"));
        }
        assertThat(MobileSignInAnswers.code(FailureReason.WRONG_CONTENT_TYPE)).isEqualTo(new ApiCode(415, 400, "Invalid request"));
    }

    @Test
    void malformedRequestNamesTheField() {
        Response response = MobileSignInAnswers.failure(FailureReason.MALFORMED_REQUEST, "mobile");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getEntity()).isEqualTo("{\"resCode\":400,\"resDesc\":\"Invalid mobile\"}");
    }

    @Test
    void ambiguousMobileIsAnOpaque500() {
        Response response = MobileSignInAnswers.failure(FailureReason.AMBIGUOUS_USER, null);

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getEntity()).isEqualTo("{\"resCode\":500,\"resDesc\":\"Internal Server Error\"}");
    }

    @Test
    void successNestsTheDocumentedInnerCodesAndABearerToken() {
        Response response = MobileSignInAnswers.success("abc", 1670231937663L);

        assertThat(response.getEntity()).isEqualTo("{\"resCode\":200,\"resDesc\":\"SUCCESS\",\"data\":{\"resCode\":100,"
                + "\"resDesc\":\"Success\",\"token\":\"Bearer abc\",\"expiry\":1670231937663}}");
    }

    @Test
    void everyAnswerIsOneTheOpenApiDocumentGives() {
        for (FailureReason reason : FailureReason.values()) {
            String method = reason == FailureReason.WRONG_METHOD ? "delete" : "post";
            for (String field : Arrays.asList(null, "X-API-KEY", "X-API-TOKEN", MobileSignInRequest.TOKEN, MobileSignInRequest.MOBILE,
                    MobileSignInRequest.BODY)) {
                DocumentedAnswers.assertDocumented(method, "/lending/v1/token", DocumentedAnswers.asSent(reason, MobileSignInAnswers.failure(reason, field)));
            }
        }
        DocumentedAnswers.assertDocumented("post", "/lending/v1/token", MobileSignInAnswers.success("tok", 1_700_000_000_000L));
    }
}
