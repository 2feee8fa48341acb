package com.fintechlogin.keycloak.api.emailpassword;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fintechlogin.keycloak.api.http.ApiCode;
import com.fintechlogin.keycloak.api.http.CodeTables;
import com.fintechlogin.keycloak.api.http.Envelope;
import com.fintechlogin.keycloak.login.FailureReason;

import jakarta.ws.rs.core.Response;

/** The email/password login's envelope and code table. */
final class EmailPasswordAnswers {

    private static final Envelope ENVELOPE = new Envelope("responseCode", "responseMessage", "responseData");
    private static final ApiCode BAD_REQUEST = new ApiCode(400, 400, "Please provide valid request");

    private static final ApiCode WRONG_PASSWORD = new ApiCode(401, 405, "Please provide valid password");
    private static final ApiCode NO_SUCH_USER = new ApiCode(404, 404, "Please provide valid user details");
    private static final ApiCode LOCKED = new ApiCode(423, 423, "Account is temporarily locked");

    private EmailPasswordAnswers() {
    }

    static Response failure(FailureReason reason) {
        return ENVELOPE.failure(code(reason));
    }

    /** The code table: a switch with no default, so that a new reason does not compile until this API answers it. */
    static ApiCode code(FailureReason reason) {
        return switch (reason) {
            case WRONG_METHOD, WRONG_CONTENT_TYPE, BODY_TOO_LARGE -> CodeTables.transport(reason, BAD_REQUEST);
            case MALFORMED_REQUEST -> BAD_REQUEST;
            case NOT_CONFIGURED -> new ApiCode(503, 503, "Service unavailable");
            // This API names no client and takes no app token; these cannot happen here.
            case CLIENT_REFUSED, INVALID_APP_TOKEN -> BAD_REQUEST;
            case CREDENTIAL_NOT_SET, INVALID_CREDENTIALS -> WRONG_PASSWORD;
            case DEVICE_NOT_REGISTERED, REPLAYED -> BAD_REQUEST;
            case CREDENTIAL_LOCKED, USER_LOCKED -> LOCKED;
            case UNKNOWN_USER, AMBIGUOUS_USER -> NO_SUCH_USER;
            case USER_DISABLED -> new ApiCode(403, 403, "Account is disabled");
            case ACCOUNT_NOT_SET_UP -> new ApiCode(403, 403, "Account is not fully set up");
            case LOGIN_FAILED -> new ApiCode(401, 401, "Login failed");
            case CALLER_OVER_BUDGET -> new ApiCode(429, 429, "Too many attempts, please try again later");
        };
    }

    /** {@code expiresInSeconds} travels as a string, as the document shows it. */
    static Response success(String token, String apiKey, String emailId, long expiresInSeconds) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("token", token);
        data.put("apiKey", apiKey);
        data.put("emailId", emailId);
        data.put("expiry", Long.toString(expiresInSeconds));
        return ENVELOPE.success(200, "Success", data);
    }
}
