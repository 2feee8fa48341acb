package com.fintechlogin.keycloak.api.userlogin;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fintechlogin.keycloak.api.http.JsonAnswers;
import com.fintechlogin.keycloak.login.FailureReason;

import jakarta.ws.rs.core.Response;

/** Seed 004's envelope and code table. */
final class UserLoginAnswers {

    record Code(int httpStatus, int responseCode, String responseMessage) {
    }

    private static final Code BAD_REQUEST = new Code(400, 400, "Please provide valid request");

    /** Every failure reason, and what this API answers for it. */
    static final Map<FailureReason, Code> CODES = Map.ofEntries(
            Map.entry(FailureReason.MALFORMED_REQUEST, BAD_REQUEST),
            Map.entry(FailureReason.WRONG_METHOD, new Code(405, 400, "Please provide valid request")),
            Map.entry(FailureReason.WRONG_CONTENT_TYPE, new Code(415, 400, "Please provide valid request")),
            Map.entry(FailureReason.BODY_TOO_LARGE, new Code(413, 400, "Please provide valid request")),
            Map.entry(FailureReason.CLIENT_NOT_CONFIGURED, new Code(503, 503, "Service unavailable")),
            Map.entry(FailureReason.UNKNOWN_USER, new Code(404, 404, "Please provide valid user details")),
            Map.entry(FailureReason.AMBIGUOUS_USER, new Code(404, 404, "Please provide valid user details")),
            Map.entry(FailureReason.INVALID_CREDENTIALS, new Code(401, 405, "Please provide valid password")),
            Map.entry(FailureReason.USER_LOCKED, new Code(423, 423, "Account is temporarily locked")),
            Map.entry(FailureReason.USER_DISABLED, new Code(403, 403, "Account is disabled")),
            Map.entry(FailureReason.ACCOUNT_NOT_SET_UP, new Code(403, 403, "Account is not fully set up")),
            Map.entry(FailureReason.LOGIN_FAILED, new Code(401, 401, "Login failed")));

    private UserLoginAnswers() {
    }

    static Response failure(FailureReason reason) {
        Code code = CODES.getOrDefault(reason, BAD_REQUEST);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("responseCode", code.responseCode());
        body.put("responseMessage", code.responseMessage());
        return JsonAnswers.of(code.httpStatus(), body);
    }

    /** {@code expiresInSeconds} travels as a string, as the document shows it. */
    static Response success(String token, String apiKey, String emailId, long expiresInSeconds) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("token", token);
        data.put("apiKey", apiKey);
        data.put("emailId", emailId);
        data.put("expiry", Long.toString(expiresInSeconds));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("responseCode", 200);
        body.put("responseMessage", "Success");
        body.put("responseData", data);
        return JsonAnswers.of(200, body);
    }
}
