package com.fintechlogin.keycloak.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fintechlogin.keycloak.it.support.DemoRealm.TestUser;
import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;
import com.fintechlogin.keycloak.it.support.Guessing;
import com.fintechlogin.keycloak.it.support.Http;
import com.fintechlogin.keycloak.it.support.Tokens;
import com.nimbusds.jwt.JWTClaimsSet;

import org.junit.jupiter.api.Test;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.KeysMetadataRepresentation.KeyMetadataRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectEvents;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.events.Events;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Seed 003, {@code POST /realms/demo/fintech/getToken}, against a real Keycloak with the demo realm. Requests are
 * made here as docs/api-reference.md tells a partner to make them, with the JDK's crypto alone, never with the
 * extension's code.
 */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
class PartnerLoginApiTest {

    private static final String PARTNER_CLIENT = "partner-api";
    private static final String PARTNER_ROLE = "partner";
    /** The document's sample user, a demo-only password. */
    private static final String SAMPLE_USER = "bocmuser1";
    private static final String SAMPLE_PASSWORD = "Bocm-Pass-003";

    private static final String CLIENT_ID_ATTRIBUTE = "fintech.partner.client-id";
    private static final String TIMESTAMP_REQUIRED_ATTRIBUTE = "fintech.partner.timestamp-required";
    private static final String WINDOW_ATTRIBUTE = "fintech.partner.replay-window-seconds";
    private static final String CBC_ALLOWED_ATTRIBUTE = "fintech.partner.cbc-allowed";

    private static final String KEY_PROVIDER_TYPE = "org.keycloak.keys.KeyProvider";
    private static final SecureRandom RANDOM = new SecureRandom();

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @InjectEvents
    Events events;

    private String url() {
        return realm.getBaseUrl() + "/fintech/getToken";
    }

    // --- the partner's side, from the API reference alone -----------------------------------------------------------

    /** A realm key as a partner gets it: its id and its public key (base64 DER SubjectPublicKeyInfo). */
    private record RealmKey(String keyRef, String publicKey) {
    }

    /**
     * One request, with everything a test needs to look for in events: the AES key K (base64), the IV, the
     * plaintext. {@code headers} are {@code keyValue}, {@code ivValue}, {@code hmac} and, when sent, {@code keyRef}.
     */
    private record Sealed(Map<String, String> headers, String encryptData, String key, String plaintext) {

        String body() {
            return "{\"encryptData\": " + Http.jsonString(encryptData) + "}";
        }

        /** The same request with one header replaced (or left out, for {@code null}). */
        Sealed withHeader(String name, String value) {
            Map<String, String> changed = new LinkedHashMap<>(headers);
            if (value == null) {
                changed.remove(name);
            } else {
                changed.put(name, value);
            }
            return new Sealed(changed, encryptData, key, plaintext);
        }

        Sealed withEncryptData(String changed) {
            return new Sealed(headers, changed, key, plaintext);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** The payload the API reference documents: user name, password and the time of sending in epoch milliseconds. */
    private static String payload(String userName, String password, long timestamp) {
        return "{\"userName\":" + Http.jsonString(userName) + ",\"password\":" + Http.jsonString(password) + ",\"timestamp\":" + timestamp + "}";
    }

    private static String payload(String userName, String password) {
        return payload(userName, password, System.currentTimeMillis());
    }

    /**
     * The API reference's steps: (1) a fresh random 32-byte K and a fresh IV (12 bytes: GCM; 16: CBC); (2)
     * encryptData = base64(AES-256 of the UTF-8 payload, GCM with its 16-byte tag appended / CBC with PKCS#7); (3)
     * hmac = base64(HMAC-SHA256 with K over encryptData as sent); (4) keyValue = base64(RSA-OAEP-256 of K with the
     * realm's key); keyRef = that key's id.
     */
    private static Sealed seal(RealmKey realmKey, boolean sendKeyRef, int ivLength, byte[] aesKey, String plaintext) {
        try {
            byte[] iv = random(ivLength);
            Cipher aes = ivLength == 12 ? Cipher.getInstance("AES/GCM/NoPadding") : Cipher.getInstance("AES/CBC/PKCS5Padding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"),
                    ivLength == 12 ? new GCMParameterSpec(128, iv) : new IvParameterSpec(iv));
            String encryptData = b64(aes.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));

            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(aesKey, "HmacSHA256"));
            String hmac = b64(mac.doFinal(encryptData.getBytes(StandardCharsets.UTF_8)));

            PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(realmKey.publicKey())));
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.ENCRYPT_MODE, publicKey, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
            String keyValue = b64(rsa.doFinal(aesKey));

            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("keyValue", keyValue);
            if (sendKeyRef) {
                headers.put("keyRef", realmKey.keyRef());
            }
            headers.put("ivValue", b64(iv));
            headers.put("hmac", hmac);
            return new Sealed(headers, encryptData, b64(aesKey), plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Sealed gcm(String plaintext) {
        return seal(publicKey(), true, 12, random(32), plaintext);
    }

    private Sealed cbc(String plaintext) {
        return seal(publicKey(), true, 16, random(32), plaintext);
    }

    /** The realm's active encryption key, from the public-key API the API reference points partners to. */
    private RealmKey publicKey() {
        Http.Answer answer = Http.get(realm.getBaseUrl() + "/fintech/onboarding/user/v1/public-key", Map.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode data = answer.json().get("data");
        return new RealmKey(data.get("keyRef").asText(), data.get("publicKey").asText());
    }

    private Http.Answer post(Sealed sealed) {
        return post("application/json", sealed.body(), sealed.headers());
    }

    private Http.Answer post(String contentType, String body, Map<String, String> headers) {
        return Http.send("POST", url(), contentType, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** The base64 text with one byte of what it encodes changed. */
    private static String tamper(String base64, int index) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        bytes[index] ^= 0x01;
        return b64(bytes);
    }

    // --- fixtures ------------------------------------------------------------------------------------------------------

    private record PartnerUser(String id, String userName, String password) {
    }

    /** A fresh user with a password and, when {@code partner}, the partner role. */
    private PartnerUser newUser(boolean partner) {
        TestUser user = DemoRealm.newUser(realm);
        if (partner) {
            grantPartnerRole(user.id());
        }
        String userName = realm.admin().users().get(user.id()).toRepresentation().getUsername();
        return new PartnerUser(user.id(), userName, user.password());
    }

    private void grantPartnerRole(String userId) {
        RoleRepresentation role = realm.admin().roles().get(PARTNER_ROLE).toRepresentation();
        realm.admin().users().get(userId).roles().realmLevel().add(List.of(role));
    }

    private String sampleUserId() {
        return realm.admin().users().search(SAMPLE_USER, true).get(0).getId();
    }

    private void setRealmAttribute(String name, String value) {
        DemoRealm.setRealmAttribute(realm, name, value);
    }

    private void putRealmAttribute(String name, String value) {
        DemoRealm.putRealmAttribute(realm, name, value);
    }

    // --- answers and events ------------------------------------------------------------------------------------------

    private static String error(String code, String message) {
        return "{\"response\":{\"errorCode\":\"" + code + "\",\"errorMessage\":\"" + message + "\"}}";
    }

    private static final String ENCRYPT_DATA_EMPTY = error("FPDR4001", "encryptData is empty");
    private static final String HMAC_EMPTY = error("FPDR4002", "HMAC is empty");
    private static final String KEY_VALUE_EMPTY = error("FPDR4003", "keyValue is empty");
    private static final String IV_VALUE_EMPTY = error("FPDR4004", "ivValue is empty");
    private static final String HMAC_MISMATCH = error("FPDR4005", "HMAC mismatch");
    private static final String NOT_DECRYPTED = error("FPDR4006", "Payload could not be decrypted");
    private static final String INVALID_CREDENTIALS = error("FPDR4007", "Invalid credentials");
    private static final String REPLAYED = error("FPDR4008", "Request replayed or expired");
    private static final String LOCKED = error("FPDR4009", "Account locked or disabled");

    private List<EventRepresentation> allEvents() {
        List<EventRepresentation> seen = new ArrayList<>();
        for (EventRepresentation event = events.poll(); event != null; event = events.poll()) {
            seen.add(event);
        }
        return seen;
    }

    /** Sends one request that must fail with {@code status} and {@code body}, and returns its {@code LOGIN_ERROR} event. */
    private EventRepresentation refusal(String name, int status, String body, Supplier<Http.Answer> send) {
        events.skipAll();
        Http.Answer answer = send.get();
        assertThat(answer.status()).as(name + ": " + answer.body()).isEqualTo(status);
        assertThat(answer.body()).as(name).isEqualTo(body);
        List<EventRepresentation> errors = allEvents().stream().filter(e -> "LOGIN_ERROR".equals(e.getType())).toList();
        assertThat(errors).as(name).hasSize(1);
        EventRepresentation error = errors.get(0);
        assertThat(error.getDetails()).as(name).containsEntry("fintech_api", "partner-login");
        assertThat(error.getClientId()).as(name).isEqualTo(PARTNER_CLIENT);
        return error;
    }

    // --- the documented success ----------------------------------------------------------------------------------------

    @Test
    void theSampleUserGetsAnAccessTokenOfThePartnerClient() throws Exception {
        events.skipAll();
        Http.Answer answer = post(gcm(payload(SAMPLE_USER, SAMPLE_PASSWORD)));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode json = answer.json();
        assertThat(json.fieldNames()).toIterable().containsExactly("status", "data");
        assertThat(json.get("status").fieldNames()).toIterable().containsExactly("statusCode", "message");
        assertThat(json.at("/status/statusCode").isNumber()).isTrue();
        assertThat(json.at("/status/statusCode").asInt()).isEqualTo(200);
        assertThat(json.at("/status/message").asText()).isEqualTo("Success");
        assertThat(json.get("data").fieldNames()).toIterable().containsExactly("token", "userName");
        assertThat(json.at("/data/userName").asText()).isEqualTo(SAMPLE_USER);
        JWTClaimsSet claims = Tokens.verify(realm, json.at("/data/token").asText());
        assertThat(claims.getSubject()).isEqualTo(sampleUserId());
        assertThat(claims.getStringClaim("azp")).isEqualTo(PARTNER_CLIENT);
        assertThat(Tokens.lifetime(claims)).as("30 minutes").isBetween(1795L, 1800L);
        assertThat(answer.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));

        EventRepresentation success = allEvents().stream().filter(e -> "LOGIN".equals(e.getType())).findFirst().orElseThrow();
        assertThat(success.getClientId()).isEqualTo(PARTNER_CLIENT);
        assertThat(success.getUserId()).isEqualTo(sampleUserId());
        assertThat(success.getSessionId()).isNotBlank();
        assertThat(success.getDetails()).containsEntry("fintech_api", "partner-login");
    }

    @Test
    void withoutKeyRefTheActiveKeyIsUsedAndCurlsFormTypeAndAnyHeaderCaseAreAccepted() {
        PartnerUser user = newUser(true);
        Sealed sealed = seal(publicKey(), false, 12, random(32), payload(user.userName(), user.password()));
        Map<String, String> headers = new HashMap<>();
        sealed.headers().forEach((name, value) -> headers.put(name.toUpperCase(java.util.Locale.ROOT), value));

        Http.Answer answer = post("application/x-www-form-urlencoded", sealed.body(), headers);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().at("/data/userName").asText()).isEqualTo(user.userName());
    }

    @Test
    void cbcIsAcceptedOnlyWhereTheRealmAllowsIt() {
        PartnerUser user = newUser(true);

        EventRepresentation refused = refusal("CBC in the demo realm", 400, NOT_DECRYPTED, () -> post(cbc(payload(user.userName(), user.password()))));
        assertThat(refused.getDetails()).containsEntry("reason", "malformed_request").containsEntry("payload", "cbc_not_allowed");

        setRealmAttribute(CBC_ALLOWED_ATTRIBUTE, "true");
        Http.Answer allowed = post(cbc(payload(user.userName(), user.password())));
        assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
    }

    // --- every row of the table ----------------------------------------------------------------------------------------

    @Test
    void missingPartsAnswerTheirEmptyCodesInTheTablesOrder() {
        PartnerUser user = newUser(true);
        Sealed sealed = gcm(payload(user.userName(), user.password()));
        String sample = "{\n  \"encryptData\": " + Http.jsonString(sealed.encryptData())
                + "\n}\n\n*** Get Token from above api and need to pass the same token to other apies.***\n}\n";
        record Case(String name, String body, Map<String, String> headers, String answer, String field) {
        }
        List<Case> cases = List.of(
                new Case("no encryptData", "{}", sealed.headers(), ENCRYPT_DATA_EMPTY, "encryptData"),
                new Case("blank encryptData", "{\"encryptData\": \" \"}", sealed.headers(), ENCRYPT_DATA_EMPTY, "encryptData"),
                new Case("encryptData not a string", "{\"encryptData\": 1}", sealed.headers(), ENCRYPT_DATA_EMPTY, "encryptData"),
                new Case("no body", "", sealed.headers(), ENCRYPT_DATA_EMPTY, "request body"),
                new Case("not JSON", "encryptData=abc", sealed.headers(), ENCRYPT_DATA_EMPTY, "request body"),
                new Case("the document's sample, text after the object", sample, sealed.headers(), ENCRYPT_DATA_EMPTY, "request body"),
                new Case("no hmac", sealed.body(), sealed.withHeader("hmac", null).headers(), HMAC_EMPTY, "hmac"),
                new Case("no keyValue", sealed.body(), sealed.withHeader("keyValue", null).headers(), KEY_VALUE_EMPTY, "keyValue"),
                new Case("no ivValue", sealed.body(), sealed.withHeader("ivValue", null).headers(), IV_VALUE_EMPTY, "ivValue"),
                new Case("nothing at all", "", Map.of(), ENCRYPT_DATA_EMPTY, "request body"),
                new Case("a body but no headers", sealed.body(), Map.of(), HMAC_EMPTY, "hmac"));

        for (Case c : cases) {
            EventRepresentation error = refusal(c.name(), 400, c.answer(), () -> post("application/json", c.body(), c.headers()));
            assertThat(error.getDetails()).as(c.name()).containsEntry("reason", "malformed_request").containsEntry("field", c.field());
        }
        assertThat(post(sealed).status()).as("none of these spent the request").isEqualTo(200);
    }

    @Test
    void wrongMethodMediaTypeAndSizeAnswerFpdr4001WithTheirStatus() {
        Sealed sealed = gcm(payload(SAMPLE_USER, SAMPLE_PASSWORD));

        Http.Answer get = Http.send("GET", url(), null, null, sealed.headers());
        Http.Answer xml = post("application/xml", "<encryptData>" + sealed.encryptData() + "</encryptData>", sealed.headers());
        Http.Answer large = post("application/json", "{\"encryptData\": \"" + "A".repeat(17 * 1024) + "\"}", sealed.headers());

        assertThat(get.status()).isEqualTo(405);
        assertThat(get.body()).isEqualTo(ENCRYPT_DATA_EMPTY);
        assertThat(xml.status()).isEqualTo(415);
        assertThat(xml.body()).isEqualTo(ENCRYPT_DATA_EMPTY);
        assertThat(large.status()).isEqualTo(413);
        assertThat(large.body()).isEqualTo(ENCRYPT_DATA_EMPTY);
    }

    @Test
    void aTamperedByteInEachPartIsRefused() {
        PartnerUser user = newUser(true);
        Sealed data = gcm(payload(user.userName(), user.password()));
        Sealed hmac = gcm(payload(user.userName(), user.password()));
        Sealed keyValue = gcm(payload(user.userName(), user.password()));
        Sealed ivValue = gcm(payload(user.userName(), user.password()));

        EventRepresentation dataError = refusal("encryptData", 400, HMAC_MISMATCH,
                () -> post(data.withEncryptData(tamper(data.encryptData(), 5))));
        EventRepresentation hmacError = refusal("hmac", 400, HMAC_MISMATCH,
                () -> post(hmac.withHeader("hmac", tamper(hmac.headers().get("hmac"), 0))));
        EventRepresentation keyError = refusal("keyValue", 400, NOT_DECRYPTED,
                () -> post(keyValue.withHeader("keyValue", tamper(keyValue.headers().get("keyValue"), 17))));
        EventRepresentation ivError = refusal("ivValue", 400, NOT_DECRYPTED,
                () -> post(ivValue.withHeader("ivValue", tamper(ivValue.headers().get("ivValue"), 3))));

        assertThat(dataError.getDetails()).containsEntry("reason", "client_refused").containsEntry("payload", "hmac_mismatch");
        assertThat(hmacError.getDetails()).containsEntry("reason", "client_refused").containsEntry("payload", "hmac_mismatch");
        assertThat(keyError.getDetails()).containsEntry("reason", "malformed_request").containsEntry("field", "payload")
                .containsEntry("payload", "key_not_decrypted");
        assertThat(ivError.getDetails()).containsEntry("reason", "malformed_request").containsEntry("field", "payload")
                .containsEntry("payload", "tag_mismatch");

        // A forged HMAC does not spend the genuine request; a genuine one that was decrypted once has been spent.
        assertThat(post(data).status()).isEqualTo(200);
        assertThat(post(hmac).status()).isEqualTo(200);
        assertThat(post(ivValue).body()).isEqualTo(REPLAYED);
    }

    @Test
    void aTamperedCbcIvIsRefusedLikeEveryOtherDecryptionFailure() {
        setRealmAttribute(CBC_ALLOWED_ATTRIBUTE, "true");
        PartnerUser user = newUser(true);
        Sealed sealed = cbc(payload(user.userName(), user.password()));

        // The first IV byte flips the first plaintext byte, the '{' of the JSON.
        EventRepresentation error = refusal("CBC IV", 400, NOT_DECRYPTED,
                () -> post(sealed.withHeader("ivValue", tamper(sealed.headers().get("ivValue"), 0))));

        assertThat(error.getDetails()).containsEntry("payload", "plaintext_malformed");
    }

    @Test
    void everyWayTheDecryptionFailsAnswersTheSame() {
        PartnerUser user = newUser(true);
        RealmKey key = publicKey();
        String good = payload(user.userName(), user.password());
        record Case(String name, Supplier<Sealed> request, String detail) {
        }
        List<Case> cases = List.of(
                new Case("keyValue not base64", () -> gcm(good).withHeader("keyValue", "not*base64"), "key_value_malformed"),
                new Case("keyRef of no key", () -> gcm(good).withHeader("keyRef", "no-such-key"), "unknown_key"),
                new Case("keyRef too long", () -> gcm(good).withHeader("keyRef", "k".repeat(300)), "unknown_key"),
                new Case("a 16-byte AES key", () -> seal(key, true, 12, random(16), good), "key_length"),
                new Case("a 10-byte IV", () -> {
                    Sealed sealed = gcm(good);
                    return sealed.withHeader("ivValue", b64(new byte[10]));
                }, "iv_malformed"),
                new Case("plaintext not JSON", () -> gcm("userName=" + user.userName()), "plaintext_malformed"),
                new Case("no password", () -> gcm("{\"userName\":" + Http.jsonString(user.userName()) + ",\"timestamp\":"
                        + System.currentTimeMillis() + "}"), "plaintext_malformed"),
                new Case("no timestamp", () -> gcm("{\"userName\":" + Http.jsonString(user.userName()) + ",\"password\":"
                        + Http.jsonString(user.password()) + "}"), "timestamp_malformed"));

        for (Case c : cases) {
            EventRepresentation error = refusal(c.name(), 400, NOT_DECRYPTED, () -> post(c.request().get()));
            assertThat(error.getDetails()).as(c.name()).containsEntry("reason", "malformed_request").containsEntry("field", "payload")
                    .containsEntry("payload", c.detail());
        }
    }

    @Test
    void unknownUserWrongPasswordAndAUserWithoutThePartnerRoleAreInvalidCredentials() {
        PartnerUser partner = newUser(true);
        PartnerUser notPartner = newUser(false);

        EventRepresentation unknown = refusal("unknown user", 401, INVALID_CREDENTIALS,
                () -> post(gcm(payload("no-such-" + UUID.randomUUID(), "whatever"))));
        EventRepresentation wrong = refusal("wrong password", 401, INVALID_CREDENTIALS,
                () -> post(gcm(payload(partner.userName(), "not-" + partner.password()))));
        EventRepresentation noRole = refusal("right password, no partner role", 401, INVALID_CREDENTIALS,
                () -> post(gcm(payload(notPartner.userName(), notPartner.password()))));

        assertThat(unknown.getDetails()).containsEntry("reason", "unknown_user");
        assertThat(wrong.getDetails()).containsEntry("reason", "invalid_credentials");
        assertThat(wrong.getUserId()).isEqualTo(partner.id());
        assertThat(noRole.getDetails()).containsEntry("reason", "invalid_credentials").containsEntry("partner_role", "missing");
        assertThat(noRole.getError()).isEqualTo("not_allowed");
        assertThat(noRole.getUserId()).isEqualTo(notPartner.id());

        grantPartnerRole(notPartner.id());
        assertThat(post(gcm(payload(notPartner.userName(), notPartner.password()))).status()).as("once granted the role").isEqualTo(200);
    }

    @Test
    void disabledAndLockedUsersAnswerFpdr4009() throws Exception {
        PartnerUser disabled = newUser(true);
        UserRepresentation rep = realm.admin().users().get(disabled.id()).toRepresentation();
        rep.setEnabled(false);
        realm.admin().users().get(disabled.id()).update(rep);
        PartnerUser locked = newUser(true);

        EventRepresentation off = refusal("disabled", 401, LOCKED, () -> post(gcm(payload(disabled.userName(), disabled.password()))));
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(post(gcm(payload(locked.userName(), "wrong-" + attempt))).status()).isEqualTo(401);
        }
        awaitLocked(locked.id());
        EventRepresentation lockedOut = refusal("locked", 401, LOCKED, () -> post(gcm(payload(locked.userName(), locked.password()))));

        assertThat(off.getDetails()).containsEntry("reason", "user_disabled");
        // The password's own lock (the realm's fintech.lockout.account-wide is off): the PIN and device stay open.
        assertThat(lockedOut.getDetails()).containsEntry("reason", "credential_locked");
        realm.admin().attackDetection().clearBruteForceForUser(locked.id());
        assertThat(post(gcm(payload(locked.userName(), locked.password()))).status()).isEqualTo(200);
    }

    @Test
    void fiftyParallelWrongPasswordsEvaluateAtMostTheLimitAndTheRightOneIsRefusedUntilAnAdminUnlocks() throws Exception {
        PartnerUser user = newUser(true);
        List<Sealed> guesses = new ArrayList<>();
        for (int i = 0; i < Guessing.GUESSES; i++) {
            guesses.add(gcm(payload(user.userName(), "wrong-" + i)));
        }

        List<Http.Answer> answers = Guessing.inParallel(Guessing.GUESSES, i -> post(guesses.get(i)));

        assertThat(answers).extracting(Http.Answer::body).containsOnly(INVALID_CREDENTIALS, LOCKED);
        Guessing.assertAtMostTheLimitEvaluated(Guessing.loginErrorReasons(events, user.id()), Guessing.GUESSES);
        assertThat(post(gcm(payload(user.userName(), user.password()))).body()).isEqualTo(LOCKED);
        assertThat(Guessing.loginErrorReasons(events, user.id())).as("the right password was not evaluated")
                .singleElement().asString().endsWith("_locked");

        Guessing.unlockThroughAttackDetection(realm, user.id());
        assertThat(post(gcm(payload(user.userName(), user.password()))).status()).isEqualTo(200);
    }

    /** Keycloak records failures asynchronously: poll its attack-detection view as an admin would. */
    private void awaitLocked(String userId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(realm.admin().attackDetection().bruteForceUserStatus(userId).get("disabled"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Brute-force detection did not lock the user");
    }

    @Test
    void theHmacIsVerifiedBeforeThePasswordSoForgedRequestsNeverCountAgainstTheUser() throws Exception {
        PartnerUser user = newUser(true);
        for (int attempt = 0; attempt < 8; attempt++) {
            Sealed forged = gcm(payload(user.userName(), "guess-" + attempt));
            refusal("forged " + attempt, 400, HMAC_MISMATCH, () -> post(forged.withHeader("hmac", b64(random(32)))));
        }
        // Had any of the 8 reached the password, brute-force detection (5 failures) would lock the user.
        Thread.sleep(1500);
        Map<String, Object> status = realm.admin().attackDetection().bruteForceUserStatus(user.id());
        assertThat(status.get("disabled")).isEqualTo(false);
        assertThat(((Number) status.get("lastFailure")).longValue()).as("no failure recorded").isZero();

        assertThat(post(gcm(payload(user.userName(), user.password()))).status()).isEqualTo(200);
    }

    // --- replay and freshness --------------------------------------------------------------------------------------------

    @Test
    void theSameRequestSentTenTimesAtOnceIsAcceptedOnce() throws Exception {
        PartnerUser user = newUser(true);
        Sealed sealed = gcm(payload(user.userName(), user.password()));

        List<Http.Answer> answers = Guessing.inParallel(10, i -> post(sealed));

        assertThat(answers).filteredOn(answer -> answer.status() == 200).as("accepted").hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() != 200)
                .allSatisfy(answer -> assertThat(answer.body()).isEqualTo(REPLAYED));
    }

    @Test
    void aKeyValueReEncodedWithoutItsLeadingZeroByteIsStillAReplay() {
        PartnerUser user = newUser(true);
        RealmKey key = publicKey();
        // RSA decryption reads the ciphertext as a number, so a ciphertext that starts with a zero byte (about one in
        // 256) decrypts alike without it: the same captured request under a second spelling of keyValue.
        Sealed captured = null;
        for (int attempt = 0; attempt < 4096 && captured == null; attempt++) {
            Sealed sealed = seal(key, true, 12, random(32), payload(user.userName(), user.password()));
            if (Base64.getDecoder().decode(sealed.headers().get("keyValue"))[0] == 0) {
                captured = sealed;
            }
        }
        assertThat(captured).as("a keyValue starting with a zero byte within 4096 requests").isNotNull();
        byte[] wrapped = Base64.getDecoder().decode(captured.headers().get("keyValue"));
        Sealed stripped = captured.withHeader("keyValue", b64(Arrays.copyOfRange(wrapped, 1, wrapped.length)));
        Sealed original = captured;

        assertThat(post(original).status()).isEqualTo(200);
        EventRepresentation reEncoded = refusal("the same request, keyValue without its leading zero", 400, REPLAYED, () -> post(stripped));
        refusal("the same request as captured", 400, REPLAYED, () -> post(original));

        assertThat(reEncoded.getDetails()).containsEntry("reason", "replayed").containsEntry("payload", "replayed");
    }

    @Test
    void aRequestIsAcceptedOnceWithinTheWindowAndRefusedAsStaleAfterIt() throws Exception {
        setRealmAttribute(WINDOW_ATTRIBUTE, "3");
        PartnerUser user = newUser(true);
        Sealed sealed = gcm(payload(user.userName(), user.password()));

        assertThat(post(sealed).status()).isEqualTo(200);
        EventRepresentation within = refusal("the same request again", 400, REPLAYED, () -> post(sealed));
        Sealed wrongPassword = gcm(payload(user.userName(), "not-" + user.password()));
        refusal("a wrong password", 401, INVALID_CREDENTIALS, () -> post(wrongPassword));
        EventRepresentation again = refusal("a request whose password was wrong, again", 400, REPLAYED, () -> post(wrongPassword));

        // Past twice the window (the marker's life): the marker has gone, and the timestamp has left the window.
        Thread.sleep(6_500);
        EventRepresentation after = refusal("the same request after the window", 400, REPLAYED, () -> post(sealed));

        assertThat(within.getDetails()).containsEntry("reason", "replayed").containsEntry("payload", "replayed");
        assertThat(again.getDetails()).containsEntry("payload", "replayed");
        assertThat(after.getDetails()).containsEntry("reason", "replayed").containsEntry("payload", "stale_timestamp");
    }

    @Test
    void withoutRequiredTimestampsAReplayIsRefusedForTheWindowOnly() throws Exception {
        setRealmAttribute(TIMESTAMP_REQUIRED_ATTRIBUTE, "false");
        setRealmAttribute(WINDOW_ATTRIBUTE, "2");
        PartnerUser user = newUser(true);
        Sealed sealed = gcm("{\"userName\":" + Http.jsonString(user.userName()) + ",\"password\":" + Http.jsonString(user.password()) + "}");

        assertThat(post(sealed).status()).isEqualTo(200);
        refusal("the same request within the window", 400, REPLAYED, () -> post(sealed));
        Thread.sleep(3_000);
        assertThat(post(sealed).status()).as("the documented consequence of turning timestamps off").isEqualTo(200);
    }

    @Test
    void aTimestampOutsideTheWindowIsRefusedEitherSide() {
        PartnerUser user = newUser(true);
        long now = System.currentTimeMillis();

        EventRepresentation old = refusal("ten minutes old", 400, REPLAYED,
                () -> post(gcm(payload(user.userName(), user.password(), now - 600_000))));
        EventRepresentation ahead = refusal("ten minutes ahead", 400, REPLAYED,
                () -> post(gcm(payload(user.userName(), user.password(), now + 600_000))));

        assertThat(old.getDetails()).containsEntry("payload", "stale_timestamp");
        assertThat(ahead.getDetails()).containsEntry("payload", "stale_timestamp");
        assertThat(post(gcm(payload(user.userName(), user.password(), now - 60_000))).status()).as("a minute old").isEqualTo(200);
    }

    // --- key rotation --------------------------------------------------------------------------------------------------

    /** The realm's RSA-OAEP-256 key of the key provider {@code componentId}, as a partner would have been given it. */
    private RealmKey keyOf(String componentId) {
        KeyMetadataRepresentation key = realm.admin().keys().getKeyMetadata().getKeys().stream()
                .filter(k -> componentId.equals(k.getProviderId()) && "RSA-OAEP-256".equals(k.getAlgorithm()))
                .findFirst().orElseThrow();
        // The admin API gives the key as PEM without its header lines; strip them anyway, and any line breaks.
        return new RealmKey(key.getKid(), key.getPublicKey().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }

    private ComponentRepresentation demoEncryptionKeyProvider() {
        return realm.admin().components().query(realm.getId(), KEY_PROVIDER_TYPE).stream()
                .filter(c -> "rsa-enc-generated".equals(c.getName())).findFirst().orElseThrow();
    }

    /** A new RSA-OAEP-256 key provider; removed after the test unless the test removed it. */
    private String addEncryptionKeyProvider(String name, int priority) {
        ComponentRepresentation provider = new ComponentRepresentation();
        provider.setName(name);
        provider.setProviderId("rsa-enc-generated");
        provider.setProviderType(KEY_PROVIDER_TYPE);
        provider.setParentId(realm.getId());
        provider.setConfig(new MultivaluedHashMap<>(Map.of("priority", List.of(Integer.toString(priority)), "algorithm", List.of("RSA-OAEP-256"))));
        String id;
        try (jakarta.ws.rs.core.Response created = realm.admin().components().add(provider)) {
            String path = created.getLocation().getPath();
            id = path.substring(path.lastIndexOf('/') + 1);
        }
        realm.cleanup().add(r -> {
            if (r.components().query(realm.getId(), KEY_PROVIDER_TYPE).stream().anyMatch(c -> id.equals(c.getId()))) {
                r.components().component(id).remove();
            }
        });
        return id;
    }

    @Test
    void aKeyRotatedToPassiveStillWorksWhenNamedByKeyRef() {
        PartnerUser user = newUser(true);
        ComponentRepresentation old = demoEncryptionKeyProvider();
        RealmKey oldKey = keyOf(old.getId());
        addEncryptionKeyProvider("rsa-enc-it-rotated", 200);
        old.getConfig().putSingle("active", "false");
        realm.admin().components().component(old.getId()).update(old);
        realm.cleanup().add(r -> {
            old.getConfig().putSingle("active", "true");
            r.components().component(old.getId()).update(old);
        });
        assertThat(publicKey().keyRef()).as("the public-key API now gives the new key").isNotEqualTo(oldKey.keyRef());

        Http.Answer named = post(seal(oldKey, true, 12, random(32), payload(user.userName(), user.password())));
        EventRepresentation unnamed = refusal("the old key without keyRef", 400, NOT_DECRYPTED,
                () -> post(seal(oldKey, false, 12, random(32), payload(user.userName(), user.password()))));

        assertThat(named.status()).as(named.body()).isEqualTo(200);
        assertThat(unnamed.getDetails()).containsEntry("payload", "key_not_decrypted");
    }

    @Test
    void aDeletedKeyFails() {
        PartnerUser user = newUser(true);
        String provider = addEncryptionKeyProvider("rsa-enc-it-deleted", 300);
        RealmKey doomed = keyOf(provider);
        Sealed sealed = seal(doomed, true, 12, random(32), payload(user.userName(), user.password()));

        realm.admin().components().component(provider).remove();
        EventRepresentation error = refusal("a key since deleted", 400, NOT_DECRYPTED, () -> post(sealed));

        assertThat(error.getDetails()).containsEntry("payload", "unknown_key");
    }

    // --- configuration -------------------------------------------------------------------------------------------------

    @Test
    void aRealmWithoutThePartnerClientAnswersServiceUnavailableAndSpendsNothing() {
        PartnerUser user = newUser(true);
        Sealed sealed = gcm(payload(user.userName(), user.password()));
        setRealmAttribute(CLIENT_ID_ATTRIBUTE, "no-such-client");

        events.skipAll();
        Http.Answer answer = post(sealed);
        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.body()).isEqualTo(error("FPDR5003", "Service unavailable"));
        EventRepresentation error = allEvents().stream().filter(e -> "LOGIN_ERROR".equals(e.getType())).findFirst().orElseThrow();
        assertThat(error.getDetails()).containsEntry("reason", "not_configured");

        putRealmAttribute(CLIENT_ID_ATTRIBUTE, "");
        assertThat(post(sealed).status()).as("the default client, partner-api; the request was not spent").isEqualTo(200);
    }

    @Test
    void theTokenEndpointIsNoWayAroundThePayload() {
        Http.Answer answer = Http.postForm(realm.getBaseUrl() + "/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", PARTNER_CLIENT, "username", SAMPLE_USER, "password", SAMPLE_PASSWORD), Map.of());

        assertThat(answer.status()).as(answer.body()).isNotEqualTo(200);
        assertThat(answer.body()).doesNotContain("access_token");
    }

    // --- what events never carry -----------------------------------------------------------------------------------------

    @Test
    void noKeyIvPayloadHmacOrPasswordReachesAnEvent() {
        PartnerUser user = newUser(true);
        String wrongPassword = "Wrong-" + UUID.randomUUID().toString().substring(0, 8);
        List<Sealed> sent = List.of(
                gcm(payload(user.userName(), user.password())),
                gcm(payload(user.userName(), wrongPassword)),
                gcm(payload(user.userName(), user.password())),
                gcm(payload(user.userName(), user.password())));
        events.skipAll();

        post(sent.get(0));
        post(sent.get(0));
        post(sent.get(1));
        post(sent.get(2).withHeader("hmac", tamper(sent.get(2).headers().get("hmac"), 0)));
        post(sent.get(3).withHeader("ivValue", tamper(sent.get(3).headers().get("ivValue"), 0)));

        List<EventRepresentation> seen = allEvents();
        assertThat(seen.stream().map(EventRepresentation::getType))
                .containsExactly("LOGIN", "LOGIN_ERROR", "LOGIN_ERROR", "LOGIN_ERROR", "LOGIN_ERROR");
        List<String> secrets = new ArrayList<>(List.of(user.password(), wrongPassword));
        for (Sealed s : sent) {
            byte[] key = Base64.getDecoder().decode(s.key());
            secrets.addAll(List.of(s.key(), HexFormat.of().formatHex(key), Base64.getUrlEncoder().withoutPadding().encodeToString(key),
                    s.headers().get("ivValue"), s.headers().get("hmac"), s.headers().get("keyValue"), s.encryptData(), s.plaintext()));
        }
        for (EventRepresentation event : seen) {
            String recorded = String.valueOf(event.getDetails()) + event.getError() + event.getClientId() + event.getUserId();
            for (String secret : secrets) {
                assertThat(recorded).as(event.getType() + " " + event.getDetails()).doesNotContain(secret);
            }
        }
    }
}
