package com.fintechlogin.keycloak.pin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fintechlogin.keycloak.keys.PinPepper;
import com.fintechlogin.keycloak.pin.dto.PinCredentialData;
import com.fintechlogin.keycloak.pin.dto.PinSecretData;

import org.junit.jupiter.api.Test;
import org.keycloak.credential.CredentialModel;
import org.keycloak.util.JsonSerialization;

class PinCredentialModelTest {

    private static final byte[] PEPPER = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void publicDataNamesAlgorithmLengthAndPepperKeyOnly() throws Exception {
        PinCredentialModel model = PinCredentialProvider.newCredential(PEPPER, PinPepper.VAULT_KEY, "2468");

        assertThat(model.getType()).isEqualTo("pin");
        assertThat(model.getCreatedDate()).isNotNull();
        assertThat(JsonSerialization.readValue(model.getCredentialData(), Map.class))
                .containsOnly(Map.entry("algorithm", "HmacSHA256"), Map.entry("length", 4),
                        Map.entry("pepperVaultKey", "pin-pepper"));
    }

    @Test
    void secretDataHoldsSaltAndHashOnlyNeverThePin() throws Exception {
        PinCredentialModel model = PinCredentialProvider.newCredential(PEPPER, PinPepper.VAULT_KEY, "2468");

        @SuppressWarnings("unchecked")
        Map<String, Object> secret = JsonSerialization.readValue(model.getSecretData(), Map.class);
        assertThat(secret).containsOnlyKeys("salt", "hash");
        assertThat(Base64.getDecoder().decode((String) secret.get("salt"))).hasSize(16);
        assertThat(Base64.getDecoder().decode((String) secret.get("hash"))).hasSize(32);
        assertThat(model.getSecretData()).doesNotContain("2468");
        assertThat(model.getCredentialData()).doesNotContain("salt", "hash");
    }

    @Test
    void storedCredentialReadsBackToTheSameParts() {
        PinCredentialModel made = PinCredentialProvider.newCredential(PEPPER, PinPepper.VAULT_KEY, "135792");
        CredentialModel stored = asStored(made);

        PinCredentialModel read = PinCredentialModel.createFromCredentialModel(stored);

        assertThat(read.getPinCredentialData()).isEqualTo(made.getPinCredentialData());
        assertThat(read.getPinSecretData()).isEqualTo(made.getPinSecretData());
        assertThat(read.getId()).isEqualTo("cred-1");
        assertThat(read.getUserLabel()).isEqualTo("label");
        assertThat(read.getCreatedDate()).isEqualTo(made.getCreatedDate());
        assertThat(read.getCredentialData()).isEqualTo(made.getCredentialData());
        assertThat(read.getSecretData()).isEqualTo(made.getSecretData());
        assertThat(read.isHashed()).isTrue();
    }

    @Test
    void storedCredentialVerifiesItsPinOnly() {
        PinCredentialModel read = PinCredentialModel.createFromCredentialModel(
                asStored(PinCredentialProvider.newCredential(PEPPER, PinPepper.VAULT_KEY, "2468")));

        assertThat(PinCredentialProvider.problemWith(read)).isNull();
        assertThat(PinCredentialProvider.verifies(PEPPER, read, "2468")).isTrue();
        assertThat(PinCredentialProvider.verifies(PEPPER, read, "2469")).isFalse();
    }

    @Test
    void samePinTwiceIsStoredDifferently() {
        PinCredentialModel first = PinCredentialProvider.newCredential(PEPPER, PinPepper.VAULT_KEY, "2468");
        PinCredentialModel second = PinCredentialProvider.newCredential(PEPPER, PinPepper.VAULT_KEY, "2468");

        assertThat(second.getPinSecretData().salt()).isNotEqualTo(first.getPinSecretData().salt());
        assertThat(second.getPinSecretData().hash()).isNotEqualTo(first.getPinSecretData().hash());
    }

    @Test
    void seedFromARealmFileReadsAsAPlainValueNotYetHashed() {
        CredentialModel seed = new CredentialModel();
        seed.setType("pin");
        seed.setSecretData("{\"value\":\"1111\"}");
        seed.setCredentialData("{}");

        PinCredentialModel read = PinCredentialModel.createFromCredentialModel(seed);

        assertThat(read.isHashed()).isFalse();
        assertThat(read.seededPin()).hasValue("1111");
        assertThat(PinCredentialProvider.problemWith(read)).isNotNull();
    }

    @Test
    void seedWithoutCredentialDataReadsToo() {
        CredentialModel seed = new CredentialModel();
        seed.setType("pin");
        seed.setSecretData("{\"value\":\"2468\"}");

        PinCredentialModel read = PinCredentialModel.createFromCredentialModel(seed);

        assertThat(read.getPinCredentialData()).isEqualTo(new PinCredentialData(null, 0, null));
        assertThat(read.seededPin()).hasValue("2468");
    }

    @Test
    void exportedCredentialHasNoSeedValue() {
        PinCredentialModel read = PinCredentialModel.createFromCredentialModel(
                asStored(PinCredentialProvider.newCredential(PEPPER, PinPepper.VAULT_KEY, "2468")));

        assertThat(read.seededPin()).isEmpty();
    }

    @Test
    void unknownFieldsInStoredJsonAreIgnored() {
        CredentialModel stored = new CredentialModel();
        stored.setType("pin");
        stored.setCredentialData("{\"algorithm\":\"HmacSHA256\",\"length\":4,\"pepperVaultKey\":\"pin-pepper\",\"later\":1}");
        stored.setSecretData("{\"salt\":\"AAAAAAAAAAAAAAAAAAAAAA==\",\"hash\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\",\"later\":2}");

        PinCredentialModel read = PinCredentialModel.createFromCredentialModel(stored);

        assertThat(read.isHashed()).isTrue();
        assertThat(PinCredentialProvider.problemWith(read)).isNull();
    }

    @Test
    void unsoundExportsAreNamedWithoutRevealingThem() {
        assertThat(PinCredentialProvider.problemWith(withData("HmacSHA1", 4, "pin-pepper", "AAAAAAAAAAAAAAAAAAAAAA==")))
                .contains("algorithm");
        assertThat(PinCredentialProvider.problemWith(withData("HmacSHA256", 4, "smtp-password", "AAAAAAAAAAAAAAAAAAAAAA==")))
                .contains("pepperVaultKey");
        assertThat(PinCredentialProvider.problemWith(withData("HmacSHA256", 13, "pin-pepper", "AAAAAAAAAAAAAAAAAAAAAA==")))
                .contains("length");
        assertThat(PinCredentialProvider.problemWith(withData("HmacSHA256", 4, "pin-pepper", "AAAA")))
                .contains("size");
        assertThat(PinCredentialProvider.problemWith(withData("HmacSHA256", 4, "pin-pepper", "not base64!")))
                .contains("base64");
    }

    @Test
    void secretPartsDoNotPrintThemselves() {
        assertThat(new PinSecretData("c2FsdA==", "aGFzaA==").toString()).doesNotContain("c2FsdA==", "aGFzaA==");
    }

    private static PinCredentialModel withData(String algorithm, int length, String pepperKey, String salt) {
        PinCredentialModel made = PinCredentialModel.create(new PinCredentialData(algorithm, length, pepperKey),
                new PinSecretData(salt, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
        return PinCredentialModel.createFromCredentialModel(asStored(made));
    }

    /** What Keycloak's store hands back: a plain CredentialModel with the JSON strings. */
    private static CredentialModel asStored(PinCredentialModel made) {
        CredentialModel stored = new CredentialModel();
        stored.setId("cred-1");
        stored.setType(made.getType());
        stored.setUserLabel("label");
        stored.setCreatedDate(made.getCreatedDate());
        stored.setCredentialData(made.getCredentialData());
        stored.setSecretData(made.getSecretData());
        return stored;
    }
}
