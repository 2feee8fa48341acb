package com.fintechlogin.keycloak.api.partner;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fintechlogin.keycloak.api.http.ApiCode;
import com.fintechlogin.keycloak.api.http.CodeTables;
import com.fintechlogin.keycloak.api.http.Envelope;
import com.fintechlogin.keycloak.api.http.JsonAnswers;
import com.fintechlogin.keycloak.login.FailureReason;
import com.fintechlogin.keycloak.partner.PayloadRefusal;

import jakarta.ws.rs.core.Response;

/**
 * The partner login's envelopes and code table ({@code FPDRxxxx} codes as strings): success
 * {@code {"status":{"statusCode":200,"message":"Success"},"data":{…}}}, failure
 * {@code {"response":{"errorCode":"FPDRxxxx","errorMessage":"…"}}}.
 *
 * <p>Every way the payload fails to decrypt is one row, FPDR4006, so the answer never says which step failed. Who the
 * user is and whether they exist is not told apart either: an unknown user, a wrong password and a user without the
 * partner role are all FPDR4007.
 */
final class PartnerAnswers {

    private static final Envelope STATUS = new Envelope("statusCode", "message", "data");
    private static final Envelope ERROR = new Envelope("errorCode", "errorMessage", null);

    static final ApiCode ENCRYPT_DATA_EMPTY = new ApiCode(400, "FPDR4001", "encryptData is empty");
    static final ApiCode HMAC_EMPTY = new ApiCode(400, "FPDR4002", "HMAC is empty");
    static final ApiCode KEY_VALUE_EMPTY = new ApiCode(400, "FPDR4003", "keyValue is empty");
    static final ApiCode IV_VALUE_EMPTY = new ApiCode(400, "FPDR4004", "ivValue is empty");
    static final ApiCode HMAC_MISMATCH = new ApiCode(400, "FPDR4005", "HMAC mismatch");
    static final ApiCode NOT_DECRYPTED = new ApiCode(400, "FPDR4006", "Payload could not be decrypted");
    static final ApiCode INVALID_CREDENTIALS = new ApiCode(401, "FPDR4007", "Invalid credentials");
    static final ApiCode REPLAYED = new ApiCode(400, "FPDR4008", "Request replayed or expired");
    static final ApiCode LOCKED = new ApiCode(401, "FPDR4009", "Account locked or disabled");
    /** Not in the document: the realm lacks what the API needs (its client, flow or role); the log says which. */
    static final ApiCode UNAVAILABLE = new ApiCode(503, "FPDR5003", "Service unavailable");

    /** Malformed requests, by the request part at fault ({@link PartnerRequest} and the endpoint name them). */
    static final Map<String, ApiCode> FIELD_CODES = Map.of(
            PartnerRequest.BODY, ENCRYPT_DATA_EMPTY,
            PartnerRequest.ENCRYPT_DATA, ENCRYPT_DATA_EMPTY,
            PartnerLoginEndpoint.HMAC_HEADER, HMAC_EMPTY,
            PartnerLoginEndpoint.KEY_VALUE_HEADER, KEY_VALUE_EMPTY,
            PartnerLoginEndpoint.IV_VALUE_HEADER, IV_VALUE_EMPTY,
            PayloadRefusal.PAYLOAD_FIELD, NOT_DECRYPTED);

    private PartnerAnswers() {
    }

    static Response failure(FailureReason reason, String field) {
        ApiCode code = reason == FailureReason.MALFORMED_REQUEST && field != null
                ? FIELD_CODES.getOrDefault(field, NOT_DECRYPTED)
                : code(reason);
        return JsonAnswers.of(code.httpStatus(), Map.of("response", ERROR.head(code.code(), code.message())));
    }

    /** The code table: a switch with no default, so that a new reason does not compile until this API answers it. */
    static ApiCode code(FailureReason reason) {
        return switch (reason) {
            case WRONG_METHOD, WRONG_CONTENT_TYPE, BODY_TOO_LARGE -> CodeTables.transport(reason, ENCRYPT_DATA_EMPTY);
            // Without a field: a step found a decrypted value unusable (the request's own checks bound them first).
            case MALFORMED_REQUEST -> NOT_DECRYPTED;
            case NOT_CONFIGURED -> UNAVAILABLE;
            // The HMAC does not verify: the request is not from a holder of the AES key.
            case CLIENT_REFUSED -> HMAC_MISMATCH;
            // This API takes no app token; this cannot happen here.
            case INVALID_APP_TOKEN -> INVALID_CREDENTIALS;
            case UNKNOWN_USER, AMBIGUOUS_USER, CREDENTIAL_NOT_SET, DEVICE_NOT_REGISTERED -> INVALID_CREDENTIALS;
            // A keyValue accepted before, or a timestamp outside the window.
            case REPLAYED -> REPLAYED;
            // A wrong password, or a right one of a user without the partner role.
            case INVALID_CREDENTIALS, LOGIN_FAILED -> INVALID_CREDENTIALS;
            case CREDENTIAL_LOCKED, USER_LOCKED, USER_DISABLED -> LOCKED;
            // Required actions pending (a temporary password): the account cannot be used until someone acts.
            case ACCOUNT_NOT_SET_UP -> LOCKED;
            case CALLER_OVER_BUDGET -> new ApiCode(429, "FPDR4290", "Too many requests");
        };
    }

    /** The access token and the {@code userName} of the request, as documented. */
    static Response success(String token, String userName) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("token", token);
        data.put("userName", userName);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", STATUS.head(200, "Success"));
        body.put("data", data);
        return JsonAnswers.of(200, body);
    }
}
