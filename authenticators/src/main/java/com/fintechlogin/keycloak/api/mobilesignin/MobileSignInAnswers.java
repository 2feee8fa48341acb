package com.fintechlogin.keycloak.api.mobilesignin;

import java.util.Map;

import com.fintechlogin.keycloak.api.http.ApiCode;
import com.fintechlogin.keycloak.api.http.CodeTables;
import com.fintechlogin.keycloak.api.http.Envelope;
import com.fintechlogin.keycloak.login.FailureReason;

import jakarta.ws.rs.core.Response;

/** The mobile sign-in's envelope and code table. */
final class MobileSignInAnswers {

    private static final Envelope ENVELOPE = Envelope.RES_CODE;
    private static final ApiCode INVALID_REQUEST = new ApiCode(400, 400, "Invalid request");
    private static final ApiCode UNAUTHORIZED = new ApiCode(401, 401, "Unauthorized");
    private static final ApiCode USER_NOT_FOUND = new ApiCode(404, 404, "User not found");
    private static final ApiCode INTERNAL = new ApiCode(500, 500, "Internal Server Error");

    private MobileSignInAnswers() {
    }

    /** {@code field}, when given, names the part of a malformed request at fault: the document asks for it. */
    static Response failure(FailureReason reason, String field) {
        ApiCode code = code(reason);
        return reason == FailureReason.MALFORMED_REQUEST && field != null
                ? ENVELOPE.failure(code, "Invalid " + field)
                : ENVELOPE.failure(code);
    }

    /** The code table: a switch with no default, so that a new reason does not compile until this API answers it. */
    static ApiCode code(FailureReason reason) {
        return switch (reason) {
            case WRONG_METHOD, WRONG_CONTENT_TYPE, BODY_TOO_LARGE -> CodeTables.transport(reason, INVALID_REQUEST);
            case MALFORMED_REQUEST -> INVALID_REQUEST;
            case NOT_CONFIGURED, CLIENT_REFUSED, INVALID_APP_TOKEN -> UNAUTHORIZED;
            // A credential step an admin adds after the mobile step (PIN, device) can report these.
            case CREDENTIAL_NOT_SET, DEVICE_NOT_REGISTERED, CREDENTIAL_LOCKED, REPLAYED -> UNAUTHORIZED;
            case UNKNOWN_USER, USER_DISABLED, USER_LOCKED -> USER_NOT_FOUND;
            // The document has no answer for these; fail closed, details in the event and the log.
            case AMBIGUOUS_USER, ACCOUNT_NOT_SET_UP -> INTERNAL;
            case INVALID_CREDENTIALS -> UNAUTHORIZED;
            case LOGIN_FAILED -> INTERNAL;
            case CALLER_OVER_BUDGET -> new ApiCode(429, 429, "Too many requests");
        };
    }

    /** Inner codes as documented; the token with its {@code Bearer } prefix; {@code expiresAtMillis} a JSON number. */
    static Response success(String token, long expiresAtMillis) {
        Map<String, Object> data = ENVELOPE.head(100, "Success");
        data.put("token", "Bearer " + token);
        data.put("expiry", expiresAtMillis);
        return ENVELOPE.success(200, "SUCCESS", data);
    }
}
