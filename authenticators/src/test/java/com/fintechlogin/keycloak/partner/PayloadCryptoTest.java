package com.fintechlogin.keycloak.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class PayloadCryptoTest {

    private static final HexFormat HEX = HexFormat.of();

    private static byte[] hex(String hex) {
        return HEX.parseHex(hex);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    // --- HMAC-SHA256 ----------------------------------------------------------------------------------------------

    @Test
    void hmacIsHmacSha256OfTheUtf8Text() {
        // RFC 4231, test case 1.
        byte[] key = new byte[20];
        Arrays.fill(key, (byte) 0x0b);

        assertThat(HEX.formatHex(PayloadCrypto.hmacSha256(key, "Hi There")))
                .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    }

    @Test
    void hmacMatchesOnlyTheExactHmacInEitherBase64Alphabet() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        byte[] hmac = PayloadCrypto.hmacSha256(key, "c2VjcmV0+/=");
        byte[] tampered = hmac.clone();
        tampered[31] ^= 1;

        assertThat(PayloadCrypto.hmacMatches(key, "c2VjcmV0+/=", base64(hmac))).isTrue();
        assertThat(PayloadCrypto.hmacMatches(key, "c2VjcmV0+/=", Base64.getUrlEncoder().withoutPadding().encodeToString(hmac))).isTrue();
        assertThat(PayloadCrypto.hmacMatches(key, "c2VjcmV0+/=", base64(tampered))).isFalse();
        assertThat(PayloadCrypto.hmacMatches(key, "c2VjcmV0+/= ", base64(hmac))).as("over the text exactly as sent").isFalse();
        assertThat(PayloadCrypto.hmacMatches(key, "c2VjcmV0+/=", base64(Arrays.copyOf(hmac, 16)))).as("truncated").isFalse();
        assertThat(PayloadCrypto.hmacMatches(key, "c2VjcmV0+/=", HEX.formatHex(hmac))).as("hex is not base64 of it").isFalse();
        assertThat(PayloadCrypto.hmacMatches(key, "c2VjcmV0+/=", "not base64!")).isFalse();
        assertThat(PayloadCrypto.hmacMatches(key, "c2VjcmV0+/=", "")).isFalse();
    }

    // --- base64 ---------------------------------------------------------------------------------------------------

    @Test
    void base64InEitherAlphabetWithOrWithoutPaddingAndNothingElse() {
        byte[] bytes = {(byte) 0xfb, (byte) 0xff, (byte) 0xbf, 0x01};

        assertThat(PayloadCrypto.decodeBase64("+/+/AQ==")).isEqualTo(bytes);
        assertThat(PayloadCrypto.decodeBase64("+/+/AQ")).isEqualTo(bytes);
        assertThat(PayloadCrypto.decodeBase64("-_-_AQ==")).isEqualTo(bytes);
        assertThat(PayloadCrypto.decodeBase64("-_-_AQ")).isEqualTo(bytes);
        assertThat(PayloadCrypto.decodeBase64("+/+/ AQ==")).isNull();
        assertThat(PayloadCrypto.decodeBase64("+/+/\nAQ==")).isNull();
        assertThat(PayloadCrypto.decodeBase64("+/-_AQ==")).as("mixed alphabets").isNull();
        assertThat(PayloadCrypto.decodeBase64("A")).isNull();
        assertThat(PayloadCrypto.decodeBase64(null)).isNull();
    }

    // --- AES-256-GCM ----------------------------------------------------------------------------------------------

    /** NIST GCM test case 14 (McGrew and Viega): AES-256, zero key and IV, one zero block. */
    private static final byte[] GCM_KEY = new byte[32];
    private static final byte[] GCM_IV = new byte[12];
    private static final byte[] GCM_CIPHERTEXT_AND_TAG = hex("cea7403d4d606b6e074ec5d3baf39d18" + "d0d1c8a799996bf0265b98b5d48ab919");

    @Test
    void gcmDecryptsTheNistVectorWithTheTagAppended() {
        PayloadCrypto.Decryption decryption = PayloadCrypto.decrypt(AesMode.GCM, GCM_KEY, GCM_IV, GCM_CIPHERTEXT_AND_TAG);

        assertThat(decryption).isInstanceOfSatisfying(PayloadCrypto.Decrypted.class,
                decrypted -> assertThat(decrypted.plaintext()).isEqualTo(new byte[16]));
    }

    @Test
    void gcmRefusesAnyChangedByteAsABadTag() {
        for (int i = 0; i < GCM_CIPHERTEXT_AND_TAG.length; i++) {
            byte[] tampered = GCM_CIPHERTEXT_AND_TAG.clone();
            tampered[i] ^= 0x01;
            assertThat(PayloadCrypto.decrypt(AesMode.GCM, GCM_KEY, GCM_IV, tampered)).as("byte " + i)
                    .isEqualTo(new PayloadCrypto.NotDecrypted(PayloadRefusal.TAG_MISMATCH));
        }
        byte[] otherIv = GCM_IV.clone();
        otherIv[0] = 1;
        assertThat(PayloadCrypto.decrypt(AesMode.GCM, GCM_KEY, otherIv, GCM_CIPHERTEXT_AND_TAG))
                .isEqualTo(new PayloadCrypto.NotDecrypted(PayloadRefusal.TAG_MISMATCH));
        byte[] otherKey = GCM_KEY.clone();
        otherKey[31] = 1;
        assertThat(PayloadCrypto.decrypt(AesMode.GCM, otherKey, GCM_IV, GCM_CIPHERTEXT_AND_TAG))
                .isEqualTo(new PayloadCrypto.NotDecrypted(PayloadRefusal.TAG_MISMATCH));
    }

    @Test
    void gcmCiphertextShorterThanATagIsMalformed() {
        assertThat(PayloadCrypto.decrypt(AesMode.GCM, GCM_KEY, GCM_IV, new byte[15]))
                .isEqualTo(new PayloadCrypto.NotDecrypted(PayloadRefusal.CIPHERTEXT_MALFORMED));
    }

    // --- AES-256-CBC ----------------------------------------------------------------------------------------------

    /** NIST SP 800-38A, F.2.5 (CBC-AES256): key, IV, first plaintext and ciphertext block. */
    private static final byte[] CBC_KEY = hex("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4");
    private static final byte[] CBC_IV = hex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] CBC_PLAINTEXT = hex("6bc1bee22e409f96e93d7e117393172a");
    private static final byte[] CBC_FIRST_BLOCK = hex("f58c4c04d6e5f1ba779eabfb5f7bfbd6");

    /** The vector's block followed by a full PKCS#7 padding block, as a partner's library encrypts it. */
    private static byte[] cbcCiphertext() throws Exception {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(CBC_KEY, "AES"), new IvParameterSpec(CBC_IV));
        byte[] ciphertext = cipher.doFinal(CBC_PLAINTEXT);
        assertThat(Arrays.copyOf(ciphertext, 16)).isEqualTo(CBC_FIRST_BLOCK);
        assertThat(ciphertext).hasSize(32);
        return ciphertext;
    }

    @Test
    void cbcDecryptsAndRemovesThePkcs7Padding() throws Exception {
        assertThat(PayloadCrypto.decrypt(AesMode.CBC, CBC_KEY, CBC_IV, cbcCiphertext()))
                .isInstanceOfSatisfying(PayloadCrypto.Decrypted.class, d -> assertThat(d.plaintext()).isEqualTo(CBC_PLAINTEXT));
    }

    @Test
    void cbcWithWrongPaddingOrLengthIsRefused() throws Exception {
        byte[] badPadding = cbcCiphertext();
        // The last plaintext byte is the previous ciphertext block's last byte XOR D(last block): 0x10 becomes 0x11.
        badPadding[15] ^= 0x01;

        assertThat(PayloadCrypto.decrypt(AesMode.CBC, CBC_KEY, CBC_IV, badPadding))
                .isEqualTo(new PayloadCrypto.NotDecrypted(PayloadRefusal.BAD_PADDING));
        assertThat(PayloadCrypto.decrypt(AesMode.CBC, CBC_KEY, CBC_IV, Arrays.copyOf(cbcCiphertext(), 31)))
                .isEqualTo(new PayloadCrypto.NotDecrypted(PayloadRefusal.CIPHERTEXT_MALFORMED));
        assertThat(PayloadCrypto.decrypt(AesMode.CBC, CBC_KEY, CBC_IV, new byte[0]))
                .isEqualTo(new PayloadCrypto.NotDecrypted(PayloadRefusal.CIPHERTEXT_MALFORMED));
    }

    @Test
    void theIvLengthSelectsTheModeAndOnlyAes256Keys() {
        assertThat(AesMode.forIvLength(12)).isEqualTo(AesMode.GCM);
        assertThat(AesMode.forIvLength(16)).isEqualTo(AesMode.CBC);
        assertThat(AesMode.forIvLength(0)).isNull();
        assertThat(AesMode.forIvLength(8)).isNull();
        assertThat(AesMode.forIvLength(32)).isNull();
        assertThatThrownBy(() -> PayloadCrypto.decrypt(AesMode.GCM, new byte[16], GCM_IV, GCM_CIPHERTEXT_AND_TAG))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PayloadCrypto.decrypt(AesMode.CBC, CBC_KEY, GCM_IV, new byte[16]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decryptedNeverPrintsThePlaintext() {
        String printed = new PayloadCrypto.Decrypted("{\"password\":\"s3cret\"}".getBytes(StandardCharsets.UTF_8)).toString();

        assertThat(printed).doesNotContain("s3cret");
    }
}
