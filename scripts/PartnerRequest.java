import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals one partner login request (seed 003, {@code POST /realms/{realm}/fintech/getToken}) the way
 * docs/api-reference.md describes it, with the JDK alone — the shell has no AES-GCM ({@code openssl enc} refuses AEAD
 * modes), so that document's curl takes its parts from here. Run it with the JDK's source launcher:
 *
 * <pre>java scripts/PartnerRequest.java http://localhost:8080/realms/demo bocmuser1 Bocm-Pass-003</pre>
 *
 * It fetches the realm's public key and prints five lines: {@code keyRef}, {@code keyValue}, {@code ivValue},
 * {@code hmac} and {@code encryptData}. Every run uses a fresh AES key and IV, as each request must.
 */
public final class PartnerRequest {

    private static final Pattern KEY_REF = Pattern.compile("\"keyRef\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern PUBLIC_KEY = Pattern.compile("\"publicKey\"\\s*:\\s*\"([^\"]+)\"");

    private PartnerRequest() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java scripts/PartnerRequest.java <realm URL> <user name> <password>");
            System.exit(2);
        }
        String realmUrl = args[0].replaceAll("/+$", "");
        String keyAnswer = get(realmUrl + "/fintech/onboarding/user/v1/public-key");
        String keyRef = field(KEY_REF, keyAnswer);
        PublicKey realmKey = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(field(PUBLIC_KEY, keyAnswer))));

        SecureRandom random = new SecureRandom();
        byte[] k = new byte[32];
        byte[] iv = new byte[12];
        random.nextBytes(k);
        random.nextBytes(iv);
        String payload = "{\"userName\":" + jsonString(args[1]) + ",\"password\":" + jsonString(args[2])
                + ",\"timestamp\":" + System.currentTimeMillis() + "}";

        String encryptData = base64(aesGcm(k, iv, payload.getBytes(StandardCharsets.UTF_8)));
        String hmac = base64(hmacSha256(k, encryptData.getBytes(StandardCharsets.UTF_8)));
        String keyValue = base64(rsaOaep256(realmKey, k));

        System.out.println(keyRef);
        System.out.println(keyValue);
        System.out.println(base64(iv));
        System.out.println(hmac);
        System.out.println(encryptData);
    }

    /** AES-256-GCM, 128-bit tag appended to the ciphertext (what {@link Cipher} returns), no additional data. */
    private static byte[] aesGcm(byte[] k, byte[] iv, byte[] plaintext) throws GeneralSecurityException {
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k, "AES"), new GCMParameterSpec(128, iv));
        return aes.doFinal(plaintext);
    }

    private static byte[] hmacSha256(byte[] k, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(k, "HmacSHA256"));
        return mac.doFinal(data);
    }

    /** RSA-OAEP with SHA-256 for both the OAEP hash and MGF1 — not Java's default MGF1 with SHA-1. */
    private static byte[] rsaOaep256(PublicKey key, byte[] k) throws GeneralSecurityException {
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
        rsa.init(Cipher.ENCRYPT_MODE, key,
                new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
        return rsa.doFinal(k);
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered HTTP " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    private static String field(Pattern pattern, String json) {
        Matcher found = pattern.matcher(json);
        if (!found.find()) {
            throw new IllegalStateException("No " + pattern + " in the public-key answer: " + json);
        }
        return found.group(1);
    }

    private static String jsonString(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
