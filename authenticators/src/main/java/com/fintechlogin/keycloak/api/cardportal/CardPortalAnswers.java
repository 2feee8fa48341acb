package com.fintechlogin.keycloak.api.cardportal;

import java.util.Map;

import com.fintechlogin.keycloak.api.http.ApiCode;
import com.fintechlogin.keycloak.api.http.CodeTables;
import com.fintechlogin.keycloak.api.http.Envelope;
import com.fintechlogin.keycloak.login.FailureReason;

import jakarta.ws.rs.core.Response;

/**
 * Seed 002's envelope and code table. The document has one failure answer, {@code {"status":400,"message":"fail"}},
 * so every reason answers it: the caller learns nothing about which check failed, the event tells an admin.
 * Only the transport rows every API shares (405, 415, 413) differ, and in their HTTP status alone.
 */
final class CardPortalAnswers {

    private static final Envelope ENVELOPE = new Envelope("status", "message", "data");
    static final ApiCode FAIL = new ApiCode(400, 400, "fail");

    static final Map<FailureReason, ApiCode> CODES = CodeTables.of(FAIL,
            Map.entry(FailureReason.MALFORMED_REQUEST, FAIL),
            // A misconfigured affiliate (its settings, its vault entries, its flow): the log and the event say which.
            Map.entry(FailureReason.NOT_CONFIGURED, FAIL),
            // Unknown affiliate, not an affiliate, wrong processor key, wrong checksum.
            Map.entry(FailureReason.CLIENT_REFUSED, FAIL),
            // This API takes no app token.
            Map.entry(FailureReason.INVALID_APP_TOKEN, FAIL),
            Map.entry(FailureReason.UNKNOWN_USER, FAIL),
            // Two users with the mobile number: fail closed.
            Map.entry(FailureReason.AMBIGUOUS_USER, FAIL),
            Map.entry(FailureReason.CREDENTIAL_NOT_SET, FAIL),
            Map.entry(FailureReason.DEVICE_NOT_REGISTERED, FAIL),
            Map.entry(FailureReason.CREDENTIAL_LOCKED, FAIL),
            // A stale timestamp or a checksum seen before, under the optional replay protection.
            Map.entry(FailureReason.REPLAYED, FAIL),
            Map.entry(FailureReason.INVALID_CREDENTIALS, FAIL),
            Map.entry(FailureReason.USER_LOCKED, FAIL),
            Map.entry(FailureReason.USER_DISABLED, FAIL),
            Map.entry(FailureReason.ACCOUNT_NOT_SET_UP, FAIL),
            Map.entry(FailureReason.LOGIN_FAILED, FAIL));

    private CardPortalAnswers() {
    }

    static Response failure(FailureReason reason) {
        return ENVELOPE.failure(CODES.getOrDefault(reason, FAIL));
    }

    /** The access token alone, as documented; its lifetime is the client's (1800 s for the demo affiliate). */
    static Response success(String token) {
        return ENVELOPE.success(200, "success", Map.of("token", token));
    }
}
