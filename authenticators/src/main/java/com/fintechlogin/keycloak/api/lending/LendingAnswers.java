package com.fintechlogin.keycloak.api.lending;

import java.util.Map;

import com.fintechlogin.keycloak.api.http.ApiCode;
import com.fintechlogin.keycloak.api.http.CodeTables;
import com.fintechlogin.keycloak.api.http.Envelope;
import com.fintechlogin.keycloak.login.FailureReason;

import jakarta.ws.rs.core.Response;

/** Seed 000's envelope and code table. */
final class LendingAnswers {

    private static final Envelope ENVELOPE = Envelope.RES_CODE;
    private static final ApiCode INVALID_REQUEST = new ApiCode(400, 400, "Invalid request");
    private static final ApiCode UNAUTHORIZED = new ApiCode(401, 401, "Unauthorized");
    private static final ApiCode USER_NOT_FOUND = new ApiCode(404, 404, "User not found");
    private static final ApiCode INTERNAL = new ApiCode(500, 500, "Internal Server Error");

    static final Map<FailureReason, ApiCode> CODES = CodeTables.of(INVALID_REQUEST,
            Map.entry(FailureReason.MALFORMED_REQUEST, INVALID_REQUEST),
            Map.entry(FailureReason.NOT_CONFIGURED, UNAUTHORIZED),
            Map.entry(FailureReason.CLIENT_REFUSED, UNAUTHORIZED),
            Map.entry(FailureReason.INVALID_APP_TOKEN, UNAUTHORIZED),
            // A credential step an admin adds after the mobile step (PIN, device) can report these.
            Map.entry(FailureReason.CREDENTIAL_NOT_SET, UNAUTHORIZED),
            Map.entry(FailureReason.DEVICE_NOT_REGISTERED, UNAUTHORIZED),
            Map.entry(FailureReason.CREDENTIAL_LOCKED, UNAUTHORIZED),
            Map.entry(FailureReason.REPLAYED, UNAUTHORIZED),
            Map.entry(FailureReason.UNKNOWN_USER, USER_NOT_FOUND),
            Map.entry(FailureReason.USER_DISABLED, USER_NOT_FOUND),
            Map.entry(FailureReason.USER_LOCKED, USER_NOT_FOUND),
            // The document has no answer for these; fail closed, details in the event and the log.
            Map.entry(FailureReason.AMBIGUOUS_USER, INTERNAL),
            Map.entry(FailureReason.ACCOUNT_NOT_SET_UP, INTERNAL),
            Map.entry(FailureReason.INVALID_CREDENTIALS, UNAUTHORIZED),
            Map.entry(FailureReason.LOGIN_FAILED, INTERNAL));

    private LendingAnswers() {
    }

    /** {@code field}, when given, names the part of a malformed request at fault: the document asks for it. */
    static Response failure(FailureReason reason, String field) {
        ApiCode code = CODES.getOrDefault(reason, INTERNAL);
        return reason == FailureReason.MALFORMED_REQUEST && field != null
                ? ENVELOPE.failure(code, "Invalid " + field)
                : ENVELOPE.failure(code);
    }

    /** Inner codes as documented; the token with its {@code Bearer } prefix; {@code expiresAtMillis} a JSON number. */
    static Response success(String token, long expiresAtMillis) {
        Map<String, Object> data = ENVELOPE.head(100, "Success");
        data.put("token", "Bearer " + token);
        data.put("expiry", expiresAtMillis);
        return ENVELOPE.success(200, "SUCCESS", data);
    }
}
