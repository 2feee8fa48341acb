package com.fintechlogin.keycloak.api.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fintechlogin.keycloak.api.openapi.DocumentedAnswers;
import com.fintechlogin.keycloak.login.FailureReason;
import com.fintechlogin.keycloak.partner.PayloadRefusal;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

class PartnerAnswersTest {

    private static String body(String code, String message) {
        return "{\"response\":{\"errorCode\":\"" + code + "\",\"errorMessage\":\"" + message + "\"}}";
    }

    private static void assertAnswer(Response response, int status, String code, String message) {
        assertThat(response.getStatus()).as(code).isEqualTo(status);
        assertThat(response.getEntity()).isEqualTo(body(code, message));
        assertThat(response.getHeaderString("Cache-Control")).contains("no-store");
    }

    @Test
    void withoutAFieldARefusedHmacIsAMismatchAndAnAccountNotSetUpIsLocked() {
        assertAnswer(PartnerAnswers.failure(FailureReason.CLIENT_REFUSED, null), 400, "FPDR4005", "HMAC mismatch");
        assertAnswer(PartnerAnswers.failure(FailureReason.MALFORMED_REQUEST, null), 400, "FPDR4006", "Payload could not be decrypted");
        assertAnswer(PartnerAnswers.failure(FailureReason.ACCOUNT_NOT_SET_UP, null), 401, "FPDR4009", "Account locked or disabled");
        assertAnswer(PartnerAnswers.failure(FailureReason.CREDENTIAL_LOCKED, null), 401, "FPDR4009", "Account locked or disabled");
    }

    @Test
    void everyRowOfTheDocumentedTable() {
        assertAnswer(PartnerAnswers.failure(FailureReason.MALFORMED_REQUEST, PartnerRequest.ENCRYPT_DATA), 400, "FPDR4001", "encryptData is empty");
        assertAnswer(PartnerAnswers.failure(FailureReason.MALFORMED_REQUEST, PartnerRequest.BODY), 400, "FPDR4001", "encryptData is empty");
        assertAnswer(PartnerAnswers.failure(FailureReason.MALFORMED_REQUEST, "hmac"), 400, "FPDR4002", "HMAC is empty");
        assertAnswer(PartnerAnswers.failure(FailureReason.MALFORMED_REQUEST, "keyValue"), 400, "FPDR4003", "keyValue is empty");
        assertAnswer(PartnerAnswers.failure(FailureReason.MALFORMED_REQUEST, "ivValue"), 400, "FPDR4004", "ivValue is empty");
        assertAnswer(PartnerAnswers.failure(PayloadRefusal.HMAC_MISMATCH.reason(), PayloadRefusal.HMAC_MISMATCH.field()),
                400, "FPDR4005", "HMAC mismatch");
        assertAnswer(PartnerAnswers.failure(FailureReason.INVALID_CREDENTIALS, null), 401, "FPDR4007", "Invalid credentials");
        assertAnswer(PartnerAnswers.failure(FailureReason.REPLAYED, null), 400, "FPDR4008", "Request replayed or expired");
        assertAnswer(PartnerAnswers.failure(FailureReason.USER_LOCKED, null), 401, "FPDR4009", "Account locked or disabled");
        assertAnswer(PartnerAnswers.failure(FailureReason.USER_DISABLED, null), 401, "FPDR4009", "Account locked or disabled");
    }

    @Test
    void everyDecryptionFailureIsTheSameFpdr4006() {
        List<Response> answers = java.util.Arrays.stream(PayloadRefusal.values())
                .filter(refusal -> PayloadRefusal.PAYLOAD_FIELD.equals(refusal.field()))
                .map(refusal -> PartnerAnswers.failure(refusal.reason(), refusal.field()))
                .toList();

        assertThat(answers).hasSize(11).allSatisfy(answer -> assertAnswer(answer, 400, "FPDR4006", "Payload could not be decrypted"));
    }

    @Test
    void replaysAndStaleTimestampsShareFpdr4008() {
        assertAnswer(PartnerAnswers.failure(PayloadRefusal.REPLAYED.reason(), PayloadRefusal.REPLAYED.field()),
                400, "FPDR4008", "Request replayed or expired");
        assertAnswer(PartnerAnswers.failure(PayloadRefusal.STALE_TIMESTAMP.reason(), PayloadRefusal.STALE_TIMESTAMP.field()),
                400, "FPDR4008", "Request replayed or expired");
    }

    @Test
    void unknownUsersWrongPasswordsAndMissingRolesLookAlike() {
        for (FailureReason reason : List.of(FailureReason.UNKNOWN_USER, FailureReason.INVALID_CREDENTIALS, FailureReason.CREDENTIAL_NOT_SET,
                FailureReason.LOGIN_FAILED, FailureReason.AMBIGUOUS_USER)) {
            assertAnswer(PartnerAnswers.failure(reason, null), 401, "FPDR4007", "Invalid credentials");
        }
    }

    @Test
    void transportRowsAnswerFpdr4001WithTheirOwnStatus() {
        assertAnswer(PartnerAnswers.failure(FailureReason.WRONG_METHOD, null), 405, "FPDR4001", "encryptData is empty");
        assertAnswer(PartnerAnswers.failure(FailureReason.WRONG_CONTENT_TYPE, null), 415, "FPDR4001", "encryptData is empty");
        assertAnswer(PartnerAnswers.failure(FailureReason.BODY_TOO_LARGE, null), 413, "FPDR4001", "encryptData is empty");
    }

    @Test
    void aRealmWithoutWhatTheApiNeedsIsServiceUnavailable() {
        assertAnswer(PartnerAnswers.failure(FailureReason.NOT_CONFIGURED, null), 503, "FPDR5003", "Service unavailable");
    }

    @Test
    void successBodyIsTheDocumentedOne() {
        Response response = PartnerAnswers.success("tok", "bocmuser1");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getEntity())
                .isEqualTo("{\"status\":{\"statusCode\":200,\"message\":\"Success\"},\"data\":{\"token\":\"tok\",\"userName\":\"bocmuser1\"}}");
        assertThat(response.getHeaderString("Cache-Control")).contains("no-store");
    }

    @Test
    void everyAnswerIsOneTheOpenApiDocumentGives() {
        List<String> fields = new ArrayList<>(PartnerAnswers.FIELD_CODES.keySet());
        fields.add(null);
        for (FailureReason reason : FailureReason.values()) {
            for (String field : fields) {
                DocumentedAnswers.assertDocumented(reason == FailureReason.WRONG_METHOD ? "get" : "post", "/getToken",
                        DocumentedAnswers.asSent(reason, PartnerAnswers.failure(reason, field)));
            }
        }
        DocumentedAnswers.assertDocumented("post", "/getToken", PartnerAnswers.success("tok", "bocmuser1"));
    }
}
