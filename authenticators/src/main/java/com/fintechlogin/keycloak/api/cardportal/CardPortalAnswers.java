package com.fintechlogin.keycloak.api.cardportal;

import java.util.Map;

import com.fintechlogin.keycloak.api.http.ApiCode;
import com.fintechlogin.keycloak.api.http.CodeTables;
import com.fintechlogin.keycloak.api.http.Envelope;
import com.fintechlogin.keycloak.login.FailureReason;

import jakarta.ws.rs.core.Response;

/**
 * The card portal login's envelope and code table. The document has one failure answer, {@code {"status":400,"message":"fail"}},
 * so every reason answers it: the caller learns nothing about which check failed, the event tells an admin.
 * Only the transport rows every API shares (405, 415, 413) differ, and in their HTTP status alone.
 */
final class CardPortalAnswers {

    private static final Envelope ENVELOPE = new Envelope("status", "message", "data");
    static final ApiCode FAIL = new ApiCode(400, 400, "fail");

    private CardPortalAnswers() {
    }

    static Response failure(FailureReason reason) {
        return ENVELOPE.failure(code(reason));
    }

    /** The code table: a switch with no default, so that a new reason does not compile until this API answers it. */
    static ApiCode code(FailureReason reason) {
        return switch (reason) {
            case WRONG_METHOD, WRONG_CONTENT_TYPE, BODY_TOO_LARGE -> CodeTables.transport(reason, FAIL);
            case MALFORMED_REQUEST,
                    // A misconfigured affiliate (its settings, its vault entries, its flow): the log and the event say which.
                    NOT_CONFIGURED,
                    // Unknown affiliate, not an affiliate, wrong processor key, wrong checksum.
                    CLIENT_REFUSED,
                    // This API takes no app token.
                    INVALID_APP_TOKEN,
                    UNKNOWN_USER,
                    // Two users with the mobile number: fail closed.
                    AMBIGUOUS_USER,
                    CREDENTIAL_NOT_SET, DEVICE_NOT_REGISTERED, CREDENTIAL_LOCKED,
                    // A stale timestamp or a checksum seen before, under the optional replay protection.
                    REPLAYED,
                    INVALID_CREDENTIALS, USER_LOCKED, USER_DISABLED, ACCOUNT_NOT_SET_UP, LOGIN_FAILED -> FAIL;
            // The one answer a caller must tell apart: retry after Retry-After, not with other credentials.
            case CALLER_OVER_BUDGET -> new ApiCode(429, 429, "too many attempts");
        };
    }

    /** The access token alone, as documented; its lifetime is the client's (1800 s for the demo affiliate). */
    static Response success(String token) {
        return ENVELOPE.success(200, "success", Map.of("token", token));
    }
}
