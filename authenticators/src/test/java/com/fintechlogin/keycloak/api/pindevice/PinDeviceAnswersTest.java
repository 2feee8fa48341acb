package com.fintechlogin.keycloak.api.pindevice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fintechlogin.keycloak.api.http.ApiCode;
import com.fintechlogin.keycloak.api.openapi.DocumentedAnswers;
import com.fintechlogin.keycloak.login.FailureReason;
import com.fintechlogin.keycloak.login.SignInMode;

import org.junit.jupiter.api.Test;

class PinDeviceAnswersTest {

    private static final String LOGIN = "/onboarding/user/v2/login";
    private static final String PUBLIC_KEY = "/onboarding/user/v1/public-key";

    @Test
    void credentialFailuresAnswerTheirDocumentedCodesAndTheRestStaysOpaque() {
        assertThat(PinDeviceAnswers.code(FailureReason.CREDENTIAL_NOT_SET)).isEqualTo(new ApiCode(401, "ONB027", "Pin not set"));
        assertThat(PinDeviceAnswers.code(FailureReason.DEVICE_NOT_REGISTERED))
                .isEqualTo(new ApiCode(401, "ONB026", "Login with registered device"));
        assertThat(PinDeviceAnswers.code(FailureReason.USER_LOCKED)).isEqualTo(new ApiCode(401, "ONB028", "Pin Locked"));
        assertThat(PinDeviceAnswers.code(FailureReason.REPLAYED)).isEqualTo(new ApiCode(401, "ONB031", "Request already processed"));
        assertThat(PinDeviceAnswers.code(FailureReason.UNKNOWN_USER)).isEqualTo(PinDeviceAnswers.NOT_PROCESSED);
        assertThat(PinDeviceAnswers.code(FailureReason.AMBIGUOUS_USER)).isEqualTo(PinDeviceAnswers.FAULT);
        assertThat(PinDeviceAnswers.code(FailureReason.BODY_TOO_LARGE)).isEqualTo(new ApiCode(413, "ONB030", "Invalid request"));
    }

    @Test
    void everyLoginAnswerIsOneTheOpenApiDocumentGives() {
        List<String> fields = new ArrayList<>(PinDeviceAnswers.FIELD_CODES.keySet());
        fields.add(PinDeviceLoginRequest.BODY);
        fields.add(null);
        for (FailureReason reason : FailureReason.values()) {
            for (String field : fields) {
                DocumentedAnswers.assertDocumented(reason == FailureReason.WRONG_METHOD ? "patch" : "post", LOGIN,
                        DocumentedAnswers.asSent(reason, PinDeviceAnswers.failure(reason, field)));
            }
        }
        DocumentedAnswers.assertDocumented("post", LOGIN, PinDeviceAnswers.loginSuccess(
                PinDeviceLoginRequest.successMessage(SignInMode.PIN), "tok", 1_700_000_000_000L, true));
        DocumentedAnswers.assertDocumented("post", LOGIN, PinDeviceAnswers.loginSuccess(
                PinDeviceLoginRequest.successMessage(SignInMode.DEVICE), "tok", 1_700_000_000_000L, false));
    }

    @Test
    void everyPublicKeyAnswerIsOneTheOpenApiDocumentGives() {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("keyRef", "kid-1");
        key.put("publicKey", "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA");
        key.put("algorithm", "RSA-OAEP-256");

        DocumentedAnswers.assertDocumented("get", PUBLIC_KEY, PinDeviceAnswers.success(key));
        DocumentedAnswers.assertDocumented("get", PUBLIC_KEY, PinDeviceAnswers.failure(FailureReason.NOT_CONFIGURED, null));
        DocumentedAnswers.assertDocumented("post", PUBLIC_KEY, PinDeviceAnswers.failure(FailureReason.WRONG_METHOD, null));
    }
}
