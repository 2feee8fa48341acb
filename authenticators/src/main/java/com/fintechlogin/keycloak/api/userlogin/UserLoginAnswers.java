package com.fintechlogin.keycloak.api.userlogin;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fintechlogin.keycloak.api.http.ApiCode;
import com.fintechlogin.keycloak.api.http.CodeTables;
import com.fintechlogin.keycloak.api.http.Envelope;
import com.fintechlogin.keycloak.login.FailureReason;

import jakarta.ws.rs.core.Response;

/** Seed 004's envelope and code table. */
final class UserLoginAnswers {

    private static final Envelope ENVELOPE = new Envelope("responseCode", "responseMessage", "responseData");
    private static final ApiCode BAD_REQUEST = new ApiCode(400, 400, "Please provide valid request");

    /** Every failure reason, and what this API answers for it. */
    static final Map<FailureReason, ApiCode> CODES = CodeTables.of(BAD_REQUEST,
            Map.entry(FailureReason.MALFORMED_REQUEST, BAD_REQUEST),
            Map.entry(FailureReason.NOT_CONFIGURED, new ApiCode(503, 503, "Service unavailable")),
            // This API names no client and takes no app token; these cannot happen here.
            Map.entry(FailureReason.CLIENT_REFUSED, BAD_REQUEST),
            Map.entry(FailureReason.INVALID_APP_TOKEN, BAD_REQUEST),
            Map.entry(FailureReason.CREDENTIAL_NOT_SET, new ApiCode(401, 405, "Please provide valid password")),
            Map.entry(FailureReason.DEVICE_NOT_REGISTERED, BAD_REQUEST),
            Map.entry(FailureReason.CREDENTIAL_LOCKED, new ApiCode(423, 423, "Account is temporarily locked")),
            Map.entry(FailureReason.REPLAYED, BAD_REQUEST),
            Map.entry(FailureReason.UNKNOWN_USER, new ApiCode(404, 404, "Please provide valid user details")),
            Map.entry(FailureReason.AMBIGUOUS_USER, new ApiCode(404, 404, "Please provide valid user details")),
            Map.entry(FailureReason.INVALID_CREDENTIALS, new ApiCode(401, 405, "Please provide valid password")),
            Map.entry(FailureReason.USER_LOCKED, new ApiCode(423, 423, "Account is temporarily locked")),
            Map.entry(FailureReason.USER_DISABLED, new ApiCode(403, 403, "Account is disabled")),
            Map.entry(FailureReason.ACCOUNT_NOT_SET_UP, new ApiCode(403, 403, "Account is not fully set up")),
            Map.entry(FailureReason.LOGIN_FAILED, new ApiCode(401, 401, "Login failed")));

    private UserLoginAnswers() {
    }

    static Response failure(FailureReason reason) {
        return ENVELOPE.failure(CODES.getOrDefault(reason, BAD_REQUEST));
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
