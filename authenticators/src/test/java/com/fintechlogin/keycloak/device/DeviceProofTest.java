package com.fintechlogin.keycloak.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class DeviceProofTest {

    private static final String SAMPLE_ID = "anid:lIWuLfmQ7Qmb+Ond5gzXdtMvxyX8EnevuDO/Ggpl7S8=:f3bb";
    private static final byte[] PEPPER = "it-pepper-6b0f3c1e9a7d4e2f8c5b1a0d3e6f9c2b".getBytes(StandardCharsets.UTF_8);

    private static KeyPair p256() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String sign(KeyPair keys, byte[] statement) throws Exception {
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keys.getPrivate());
        signer.update(statement);
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    @Test
    void aDeviceIdIsKeptAsAKeyedHashAndShownAsAFingerprintOfIt() {
        byte[] hash = DeviceIds.hash(PEPPER, SAMPLE_ID);
        byte[] changed = Arrays.copyOf(PEPPER, PEPPER.length);
        changed[0] ^= 1;
        byte[] otherPepper = DeviceIds.hash(changed, SAMPLE_ID);

        assertThat(DeviceIds.same(hash, DeviceIds.hash(PEPPER, SAMPLE_ID))).isTrue();
        assertThat(DeviceIds.same(hash, otherPepper)).as("without the pepper nobody computes it").isFalse();
        assertThat(DeviceIds.same(hash, DeviceIds.hash(PEPPER, SAMPLE_ID.toUpperCase()))).isFalse();
        assertThat(DeviceIds.fingerprint(hash)).matches("[0-9a-f]{8}");
        assertThat(new String(hash, StandardCharsets.ISO_8859_1)).doesNotContain("anid");
    }

    @Test
    void theDocumentsSampleIdIsLongAndVariedEnoughButGuessableIdsAreNot() {
        DeviceSettings defaults = new DeviceSettings(DeviceSettings.DEFAULT_MIN_ID_LENGTH, DeviceSettings.DEFAULT_MIN_ID_DISTINCT,
                false, true, DeviceSettings.SIGNATURE_WINDOW_SECONDS);

        assertThat(SAMPLE_ID).hasSize(54);
        assertThat(defaults.acceptsNewId(SAMPLE_ID)).isTrue();
        assertThat(defaults.acceptsNewId("anid:guessing-own-device-01")).isTrue();
        assertThat(defaults.acceptsNewId("anid:d1")).as("short").isFalse();
        assertThat(defaults.acceptsNewId("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")).as("one character").isFalse();
        assertThat(defaults.acceptsNewId("1212121212121212")).as("two characters").isFalse();
    }

    @Test
    void onlyTheDevicesOwnKeySignsItsStatement() throws Exception {
        KeyPair device = p256();
        KeyPair other = p256();
        String publicKey = DeviceKeys.parse(Base64.getEncoder().encodeToString(device.getPublic().getEncoded()));
        byte[] statement = DeviceKeys.statement("demo", SAMPLE_ID, 1_800_000_000_000L);

        assertThat(DeviceKeys.verifies(publicKey, statement, sign(device, statement))).isTrue();
        assertThat(DeviceKeys.verifies(publicKey, statement, sign(other, statement))).isFalse();
        assertThat(DeviceKeys.verifies(publicKey, DeviceKeys.statement("demo", SAMPLE_ID, 1_800_000_000_001L), sign(device, statement)))
                .as("another time").isFalse();
        assertThat(DeviceKeys.verifies(publicKey, DeviceKeys.statement("other", SAMPLE_ID, 1_800_000_000_000L), sign(device, statement)))
                .as("another realm").isFalse();
        assertThat(DeviceKeys.verifies(publicKey, statement, "not base64!")).isFalse();
        assertThat(DeviceKeys.verifies(publicKey, statement, Base64.getEncoder().encodeToString(new byte[200]))).isFalse();
    }

    @Test
    void aSignatureCanBeReencodedSoSingleUseNamesTheStatementNotTheSignature() throws Exception {
        KeyPair device = p256();
        String publicKey = DeviceKeys.parse(Base64.getEncoder().encodeToString(device.getPublic().getEncoded()));
        byte[] statement = DeviceKeys.statement("demo", SAMPLE_ID, 1_800_000_000_000L);
        String signature = sign(device, statement);

        String malleated = Base64.getEncoder().encodeToString(Signatures.negateS(Base64.getDecoder().decode(signature)));

        assertThat(malleated).isNotEqualTo(signature);
        assertThat(DeviceKeys.verifies(publicKey, statement, malleated)).isTrue();
    }
}
