package com.fintechlogin.keycloak.api.gettoken;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fintechlogin.keycloak.api.http.ApiCode;
import com.fintechlogin.keycloak.api.http.CodeTables;
import com.fintechlogin.keycloak.api.http.Envelope;
import com.fintechlogin.keycloak.login.FailureReason;

import jakarta.ws.rs.core.Response;

/** The Get Token API's envelope and code table: anything but success is "Unauthorized". */
final class GetTokenAnswers {

    static final Envelope ENVELOPE = Envelope.RES_CODE;
    private static final ApiCode UNAUTHORIZED = new ApiCode(401, 401, "Unauthorized");
    /** Only for requests no token request could be: a wrong method, media type or size. */
    private static final ApiCode INVALID_REQUEST = new ApiCode(400, 400, "Invalid request");

    private GetTokenAnswers() {
    }

    static Response failure(FailureReason reason) {
        return ENVELOPE.failure(code(reason));
    }

    /** The code table: a switch with no default, so that a new reason does not compile until this API answers it. */
    static ApiCode code(FailureReason reason) {
        return switch (reason) {
            case WRONG_METHOD, WRONG_CONTENT_TYPE, BODY_TOO_LARGE -> CodeTables.transport(reason, INVALID_REQUEST);
            case MALFORMED_REQUEST, NOT_CONFIGURED, CLIENT_REFUSED, INVALID_APP_TOKEN, CREDENTIAL_NOT_SET,
                    DEVICE_NOT_REGISTERED, CREDENTIAL_LOCKED, REPLAYED, UNKNOWN_USER, AMBIGUOUS_USER,
                    INVALID_CREDENTIALS, USER_LOCKED, USER_DISABLED, ACCOUNT_NOT_SET_UP, LOGIN_FAILED -> UNAUTHORIZED;
            case CALLER_OVER_BUDGET -> new ApiCode(429, 429, "Too many requests");
        };
    }

    /** {@code expiresAtMillis}: the token's {@code exp} in epoch milliseconds, a JSON number. */
    static Response success(String token, long expiresAtMillis) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("token", token);
        data.put("expiry", expiresAtMillis);
        return ENVELOPE.success(200, "SUCCESS", data);
    }
}
