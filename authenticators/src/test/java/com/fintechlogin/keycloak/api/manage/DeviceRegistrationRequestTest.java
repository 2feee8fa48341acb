package com.fintechlogin.keycloak.api.manage;

import com.fintechlogin.keycloak.device.DeviceCredentialProvider;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.fintechlogin.keycloak.json.LenientJson;
import com.fintechlogin.keycloak.json.Parsed;

import org.junit.jupiter.api.Test;

class DeviceRegistrationRequestTest {

    private static final String SAMPLE_DEVICE = "anid:lIWuLfmQ7Qmb+Ond5gzXdtMvxyX8EnevuDO/Ggpl7S8=:f3bb";

    private static Parsed<DeviceRegistrationRequest, ManageFailure> parse(String json) {
        return DeviceRegistrationRequest.parse(LenientJson.parseObject(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static Parsed<DeviceRegistrationRequest, ManageFailure> valid(String deviceId, boolean simBinding) {
        return new Parsed.Valid<>(new DeviceRegistrationRequest(deviceId, simBinding, null, null));
    }

    @Test
    void readsTheSampleDeviceIdAndABooleanFlag() {
        assertThat(parse("{\"deviceId\": \"" + SAMPLE_DEVICE + "\", \"simBindingEnabled\": true}")).isEqualTo(valid(SAMPLE_DEVICE, true));
        assertThat(parse("{\"deviceId\": \"d1\", \"simBindingEnabled\": false,}")).isEqualTo(valid("d1", false));
    }

    @Test
    void readsTheFlagSentAsAStringInAnyCase() {
        assertThat(parse("{\"deviceId\": \"d1\", \"simBindingEnabled\": \"true\"}")).isEqualTo(valid("d1", true));
        assertThat(parse("{\"deviceId\": \"d1\", \"simBindingEnabled\": \" TRUE \"}")).isEqualTo(valid("d1", true));
        assertThat(parse("{\"deviceId\": \"d1\", \"simBindingEnabled\": \"False\"}")).isEqualTo(valid("d1", false));
    }

    @Test
    void anAbsentOrNullFlagMeansBindingIsNotComplete() {
        assertThat(parse("{\"deviceId\": \"d1\"}")).isEqualTo(valid("d1", false));
        assertThat(parse("{\"deviceId\": \"d1\", \"simBindingEnabled\": null}")).isEqualTo(valid("d1", false));
    }

    @Test
    void refusesAFlagThatIsNotTrueOrFalse() {
        for (String flag : new String[] {"1", "0", "\"yes\"", "\"\"", "{}", "[true]"}) {
            assertThat(parse("{\"deviceId\": \"d1\", \"simBindingEnabled\": " + flag + "}")).as(flag)
                    .isEqualTo(new Parsed.Invalid<>(ManageFailure.SIM_BINDING_INVALID));
        }
    }

    @Test
    void aMissingBlankOrStructuredDeviceIdIsMissing() {
        for (String body : new String[] {"{}", "{\"deviceId\": \"\"}", "{\"deviceId\": \"   \"}", "{\"deviceId\": null}",
                "{\"deviceId\": {\"id\": \"d1\"}}"}) {
            assertThat(parse(body)).as(body).isEqualTo(new Parsed.Invalid<>(ManageFailure.DEVICE_ID_MISSING));
        }
    }

    @Test
    void acceptsDeviceIdsUpTo255Characters() {
        String longest = "d".repeat(DeviceCredentialProvider.MAX_DEVICE_ID_LENGTH);

        assertThat(parse("{\"deviceId\": \"" + longest + "\"}")).isEqualTo(valid(longest, false));
        assertThat(parse("{\"deviceId\": \"" + longest + "d\"}"))
                .isEqualTo(new Parsed.Invalid<>(ManageFailure.DEVICE_ID_INVALID));
    }

    @Test
    void refusesDeviceIdsWithControlCharactersOrSurroundingSpaces() {
        for (String deviceId : new String[] {"d\\u0000 1", "d1\\n", " d1", "d1 "}) {
            assertThat(parse("{\"deviceId\": \"" + deviceId + "\"}")).as(deviceId)
                    .isEqualTo(new Parsed.Invalid<>(ManageFailure.DEVICE_ID_INVALID));
        }
    }

    @Test
    void readsTheCurrentPinAsSentForTheEndpointToCheck() {
        assertThat(parse("{\"deviceId\": \"d1\", \"pin\": \"2580\"}"))
                .isEqualTo(new Parsed.Valid<>(new DeviceRegistrationRequest("d1", false, "2580", null)));
        assertThat(parse("{\"deviceId\": \"d1\", \"pin\": 2580}"))
                .isEqualTo(new Parsed.Valid<>(new DeviceRegistrationRequest("d1", false, "2580", null)));
    }

    @Test
    void readsAP256PublicKeyAndRefusesAnyOtherKeyOrJunk() throws Exception {
        java.security.KeyPairGenerator ec = java.security.KeyPairGenerator.getInstance("EC");
        ec.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        String p256 = java.util.Base64.getEncoder().encodeToString(ec.generateKeyPair().getPublic().getEncoded());
        java.security.KeyPairGenerator p384 = java.security.KeyPairGenerator.getInstance("EC");
        p384.initialize(new java.security.spec.ECGenParameterSpec("secp384r1"));
        String other = java.util.Base64.getEncoder().encodeToString(p384.generateKeyPair().getPublic().getEncoded());

        assertThat(parse("{\"deviceId\": \"d1\", \"publicKey\": \"" + p256 + "\"}"))
                .isEqualTo(new Parsed.Valid<>(new DeviceRegistrationRequest("d1", false, null, p256)));
        for (String key : new String[] {other, "bm90IGEga2V5", "%%%"}) {
            assertThat(parse("{\"deviceId\": \"d1\", \"publicKey\": \"" + key + "\"}")).as(key)
                    .isEqualTo(new Parsed.Invalid<>(ManageFailure.DEVICE_KEY_INVALID));
        }
    }

    @Test
    void neverPrintsTheCurrentPin() {
        assertThat(new DeviceRegistrationRequest("d1", false, "2580", null).toString()).doesNotContain("2580");
    }

    @Test
    void aRemovalReadsTheDeviceIdAsARegistrationDoes() {
        assertThat(DeviceRegistrationRequest.deviceId(LenientJson.parseObject("{\"deviceId\": \"d1\"}".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(new Parsed.Valid<>("d1"));
        assertThat(DeviceRegistrationRequest.deviceId(LenientJson.parseObject("{}".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(new Parsed.Invalid<>(ManageFailure.DEVICE_ID_MISSING));
    }

    @Test
    void readsADeviceIdSentAsANumber() {
        assertThat(parse("{\"deviceId\": 12345}")).isEqualTo(valid("12345", false));
    }
}
