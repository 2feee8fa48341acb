package com.fintechlogin.keycloak.api.onboarding;

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

class OnboardingAnswersTest {

    private static final String LOGIN = "/onboarding/user/v2/login";
    private static final String PUBLIC_KEY = "/onboarding/user/v1/public-key";

    @Test
    void credentialFailuresAnswerTheirDocumentedCodesAndTheRestStaysOpaque() {
        assertThat(OnboardingAnswers.code(FailureReason.CREDENTIAL_NOT_SET)).isEqualTo(new ApiCode(401, "ONB027", "Pin not set"));
        assertThat(OnboardingAnswers.code(FailureReason.DEVICE_NOT_REGISTERED))
                .isEqualTo(new ApiCode(401, "ONB026", "Login with registered device"));
        assertThat(OnboardingAnswers.code(FailureReason.USER_LOCKED)).isEqualTo(new ApiCode(401, "ONB028", "Pin Locked"));
        assertThat(OnboardingAnswers.code(FailureReason.REPLAYED)).isEqualTo(new ApiCode(401, "ONB031", "Request already processed"));
        assertThat(OnboardingAnswers.code(FailureReason.UNKNOWN_USER)).isEqualTo(OnboardingAnswers.NOT_PROCESSED);
        assertThat(OnboardingAnswers.code(FailureReason.AMBIGUOUS_USER)).isEqualTo(OnboardingAnswers.FAULT);
        assertThat(OnboardingAnswers.code(FailureReason.BODY_TOO_LARGE)).isEqualTo(new ApiCode(413, "ONB030", "Invalid request"));
    }

    @Test
    void everyLoginAnswerIsOneTheOpenApiDocumentGives() {
        List<String> fields = new ArrayList<>(OnboardingAnswers.FIELD_CODES.keySet());
        fields.add(OnboardingLoginRequest.BODY);
        fields.add(null);
        for (FailureReason reason : FailureReason.values()) {
            for (String field : fields) {
                DocumentedAnswers.assertDocumented(reason == FailureReason.WRONG_METHOD ? "patch" : "post", LOGIN,
                        OnboardingAnswers.failure(reason, field));
            }
        }
        DocumentedAnswers.assertDocumented("post", LOGIN, OnboardingAnswers.loginSuccess(
                OnboardingLoginRequest.successMessage(SignInMode.PIN), "tok", 1_700_000_000_000L, true));
        DocumentedAnswers.assertDocumented("post", LOGIN, OnboardingAnswers.loginSuccess(
                OnboardingLoginRequest.successMessage(SignInMode.DEVICE), "tok", 1_700_000_000_000L, false));
    }

    @Test
    void everyPublicKeyAnswerIsOneTheOpenApiDocumentGives() {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("keyRef", "kid-1");
        key.put("publicKey", "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA");
        key.put("algorithm", "RSA-OAEP-256");

        DocumentedAnswers.assertDocumented("get", PUBLIC_KEY, OnboardingAnswers.success(key));
        DocumentedAnswers.assertDocumented("get", PUBLIC_KEY, OnboardingAnswers.failure(FailureReason.NOT_CONFIGURED, null));
        DocumentedAnswers.assertDocumented("post", PUBLIC_KEY, OnboardingAnswers.failure(FailureReason.WRONG_METHOD, null));
    }
}
