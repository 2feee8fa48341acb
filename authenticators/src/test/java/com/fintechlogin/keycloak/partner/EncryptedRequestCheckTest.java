package com.fintechlogin.keycloak.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole scheme without a server: requests are made here as a partner makes them (JDK crypto alone), and the
 * realm's keys and single-use store are stand-ins.
 */
class EncryptedRequestCheckTest {

    private static final String REALM = "realm-id";
    private static final long NOW = 1_700_000_000_000L;
    private static final PartnerSettings GCM_ONLY = new PartnerSettings("partner-api", "partner", true, 300, false);
    private static final PartnerSettings CBC_TOO = new PartnerSettings("partner-api", "partner", true, 300, true);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final OAEPParameterSpec OAEP_256 =
            new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);

    private static KeyPair active;
    private static KeyPair passive;

    @BeforeAll
    static void realmKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        active = generator.generateKeyPair();
        passive = generator.generateKeyPair();
    }

    /** The realm's keys by id: "active" (used when no keyRef is sent) and "passive" (rotated out, still there). */
    private final Map<String, PrivateKey> realmKeys = Map.of("active", active.getPrivate(), "passive", passive.getPrivate());
    private final List<byte[]> unwrappedKeys = new ArrayList<>();
    private int unwraps;

    private final EncryptedRequestCheck.Keys keys = new EncryptedRequestCheck.Keys() {
        @Override
        public Optional<byte[]> unwrap(String keyRef, byte[] wrappedKey) {
            unwraps++;
            PrivateKey key = realmKeys.get(keyRef == null ? "active" : keyRef);
            if (key == null) {
                return Optional.empty();
            }
            try {
                Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
                cipher.init(Cipher.DECRYPT_MODE, key, OAEP_256);
                byte[] plaintext = cipher.doFinal(wrappedKey);
                unwrappedKeys.add(plaintext);
                return Optional.of(plaintext);
            } catch (GeneralSecurityException notOurs) {
                return Optional.empty();
            }
        }

        @Override
        public boolean exists(String keyRef) {
            return realmKeys.containsKey(keyRef == null ? "active" : keyRef);
        }
    };

    /** The single-use store: one map, as every node shares it. */
    private final Map<String, Long> claimed = new HashMap<>();

    private final EncryptedRequestCheck check = new EncryptedRequestCheck(keys,
            (key, lifespan) -> claimed.putIfAbsent(key, lifespan) == null, () -> NOW);

    // --- the partner's side, from the API reference's description ---------------------------------------------------

    /** A request and the AES key it was made with (what only the partner knows). */
    private record Sent(EncryptedRequest request, byte[] key) {
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String payload(String userName, String password, long timestamp) {
        return "{\"userName\":\"" + userName + "\",\"password\":\"" + password + "\",\"timestamp\":" + timestamp + "}";
    }

    private static byte[] wrap(PublicKey publicKey, byte[] key) throws GeneralSecurityException {
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
        rsa.init(Cipher.ENCRYPT_MODE, publicKey, OAEP_256);
        return rsa.doFinal(key);
    }

    private static byte[] aes(byte[] key, byte[] iv, byte[] plaintext) throws GeneralSecurityException {
        Cipher aes = iv.length == 12 ? Cipher.getInstance("AES/GCM/NoPadding") : Cipher.getInstance("AES/CBC/PKCS5Padding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"),
                iv.length == 12 ? new GCMParameterSpec(128, iv) : new IvParameterSpec(iv));
        return aes.doFinal(plaintext);
    }

    private static String hmac(byte[] key, String text) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return b64(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Fresh K and IV; K wrapped with {@code publicKey}; the plaintext encrypted; the HMAC over encryptData. */
    private static Sent send(PublicKey publicKey, String keyRef, int ivLength, String plaintext) throws GeneralSecurityException {
        byte[] key = random(32);
        byte[] iv = random(ivLength);
        String encryptData = b64(aes(key, iv, plaintext.getBytes(StandardCharsets.UTF_8)));
        return new Sent(new EncryptedRequest(b64(wrap(publicKey, key)), keyRef, b64(iv), hmac(key, encryptData), encryptData), key);
    }

    private static Sent gcm(String plaintext) throws GeneralSecurityException {
        return send(active.getPublic(), null, 12, plaintext);
    }

    private static Sent gcm() throws GeneralSecurityException {
        return gcm(payload("bocmuser1", "Bocm-Pass-003", NOW - 1_000));
    }

    private static EncryptedRequest with(EncryptedRequest r, String keyValue, String keyRef, String ivValue, String hmac, String data) {
        return new EncryptedRequest(keyValue, keyRef, ivValue, hmac, data);
    }

    /** The base64 text with the byte at {@code index} of what it encodes changed. */
    private static String tamper(String base64, int index) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        bytes[index] ^= 0x01;
        return b64(bytes);
    }

    private EncryptedRequestCheck.Outcome check(PartnerSettings settings, EncryptedRequest request) {
        return check.check(REALM, settings, request);
    }

    private static EncryptedRequestCheck.Refused refused(PayloadRefusal refusal) {
        return new EncryptedRequestCheck.Refused(refusal);
    }

    // --- accepted ---------------------------------------------------------------------------------------------------

    @Test
    void acceptsGcmAndHandsOverTheLogin() throws Exception {
        EncryptedRequestCheck.Outcome outcome = check(GCM_ONLY, gcm().request());

        assertThat(outcome).isEqualTo(new EncryptedRequestCheck.Accepted(new PartnerLogin("bocmuser1", "Bocm-Pass-003", NOW - 1_000)));
        assertThat(claimed).hasSize(1).containsValue(600L);
    }

    @Test
    void acceptsCbcWhereTheRealmAllowsIt() throws Exception {
        Sent cbc = send(active.getPublic(), null, 16, payload("bocmuser1", "pw", NOW));

        assertThat(check(CBC_TOO, cbc.request())).isInstanceOf(EncryptedRequestCheck.Accepted.class);
    }

    @Test
    void refusesCbcWhereTheRealmDoesNotAllowIt() throws Exception {
        Sent cbc = send(active.getPublic(), null, 16, payload("bocmuser1", "pw", NOW));

        assertThat(check(GCM_ONLY, cbc.request())).isEqualTo(refused(PayloadRefusal.CBC_NOT_ALLOWED));
    }

    @Test
    void aKeyRotatedToPassiveStillUnwrapsWhenNamedByKeyRef() throws Exception {
        Sent named = send(passive.getPublic(), "passive", 12, payload("u", "p", NOW));
        Sent unnamed = send(passive.getPublic(), null, 12, payload("u", "p", NOW));

        assertThat(check(GCM_ONLY, named.request())).isInstanceOf(EncryptedRequestCheck.Accepted.class);
        assertThat(check(GCM_ONLY, unnamed.request())).as("without keyRef the active key is tried")
                .isEqualTo(refused(PayloadRefusal.KEY_NOT_DECRYPTED));
    }

    @Test
    void acceptsTheUrlSafeAlphabetAndLineBreaksInEncryptDataCoveredByTheHmac() throws Exception {
        byte[] key = random(32);
        byte[] iv = random(12);
        String base64 = b64(aes(key, iv, payload("u", "p", NOW).getBytes(StandardCharsets.UTF_8)));
        String wrapped = base64.substring(0, 20) + "\r\n" + base64.substring(20);
        EncryptedRequest request = new EncryptedRequest(Base64.getUrlEncoder().withoutPadding().encodeToString(wrap(active.getPublic(), key)),
                null, Base64.getUrlEncoder().encodeToString(iv), hmac(key, wrapped), wrapped);

        assertThat(check(GCM_ONLY, request)).isInstanceOf(EncryptedRequestCheck.Accepted.class);
    }

    @Test
    void withoutRequiredTimestampsAPayloadWithoutOneIsAcceptedAndTheKeyRememberedForTheWindow() throws Exception {
        PartnerSettings noTimestamps = new PartnerSettings("partner-api", "partner", false, 300, false);

        assertThat(check(noTimestamps, gcm("{\"userName\":\"u\",\"password\":\"p\"}").request()))
                .isEqualTo(new EncryptedRequestCheck.Accepted(new PartnerLogin("u", "p", null)));
        assertThat(claimed).containsValue(300L);
        assertThat(check(noTimestamps, gcm(payload("u", "p", NOW - 3_600_000)).request()))
                .as("an old timestamp is not checked then").isInstanceOf(EncryptedRequestCheck.Accepted.class);
    }

    // --- keyValue ---------------------------------------------------------------------------------------------------

    @Test
    void aKeyValueThatIsNotBase64IsRefusedAfterTheSamePrivateKeyOperation() throws Exception {
        EncryptedRequest r = gcm().request();

        assertThat(check(GCM_ONLY, with(r, "not base64!", null, r.ivValue(), r.hmac(), r.encryptData())))
                .isEqualTo(refused(PayloadRefusal.KEY_VALUE_MALFORMED));
        assertThat(unwraps).isEqualTo(1);
    }

    @Test
    void aTamperedKeyValueDoesNotDecrypt() throws Exception {
        EncryptedRequest r = gcm().request();

        assertThat(check(GCM_ONLY, with(r, tamper(r.keyValue(), 100), null, r.ivValue(), r.hmac(), r.encryptData())))
                .isEqualTo(refused(PayloadRefusal.KEY_NOT_DECRYPTED));
        assertThat(claimed).isEmpty();
    }

    @Test
    void aKeyRefNamingNoKeyIsAnUnknownKey() throws Exception {
        EncryptedRequest r = gcm().request();

        assertThat(check(GCM_ONLY, with(r, r.keyValue(), "deleted", r.ivValue(), r.hmac(), r.encryptData())))
                .isEqualTo(refused(PayloadRefusal.UNKNOWN_KEY));
    }

    @Test
    void aWrappedKeyOfAnotherLengthThanAes256IsRefused() throws Exception {
        byte[] key = random(16);
        byte[] iv = random(12);
        String encryptData = b64(aes(key, iv, payload("u", "p", NOW).getBytes(StandardCharsets.UTF_8)));
        EncryptedRequest aes128 = new EncryptedRequest(b64(wrap(active.getPublic(), key)), null, b64(iv), hmac(key, encryptData), encryptData);

        assertThat(check(GCM_ONLY, aes128)).isEqualTo(refused(PayloadRefusal.KEY_LENGTH));
    }

    // --- hmac, verified before anything is decrypted ------------------------------------------------------------------

    @Test
    void aTamperedHmacOrEncryptDataIsAnHmacMismatchAndSpendsNothing() throws Exception {
        EncryptedRequest r = gcm().request();
        String changedData = tamper(r.encryptData(), 3);

        assertThat(check(GCM_ONLY, with(r, r.keyValue(), null, r.ivValue(), tamper(r.hmac(), 0), r.encryptData())))
                .isEqualTo(refused(PayloadRefusal.HMAC_MISMATCH));
        assertThat(check(GCM_ONLY, with(r, r.keyValue(), null, r.ivValue(), r.hmac(), changedData)))
                .isEqualTo(refused(PayloadRefusal.HMAC_MISMATCH));
        assertThat(check(GCM_ONLY, with(r, r.keyValue(), null, r.ivValue(), "not base64!", r.encryptData())))
                .isEqualTo(refused(PayloadRefusal.HMAC_MISMATCH));
        assertThat(check(GCM_ONLY, with(r, r.keyValue(), null, r.ivValue(), r.hmac(), r.encryptData() + " ")))
                .as("over encryptData exactly as sent").isEqualTo(refused(PayloadRefusal.HMAC_MISMATCH));
        assertThat(claimed).as("a forged request does not spend the genuine one's marker").isEmpty();

        assertThat(check(GCM_ONLY, r)).isInstanceOf(EncryptedRequestCheck.Accepted.class);
    }

    // --- ivValue and encryptData, after the HMAC ----------------------------------------------------------------------

    @Test
    void aTamperedGcmIvFailsTheTag() throws Exception {
        EncryptedRequest r = gcm().request();

        assertThat(check(GCM_ONLY, with(r, r.keyValue(), null, tamper(r.ivValue(), 5), r.hmac(), r.encryptData())))
                .isEqualTo(refused(PayloadRefusal.TAG_MISMATCH));
    }

    @Test
    void aTamperedCbcIvGarblesTheFirstBlockWhichIsThenNoJson() throws Exception {
        EncryptedRequest r = send(active.getPublic(), null, 16, payload("bocmuser1", "pw", NOW)).request();

        assertThat(check(CBC_TOO, with(r, r.keyValue(), null, tamper(r.ivValue(), 0), r.hmac(), r.encryptData())))
                .isEqualTo(refused(PayloadRefusal.PLAINTEXT_MALFORMED));
    }

    @Test
    void anIvOfAnotherLengthOrNotBase64IsMalformed() throws Exception {
        for (String iv : List.of(b64(new byte[10]), b64(new byte[24]), "not base64!")) {
            Sent sent = gcm();
            EncryptedRequest r = sent.request();
            assertThat(check(GCM_ONLY, with(r, r.keyValue(), null, iv, r.hmac(), r.encryptData()))).as(iv)
                    .isEqualTo(refused(PayloadRefusal.IV_MALFORMED));
        }
    }

    @Test
    void ciphertextChangedByAHolderOfTheKeyFailsTheTagOrThePadding() throws Exception {
        Sent sent = gcm();
        String changed = tamper(sent.request().encryptData(), 2);
        EncryptedRequest r = sent.request();
        Sent cbc = send(active.getPublic(), null, 16, payload("bocmuser1", "pw", NOW));
        String cbcChanged = tamper(cbc.request().encryptData(), cbc.request().encryptData().length() * 3 / 4 - 17);
        EncryptedRequest c = cbc.request();

        assertThat(check(GCM_ONLY, with(r, r.keyValue(), null, r.ivValue(), hmac(sent.key(), changed), changed)))
                .isEqualTo(refused(PayloadRefusal.TAG_MISMATCH));
        assertThat(check(CBC_TOO, with(c, c.keyValue(), null, c.ivValue(), hmac(cbc.key(), cbcChanged), cbcChanged)))
                .isIn(refused(PayloadRefusal.BAD_PADDING), refused(PayloadRefusal.PLAINTEXT_MALFORMED));
    }

    @Test
    void encryptDataThatIsNotBase64OrTooShortIsMalformed() throws Exception {
        Sent sent = gcm();
        EncryptedRequest r = sent.request();

        assertThat(check(GCM_ONLY, with(r, r.keyValue(), null, r.ivValue(), hmac(sent.key(), "not base64!"), "not base64!")))
                .isEqualTo(refused(PayloadRefusal.CIPHERTEXT_MALFORMED));
        Sent other = gcm();
        EncryptedRequest o = other.request();
        assertThat(check(GCM_ONLY, with(o, o.keyValue(), null, o.ivValue(), hmac(other.key(), "AAAA"), "AAAA")))
                .isEqualTo(refused(PayloadRefusal.CIPHERTEXT_MALFORMED));
    }

    // --- the plaintext -------------------------------------------------------------------------------------------------

    @Test
    void aPlaintextThatIsNotTheDocumentedJsonIsRefused() throws Exception {
        for (String plaintext : List.of("not json", "[1,2]", "{\"userName\":\"u\"}", "{\"password\":\"p\"}",
                "{\"userName\":\"\",\"password\":\"p\",\"timestamp\":" + NOW + "}",
                "{\"userName\":\"u\",\"password\":\"" + "x".repeat(257) + "\",\"timestamp\":" + NOW + "}",
                "{\"userName\":\"" + "u".repeat(256) + "\",\"password\":\"p\",\"timestamp\":" + NOW + "}",
                "{\"userName\":\"u\",\"userName\":\"v\",\"password\":\"p\",\"timestamp\":" + NOW + "}")) {
            assertThat(check(GCM_ONLY, gcm(plaintext).request())).as(plaintext).isEqualTo(refused(PayloadRefusal.PLAINTEXT_MALFORMED));
        }
        byte[] notUtf8 = {'{', '"', 'u', (byte) 0xc3, '"', '}'};
        byte[] key = random(32);
        byte[] iv = random(12);
        String encryptData = b64(aes(key, iv, notUtf8));
        assertThat(check(GCM_ONLY, new EncryptedRequest(b64(wrap(active.getPublic(), key)), null, b64(iv), hmac(key, encryptData), encryptData)))
                .isEqualTo(refused(PayloadRefusal.PLAINTEXT_MALFORMED));
    }

    @Test
    void theTimestampMayBeAJsonIntegerOrDigitsAndMustBeThereWhenRequired() throws Exception {
        assertThat(check(GCM_ONLY, gcm("{\"userName\":\"u\",\"password\":\"p\",\"timestamp\":\"" + NOW + "\"}").request()))
                .isInstanceOf(EncryptedRequestCheck.Accepted.class);
        assertThat(check(GCM_ONLY, gcm("{\"userName\":\"u\",\"password\":\"p\"}").request()))
                .isEqualTo(refused(PayloadRefusal.TIMESTAMP_MALFORMED));
        for (String timestamp : List.of("\"yesterday\"", "1.7E12", "-1", "\"\"", "{}")) {
            assertThat(check(GCM_ONLY, gcm("{\"userName\":\"u\",\"password\":\"p\",\"timestamp\":" + timestamp + "}").request()))
                    .as(timestamp).isEqualTo(refused(PayloadRefusal.TIMESTAMP_MALFORMED));
        }
    }

    @Test
    void aTimestampOutsideTheWindowEitherSideIsStale() throws Exception {
        assertThat(check(GCM_ONLY, gcm(payload("u", "p", NOW - 300_001)).request())).isEqualTo(refused(PayloadRefusal.STALE_TIMESTAMP));
        assertThat(check(GCM_ONLY, gcm(payload("u", "p", NOW + 300_001)).request())).isEqualTo(refused(PayloadRefusal.STALE_TIMESTAMP));
        assertThat(check(GCM_ONLY, gcm(payload("u", "p", NOW - 300_000)).request())).isInstanceOf(EncryptedRequestCheck.Accepted.class);
        assertThat(check(GCM_ONLY, gcm(payload("u", "p", NOW + 300_000)).request())).isInstanceOf(EncryptedRequestCheck.Accepted.class);
    }

    // --- single use ------------------------------------------------------------------------------------------------------

    @Test
    void aKeyValueIsAcceptedOnceInAnySpelling() throws Exception {
        EncryptedRequest r = gcm().request();
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(Base64.getDecoder().decode(r.keyValue()));

        assertThat(check(GCM_ONLY, r)).isInstanceOf(EncryptedRequestCheck.Accepted.class);
        assertThat(check(GCM_ONLY, r)).isEqualTo(refused(PayloadRefusal.REPLAYED));
        assertThat(check(GCM_ONLY, with(r, urlSafe, null, r.ivValue(), r.hmac(), r.encryptData()))).isEqualTo(refused(PayloadRefusal.REPLAYED));
        assertThat(check(GCM_ONLY, gcm().request())).as("a new key").isInstanceOf(EncryptedRequestCheck.Accepted.class);
    }

    @Test
    void aKeyValueWithoutItsLeadingZeroByteIsTheSameReplay() throws Exception {
        // RSA decryption reads the ciphertext as a number: one that starts with a zero byte (about one in 256)
        // decrypts alike without it, a second spelling of the same captured request.
        EncryptedRequest captured = null;
        for (int attempt = 0; attempt < 4096 && captured == null; attempt++) {
            EncryptedRequest r = gcm().request();
            if (Base64.getDecoder().decode(r.keyValue())[0] == 0) {
                captured = r;
            }
        }
        assertThat(captured).as("a keyValue starting with a zero byte within 4096 requests").isNotNull();
        byte[] wrapped = Base64.getDecoder().decode(captured.keyValue());
        String stripped = b64(Arrays.copyOfRange(wrapped, 1, wrapped.length));

        assertThat(check(GCM_ONLY, captured)).isInstanceOf(EncryptedRequestCheck.Accepted.class);
        assertThat(check(GCM_ONLY, with(captured, stripped, null, captured.ivValue(), captured.hmac(), captured.encryptData())))
                .isEqualTo(refused(PayloadRefusal.REPLAYED));
        assertThat(check(GCM_ONLY, captured)).isEqualTo(refused(PayloadRefusal.REPLAYED));
    }

    @Test
    void theMarkerHoldsNeitherTheWrappedKeyNorTheKey() throws Exception {
        Sent sent = gcm();

        check(GCM_ONLY, sent.request());

        byte[] wrapped = Base64.getDecoder().decode(sent.request().keyValue());
        assertThat(claimed.keySet()).singleElement().asString()
                .doesNotContain(sent.request().keyValue())
                .doesNotContain(b64(sent.key())).doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(sent.key()))
                .doesNotContain(HexFormat.of().formatHex(sent.key()))
                .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(wrapped));
    }

    @Test
    void aRequestIsDecryptedAtMostOnceSoAChangedIvCannotBeTriedAgain() throws Exception {
        EncryptedRequest r = gcm().request();

        assertThat(check(GCM_ONLY, with(r, r.keyValue(), null, tamper(r.ivValue(), 0), r.hmac(), r.encryptData())))
                .isEqualTo(refused(PayloadRefusal.TAG_MISMATCH));
        assertThat(check(GCM_ONLY, r)).isEqualTo(refused(PayloadRefusal.REPLAYED));
    }

    @Test
    void markersAreNamespacedByRealm() throws Exception {
        EncryptedRequest r = gcm().request();

        assertThat(check.check("realm-a", GCM_ONLY, r)).isInstanceOf(EncryptedRequestCheck.Accepted.class);
        assertThat(check.check("realm-b", GCM_ONLY, r)).isInstanceOf(EncryptedRequestCheck.Accepted.class);
        assertThat(claimed.keySet()).allSatisfy(key -> assertThat(key).startsWith(PayloadReplay.MARKER_PREFIX)
                .doesNotContain(r.keyValue()));
    }

    // --- secrets -----------------------------------------------------------------------------------------------------

    @Test
    void theUnwrappedKeyIsClearedOnceChecked() throws Exception {
        check(GCM_ONLY, gcm().request());
        EncryptedRequest r = gcm().request();
        check(GCM_ONLY, with(r, r.keyValue(), null, r.ivValue(), tamper(r.hmac(), 1), r.encryptData()));

        assertThat(unwrappedKeys).hasSize(2).allSatisfy(key -> assertThat(key).containsOnly(0));
    }

    @Test
    void nothingSecretIsPrinted() throws Exception {
        Sent sent = gcm();
        String request = sent.request().toString();
        String login = new PartnerLogin("bocmuser1", "Bocm-Pass-003", NOW).toString();

        assertThat(request).doesNotContain(sent.request().keyValue()).doesNotContain(sent.request().ivValue())
                .doesNotContain(sent.request().hmac()).doesNotContain(sent.request().encryptData()).doesNotContain(b64(sent.key()));
        assertThat(login).contains("bocmuser1").doesNotContain("Bocm-Pass-003");
    }
}
