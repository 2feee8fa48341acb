package com.fintechlogin.keycloak.api.manage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.fintechlogin.keycloak.api.http.ApiCode;
import com.fintechlogin.keycloak.api.openapi.DocumentedAnswers;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

class ManageAnswersTest {

    private static final String PIN = "/onboarding/user/v1/pin";
    private static final String DEVICE = "/onboarding/user/v1/device";

    /** The codes seed 001's document lists; anything else must be new, from ONB040 on. */
    private static final Set<String> DOCUMENTED = Set.of("ONB004", "ONB014", "ONB015", "ONB016", "ONB017", "ONB019",
            "ONB024", "ONB025", "ONB026", "ONB027", "ONB028", "ONB029", "ONB200");
    /** Codes the login endpoint added before these endpoints existed. */
    private static final Set<String> ADDED_BY_LOGIN = Set.of("ONB030", "ONB031");

    @Test
    void answersEveryFailureWithItsCode() {
        Map<ManageFailure, ApiCode> expected = new EnumMap<>(ManageFailure.class);
        expected.put(ManageFailure.MALFORMED_REQUEST, new ApiCode(400, "ONB030", "Invalid request"));
        expected.put(ManageFailure.WRONG_METHOD, new ApiCode(405, "ONB030", "Invalid request"));
        expected.put(ManageFailure.WRONG_CONTENT_TYPE, new ApiCode(415, "ONB030", "Invalid request"));
        expected.put(ManageFailure.BODY_TOO_LARGE, new ApiCode(413, "ONB030", "Invalid request"));
        expected.put(ManageFailure.NOT_AUTHENTICATED, new ApiCode(401, "ONB040", "Invalid or expired access token"));
        expected.put(ManageFailure.NOT_A_USER, new ApiCode(403, "ONB041", "A user's access token is required"));
        expected.put(ManageFailure.CLIENT_NOT_ALLOWED, new ApiCode(403, "ONB048", "This app may not change credentials"));
        expected.put(ManageFailure.AUTHENTICATION_TOO_WEAK, new ApiCode(401, "ONB049", "A stronger login is required"));
        expected.put(ManageFailure.AUTHENTICATION_TOO_OLD, new ApiCode(401, "ONB050", "Login is too old, please log in again"));
        expected.put(ManageFailure.PASSWORD_LOGIN_REQUIRED, new ApiCode(401, "ONB053", "A password login is required to reset the PIN"));
        expected.put(ManageFailure.USER_DISABLED, new ApiCode(401, "ONB029", "Account has been blocked by admin"));
        expected.put(ManageFailure.USER_LOCKED, new ApiCode(401, "ONB028", "Pin Locked"));
        expected.put(ManageFailure.PIN_MISSING, new ApiCode(400, "ONB016", "PIN mandatory"));
        expected.put(ManageFailure.PIN_NOT_DIGITS, new ApiCode(400, "ONB042", "PIN must contain digits only"));
        expected.put(ManageFailure.PIN_WRONG_LENGTH, new ApiCode(400, "ONB019", "PIN length is mismatch"));
        expected.put(ManageFailure.PIN_WEAK, new ApiCode(400, "ONB043", "PIN is too easy to guess"));
        expected.put(ManageFailure.OLD_PIN_MISSING, new ApiCode(400, "ONB044", "Old PIN mandatory"));
        expected.put(ManageFailure.OLD_PIN_INCORRECT, new ApiCode(401, "ONB017", "Entered PIN is in-correct"));
        expected.put(ManageFailure.PIN_LOCKED, new ApiCode(401, "ONB028", "Pin Locked"));
        expected.put(ManageFailure.DEVICE_ID_MISSING, new ApiCode(400, "ONB024", "Device id is mandatory"));
        expected.put(ManageFailure.DEVICE_ID_INVALID, new ApiCode(400, "ONB045", "Invalid device id"));
        expected.put(ManageFailure.DEVICE_LIMIT_REACHED, new ApiCode(409, "ONB051", "Device limit reached"));
        expected.put(ManageFailure.DEVICE_NOT_REGISTERED, new ApiCode(404, "ONB052", "Device not registered"));
        expected.put(ManageFailure.DEVICE_KEY_INVALID, new ApiCode(400, "ONB054", "Invalid device public key"));
        expected.put(ManageFailure.DEVICE_KEY_REQUIRED, new ApiCode(400, "ONB055", "A device public key is required"));
        expected.put(ManageFailure.SIM_BINDING_INVALID, new ApiCode(400, "ONB046", "Invalid simBindingEnabled"));
        expected.put(ManageFailure.DEVICE_CONFLICT, new ApiCode(409, "ONB047", "Device id conflicts with a registered device"));
        String retry = "Request could not be processed at this time, Please retry again";
        expected.put(ManageFailure.NOT_CONFIGURED, new ApiCode(500, "ONB004", retry));
        expected.put(ManageFailure.UNAVAILABLE, new ApiCode(500, "ONB004", retry));

        Map<ManageFailure, ApiCode> actual = new EnumMap<>(ManageFailure.class);
        for (ManageFailure failure : ManageFailure.values()) {
            actual.put(failure, ManageAnswers.code(failure));
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void codesTheDocumentLacksAreNewFromOnb040AndEachMeansOneThing() {
        Map<Object, ApiCode> byNewCode = new HashMap<>();
        for (ManageFailure failure : ManageFailure.values()) {
            ApiCode code = ManageAnswers.code(failure);
            String value = (String) code.code();
            if (!DOCUMENTED.contains(value) && !ADDED_BY_LOGIN.contains(value)) {
                assertThat(Integer.parseInt(value.substring(3))).as(value).isGreaterThanOrEqualTo(40);
                ApiCode previous = byNewCode.put(value, code);
                assertThat(previous == null || previous.equals(code)).as(value).isTrue();
            }
        }
        assertThat(byNewCode).containsOnlyKeys("ONB040", "ONB041", "ONB042", "ONB043", "ONB044", "ONB045", "ONB046", "ONB047",
                "ONB048", "ONB049", "ONB050", "ONB051", "ONB052", "ONB053", "ONB054", "ONB055");
    }

    @Test
    void onlyAnUnusableRealmOrStoreAnswers5xx() {
        for (ManageFailure failure : ManageFailure.values()) {
            ApiCode code = ManageAnswers.code(failure);
            if (failure == ManageFailure.NOT_CONFIGURED || failure == ManageFailure.UNAVAILABLE) {
                assertThat(code.httpStatus()).isEqualTo(500);
            } else {
                assertThat(code.httpStatus()).as(failure.name()).isBetween(400, 499);
            }
        }
    }

    @Test
    void everyFailureRecordsAnEventErrorAndAReason() {
        for (ManageFailure failure : ManageFailure.values()) {
            assertThat(failure.eventError()).as(failure.name()).isNotBlank();
            assertThat(failure.detail()).isEqualTo(failure.name().toLowerCase());
        }
    }

    @Test
    void failureBodyIsSeed001sEnvelopeWithCodeAndMessageOnly() {
        Response response = ManageAnswers.failure(ManageFailure.PIN_WEAK, "POST", 300);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getEntity()).isEqualTo("{\"resCode\":\"ONB043\",\"resDesc\":\"PIN is too easy to guess\"}");
        assertThat(response.getHeaderString("Cache-Control")).contains("no-store");
    }

    @Test
    void wrongMethodNamesTheOneAllowed() {
        Response response = ManageAnswers.failure(ManageFailure.WRONG_METHOD, "POST", 300);

        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(response.getHeaderString("Allow")).isEqualTo("POST");
        assertThat(response.getEntity()).isEqualTo("{\"resCode\":\"ONB030\",\"resDesc\":\"Invalid request\"}");
    }

    @Test
    void aMissingOrRefusedTokenAsksForABearerToken() {
        Response response = ManageAnswers.failure(ManageFailure.NOT_AUTHENTICATED, "POST", 300);

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeaderString("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(response.getEntity()).isEqualTo("{\"resCode\":\"ONB040\",\"resDesc\":\"Invalid or expired access token\"}");
    }

    @Test
    void everyMethodButPostAnswers405InTheEnvelopeWithoutLookingAtTheRequest() {
        UserCredentialEndpoint endpoint = new SetPinEndpoint(null);

        for (Response response : new Response[] {endpoint.get(), endpoint.put(), endpoint.delete(null), endpoint.patch()}) {
            assertThat(response.getStatus()).isEqualTo(405);
            assertThat(response.getHeaderString("Allow")).isEqualTo("POST");
            assertThat(response.getEntity()).isEqualTo("{\"resCode\":\"ONB030\",\"resDesc\":\"Invalid request\"}");
        }
    }

    @Test
    void theDeviceEndpointAlsoTakesDeleteAndSaysSo() {
        UserCredentialEndpoint endpoint = new RegisterDeviceEndpoint(null);

        for (Response response : new Response[] {endpoint.get(), endpoint.put(), endpoint.patch()}) {
            assertThat(response.getStatus()).isEqualTo(405);
            assertThat(response.getHeaderString("Allow")).isEqualTo("POST, DELETE");
        }
    }

    @Test
    void aLoginTooWeakOrTooOldGetsTheStepUpChallengeOfRfc9470() {
        Response weak = ManageAnswers.failure(ManageFailure.AUTHENTICATION_TOO_WEAK, "POST", 300);
        Response old = ManageAnswers.failure(ManageFailure.AUTHENTICATION_TOO_OLD, "POST", 120);
        Response noPassword = ManageAnswers.failure(ManageFailure.PASSWORD_LOGIN_REQUIRED, "POST", 300);

        assertThat(weak.getStatus()).isEqualTo(401);
        assertThat(weak.getHeaderString("WWW-Authenticate")).startsWith("Bearer error=\"insufficient_user_authentication\"")
                .contains("acr_values=\"password pin-device\"");
        assertThat(weak.getEntity()).isEqualTo("{\"resCode\":\"ONB049\",\"resDesc\":\"A stronger login is required\"}");
        assertThat(old.getHeaderString("WWW-Authenticate")).startsWith("Bearer error=\"insufficient_user_authentication\"")
                .endsWith(", max_age=120");
        assertThat(old.getEntity()).isEqualTo("{\"resCode\":\"ONB050\",\"resDesc\":\"Login is too old, please log in again\"}");
        assertThat(noPassword.getHeaderString("WWW-Authenticate")).startsWith("Bearer error=\"insufficient_user_authentication\"");
    }

    @Test
    void anAppTheRealmDoesNotTrustIsForbiddenNotUnauthenticated() {
        Response response = ManageAnswers.failure(ManageFailure.CLIENT_NOT_ALLOWED, "POST", 300);

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getHeaderString("WWW-Authenticate")).isNull();
        assertThat(response.getEntity()).isEqualTo("{\"resCode\":\"ONB048\",\"resDesc\":\"This app may not change credentials\"}");
    }

    @Test
    void pinSuccessSaysWhetherThePinWasSetOrChanged() {
        Response set = ManageAnswers.success(Map.of("msg", SetPinEndpoint.SET_MESSAGE));
        Response changed = ManageAnswers.success(Map.of("msg", SetPinEndpoint.CHANGED_MESSAGE));

        assertThat(set.getStatus()).isEqualTo(200);
        assertThat(set.getEntity()).isEqualTo("{\"resCode\":\"ONB200\",\"resDesc\":\"SUCCESS\",\"data\":{\"msg\":\"PIN set successfully\"}}");
        assertThat(changed.getEntity()).isEqualTo("{\"resCode\":\"ONB200\",\"resDesc\":\"SUCCESS\",\"data\":{\"msg\":\"PIN changed successfully\"}}");
    }

    @Test
    void deviceSuccessEchoesTheRegisteredDevice() {
        Response response = ManageAnswers.success(RegisterDeviceEndpoint.registered("anid:abc", true));

        assertThat(response.getEntity()).isEqualTo("{\"resCode\":\"ONB200\",\"resDesc\":\"SUCCESS\",\"data\":"
                + "{\"msg\":\"Device registered successfully\",\"deviceId\":\"anid:abc\",\"simBindingEnabled\":true}}");
    }

    @Test
    void everyAnswerIsOneTheOpenApiDocumentGives() {
        Set<ManageFailure> either = Set.of(ManageFailure.MALFORMED_REQUEST, ManageFailure.WRONG_CONTENT_TYPE, ManageFailure.BODY_TOO_LARGE,
                ManageFailure.NOT_AUTHENTICATED, ManageFailure.NOT_A_USER, ManageFailure.USER_DISABLED,
                ManageFailure.CLIENT_NOT_ALLOWED, ManageFailure.AUTHENTICATION_TOO_WEAK, ManageFailure.AUTHENTICATION_TOO_OLD,
                ManageFailure.USER_LOCKED, ManageFailure.PIN_MISSING, ManageFailure.OLD_PIN_INCORRECT, ManageFailure.PIN_LOCKED,
                ManageFailure.NOT_CONFIGURED, ManageFailure.UNAVAILABLE);
        Set<ManageFailure> pinOnly = Set.of(ManageFailure.PIN_NOT_DIGITS, ManageFailure.PIN_WRONG_LENGTH, ManageFailure.PIN_WEAK,
                ManageFailure.OLD_PIN_MISSING, ManageFailure.PASSWORD_LOGIN_REQUIRED);
        Set<ManageFailure> deviceOnly = Set.of(ManageFailure.DEVICE_ID_MISSING, ManageFailure.DEVICE_ID_INVALID,
                ManageFailure.SIM_BINDING_INVALID, ManageFailure.DEVICE_CONFLICT, ManageFailure.DEVICE_LIMIT_REACHED,
                ManageFailure.DEVICE_NOT_REGISTERED, ManageFailure.DEVICE_KEY_INVALID, ManageFailure.DEVICE_KEY_REQUIRED);
        Set<ManageFailure> removal = Set.of(ManageFailure.MALFORMED_REQUEST, ManageFailure.WRONG_CONTENT_TYPE,
                ManageFailure.BODY_TOO_LARGE, ManageFailure.NOT_AUTHENTICATED, ManageFailure.NOT_A_USER, ManageFailure.USER_DISABLED,
                ManageFailure.CLIENT_NOT_ALLOWED, ManageFailure.AUTHENTICATION_TOO_WEAK, ManageFailure.AUTHENTICATION_TOO_OLD,
                ManageFailure.DEVICE_ID_MISSING, ManageFailure.DEVICE_ID_INVALID, ManageFailure.DEVICE_NOT_REGISTERED);
        for (ManageFailure failure : ManageFailure.values()) {
            if (failure == ManageFailure.WRONG_METHOD) {
                DocumentedAnswers.assertDocumented("get", PIN, ManageAnswers.failure(failure, "POST", 300));
                DocumentedAnswers.assertDocumented("delete", PIN, ManageAnswers.failure(failure, "POST", 300));
                DocumentedAnswers.assertDocumented("put", DEVICE, ManageAnswers.failure(failure, "POST, DELETE", 300));
                continue;
            }
            assertThat(either.contains(failure) || pinOnly.contains(failure) || deviceOnly.contains(failure)).as(failure.name()).isTrue();
            if (!deviceOnly.contains(failure)) {
                DocumentedAnswers.assertDocumented("post", PIN, ManageAnswers.failure(failure, "POST", 300));
            }
            if (!pinOnly.contains(failure) && failure != ManageFailure.DEVICE_NOT_REGISTERED) {
                DocumentedAnswers.assertDocumented("post", DEVICE, ManageAnswers.failure(failure, "POST, DELETE", 300));
            }
            if (removal.contains(failure)) {
                DocumentedAnswers.assertDocumented("delete", DEVICE, ManageAnswers.failure(failure, "POST, DELETE", 300));
            }
        }
        DocumentedAnswers.assertDocumented("post", PIN, ManageAnswers.success(Map.of("msg", SetPinEndpoint.RESET_MESSAGE)));
        DocumentedAnswers.assertDocumented("delete", DEVICE, ManageAnswers.success(
                Map.of("msg", RegisterDeviceEndpoint.REMOVED_MESSAGE, "deviceId", "anid:abc")));
        DocumentedAnswers.assertDocumented("post", PIN, ManageAnswers.success(Map.of("msg", SetPinEndpoint.SET_MESSAGE)));
        DocumentedAnswers.assertDocumented("post", PIN, ManageAnswers.success(Map.of("msg", SetPinEndpoint.CHANGED_MESSAGE)));
        DocumentedAnswers.assertDocumented("post", DEVICE, ManageAnswers.success(RegisterDeviceEndpoint.registered("anid:abc", true)));
    }
}
