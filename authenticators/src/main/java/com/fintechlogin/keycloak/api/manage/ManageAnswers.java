package com.fintechlogin.keycloak.api.manage;

import java.util.Map;

import com.fintechlogin.keycloak.api.http.ApiCode;
import com.fintechlogin.keycloak.api.http.Envelope;
import com.fintechlogin.keycloak.api.pindevice.PinDeviceAnswers;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The answers of the user's PIN and device endpoints, in the PIN/device login's envelope and code table. Codes the document
 * has are reused with the meaning it gives them (ONB016, ONB017, ONB019, ONB024, ONB028, ONB029, ONB030, ONB004);
 * codes it lacks are new, from ONB040 on.
 */
final class ManageAnswers {

    static final Envelope ENVELOPE = PinDeviceAnswers.ENVELOPE;

    static final String SUCCESS_CODE = "ONB200";
    static final String SUCCESS_MESSAGE = "SUCCESS";

    private static final String INVALID_REQUEST = "Invalid request";
    private static final String RETRY = "Request could not be processed at this time, Please retry again";

    private ManageAnswers() {
    }

    /** The code table: a switch with no default, so that a new failure does not compile until it has an answer. */
    static ApiCode code(ManageFailure failure) {
        return switch (failure) {
            case MALFORMED_REQUEST -> new ApiCode(400, "ONB030", INVALID_REQUEST);
            case WRONG_METHOD -> new ApiCode(405, "ONB030", INVALID_REQUEST);
            case WRONG_CONTENT_TYPE -> new ApiCode(415, "ONB030", INVALID_REQUEST);
            case BODY_TOO_LARGE -> new ApiCode(413, "ONB030", INVALID_REQUEST);
            case NOT_AUTHENTICATED -> new ApiCode(401, "ONB040", "Invalid or expired access token");
            case NOT_A_USER -> new ApiCode(403, "ONB041", "A user's access token is required");
            case CLIENT_NOT_ALLOWED -> new ApiCode(403, "ONB048", "This app may not change credentials");
            case AUTHENTICATION_TOO_WEAK -> new ApiCode(401, "ONB049", "A stronger login is required");
            case AUTHENTICATION_TOO_OLD -> new ApiCode(401, "ONB050", "Login is too old, please log in again");
            case PASSWORD_LOGIN_REQUIRED -> new ApiCode(401, "ONB053", "A password login is required to reset the PIN");
            case USER_DISABLED -> new ApiCode(401, "ONB029", "Account has been blocked by admin");
            case USER_LOCKED, PIN_LOCKED -> new ApiCode(401, "ONB028", "Pin Locked");
            case PIN_MISSING -> new ApiCode(400, "ONB016", "PIN mandatory");
            case PIN_NOT_DIGITS -> new ApiCode(400, "ONB042", "PIN must contain digits only");
            case PIN_WRONG_LENGTH -> new ApiCode(400, "ONB019", "PIN length is mismatch");
            case PIN_WEAK -> new ApiCode(400, "ONB043", "PIN is too easy to guess");
            case OLD_PIN_MISSING -> new ApiCode(400, "ONB044", "Old PIN mandatory");
            case OLD_PIN_INCORRECT -> new ApiCode(401, "ONB017", "Entered PIN is in-correct");
            case DEVICE_ID_MISSING -> new ApiCode(400, "ONB024", "Device id is mandatory");
            case DEVICE_ID_INVALID -> new ApiCode(400, "ONB045", "Invalid device id");
            case DEVICE_LIMIT_REACHED -> new ApiCode(409, "ONB051", "Device limit reached");
            case DEVICE_NOT_REGISTERED -> new ApiCode(404, "ONB052", "Device not registered");
            case DEVICE_KEY_INVALID -> new ApiCode(400, "ONB054", "Invalid device public key");
            case DEVICE_KEY_REQUIRED -> new ApiCode(400, "ONB055", "A device public key is required");
            case SIM_BINDING_INVALID -> new ApiCode(400, "ONB046", "Invalid simBindingEnabled");
            case DEVICE_CONFLICT -> new ApiCode(409, "ONB047", "Device id conflicts with a registered device");
            case NOT_CONFIGURED, UNAVAILABLE -> new ApiCode(500, "ONB004", RETRY);
        };
    }

    /**
     * The failure's answer, with the header HTTP asks for on a 405 ({@code Allow}: {@code allowed}) and a 401
     * ({@code WWW-Authenticate}; for a login that is too weak or too old, RFC 9470's step-up challenge, so that a
     * client library can tell the user to log in again rather than that the token is bad).
     */
    static Response failure(ManageFailure failure, String allowed, int maxAgeSeconds) {
        Response response = ENVELOPE.failure(code(failure));
        String challenge = switch (failure) {
            case NOT_AUTHENTICATED -> "Bearer";
            case AUTHENTICATION_TOO_WEAK -> stepUp("A password or PIN login is required") + ", acr_values=\"password pin-device\"";
            case AUTHENTICATION_TOO_OLD -> stepUp("A fresh login is required") + ", max_age=" + maxAgeSeconds;
            case PASSWORD_LOGIN_REQUIRED -> stepUp("A password login is required");
            default -> null;
        };
        if (failure == ManageFailure.WRONG_METHOD) {
            return Response.fromResponse(response).header(HttpHeaders.ALLOW, allowed).build();
        }
        return challenge == null ? response : Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }

    private static String stepUp(String description) {
        return "Bearer error=\"insufficient_user_authentication\", error_description=\"" + description + "\"";
    }

    static Response success(Map<String, ?> data) {
        return ENVELOPE.success(SUCCESS_CODE, SUCCESS_MESSAGE, data);
    }
}
