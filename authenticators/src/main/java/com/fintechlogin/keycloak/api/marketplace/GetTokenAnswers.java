package com.fintechlogin.keycloak.api.marketplace;

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

    static final Map<FailureReason, ApiCode> CODES = CodeTables.of(INVALID_REQUEST,
            Map.entry(FailureReason.MALFORMED_REQUEST, UNAUTHORIZED),
            Map.entry(FailureReason.NOT_CONFIGURED, UNAUTHORIZED),
            Map.entry(FailureReason.CLIENT_REFUSED, UNAUTHORIZED),
            Map.entry(FailureReason.INVALID_APP_TOKEN, UNAUTHORIZED),
            Map.entry(FailureReason.CREDENTIAL_NOT_SET, UNAUTHORIZED),
            Map.entry(FailureReason.DEVICE_NOT_REGISTERED, UNAUTHORIZED),
            Map.entry(FailureReason.CREDENTIAL_LOCKED, UNAUTHORIZED),
            Map.entry(FailureReason.REPLAYED, UNAUTHORIZED),
            Map.entry(FailureReason.UNKNOWN_USER, UNAUTHORIZED),
            Map.entry(FailureReason.AMBIGUOUS_USER, UNAUTHORIZED),
            Map.entry(FailureReason.INVALID_CREDENTIALS, UNAUTHORIZED),
            Map.entry(FailureReason.USER_LOCKED, UNAUTHORIZED),
            Map.entry(FailureReason.USER_DISABLED, UNAUTHORIZED),
            Map.entry(FailureReason.ACCOUNT_NOT_SET_UP, UNAUTHORIZED),
            Map.entry(FailureReason.LOGIN_FAILED, UNAUTHORIZED));

    private GetTokenAnswers() {
    }

    static Response failure(FailureReason reason) {
        return ENVELOPE.failure(CODES.getOrDefault(reason, UNAUTHORIZED));
    }

    /** {@code expiresAtMillis}: the token's {@code exp} in epoch milliseconds, a JSON number. */
    static Response success(String token, long expiresAtMillis) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("token", token);
        data.put("expiry", expiresAtMillis);
        return ENVELOPE.success(200, "SUCCESS", data);
    }
}
