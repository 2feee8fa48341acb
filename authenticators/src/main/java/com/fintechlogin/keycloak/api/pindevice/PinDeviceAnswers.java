package com.fintechlogin.keycloak.api.pindevice;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fintechlogin.keycloak.api.http.ApiCode;
import com.fintechlogin.keycloak.api.http.CodeTables;
import com.fintechlogin.keycloak.api.http.Envelope;
import com.fintechlogin.keycloak.login.FailureReason;

import jakarta.ws.rs.core.Response;

/**
 * The PIN/device login's envelope and code table ({@code ONBxxx} codes as strings). Codes the document lacks carry new
 * numbers from ONB030 on; docs/api-reference.md lists them.
 */
public final class PinDeviceAnswers {

    /** The PIN/device login's envelope, shared by the PIN and device management endpoints. */
    public static final Envelope ENVELOPE = Envelope.RES_CODE;

    static final ApiCode NOT_PROCESSED = new ApiCode(401, "ONB004", "Request could not be processed at this time, Please retry again");
    static final ApiCode FAULT = new ApiCode(500, "ONB004", NOT_PROCESSED.message());
    static final ApiCode INVALID_REQUEST = new ApiCode(400, "ONB030", "Invalid request");

    /** Malformed requests, by the request part at fault ({@link PinDeviceLoginRequest} names them). */
    static final Map<String, ApiCode> FIELD_CODES = Map.ofEntries(
            Map.entry(PinDeviceLoginRequest.SIGN_IN_MODE_MISSING, new ApiCode(400, "ONB014", "Sign in mode mandatory")),
            Map.entry(PinDeviceLoginRequest.SIGN_IN_MODE_INVALID, new ApiCode(400, "ONB015", "Invalid sign in mode")),
            Map.entry(PinDeviceLoginRequest.AUTH_TYPE_INVALID, new ApiCode(400, "ONB015", "Invalid sign in mode")),
            Map.entry(PinDeviceLoginRequest.PIN_MISSING, new ApiCode(400, "ONB016", "PIN mandatory")),
            Map.entry(PinDeviceLoginRequest.PIN_LENGTH, new ApiCode(400, "ONB019", "PIN length is mismatch")),
            Map.entry(PinDeviceLoginRequest.DEVICE_ID_MISSING, new ApiCode(400, "ONB024", "Device id is mandatory")),
            Map.entry(PinDeviceLoginRequest.TOKEN_INVALID, new ApiCode(400, "ONB025", "Token mandatory")),
            Map.entry(PinDeviceLoginRequest.HEADERS, NOT_PROCESSED));

    static final ApiCode LOCKED = new ApiCode(401, "ONB028", "Pin Locked");

    private PinDeviceAnswers() {
    }

    static Response failure(FailureReason reason, String field) {
        if (reason == FailureReason.MALFORMED_REQUEST && field != null) {
            return ENVELOPE.failure(FIELD_CODES.getOrDefault(field, INVALID_REQUEST));
        }
        return ENVELOPE.failure(code(reason));
    }

    /** The code table: a switch with no default, so that a new reason does not compile until this API answers it. */
    static ApiCode code(FailureReason reason) {
        return switch (reason) {
            case WRONG_METHOD, WRONG_CONTENT_TYPE, BODY_TOO_LARGE -> CodeTables.transport(reason, INVALID_REQUEST);
            case MALFORMED_REQUEST -> INVALID_REQUEST;
            case CLIENT_REFUSED, INVALID_APP_TOKEN, UNKNOWN_USER -> NOT_PROCESSED;
            case NOT_CONFIGURED, AMBIGUOUS_USER, ACCOUNT_NOT_SET_UP, LOGIN_FAILED -> FAULT;
            case CREDENTIAL_NOT_SET -> new ApiCode(401, "ONB027", "Pin not set");
            case DEVICE_NOT_REGISTERED -> new ApiCode(401, "ONB026", "Login with registered device");
            case CREDENTIAL_LOCKED, USER_LOCKED -> LOCKED;
            case REPLAYED -> new ApiCode(401, "ONB031", "Request already processed");
            case INVALID_CREDENTIALS -> new ApiCode(401, "ONB017", "Entered PIN is in-correct");
            case USER_DISABLED -> new ApiCode(401, "ONB029", "Account has been blocked by admin");
            case CALLER_OVER_BUDGET -> new ApiCode(429, "ONB056", "Too many attempts, please retry later");
        };
    }

    /** {@code message}: what was validated ("PIN Validated Successfully", "Device Validated Successfully"). */
    static Response loginSuccess(String message, String token, long expiresAtMillis, boolean simBindingEnabled) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("msg", message);
        data.put("token", token);
        data.put("expiry", expiresAtMillis);
        data.put("simDeviceBindingEnabled", simBindingEnabled);
        return ENVELOPE.success("ONB200", "SUCCESS", data);
    }

    static Response success(Map<String, ?> data) {
        return ENVELOPE.success("ONB200", "SUCCESS", data);
    }
}
