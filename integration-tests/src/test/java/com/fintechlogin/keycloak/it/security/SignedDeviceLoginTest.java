package com.fintechlogin.keycloak.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fintechlogin.keycloak.it.support.DemoRealm.TestUser;
import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;
import com.fintechlogin.keycloak.it.support.Http;
import com.fintechlogin.keycloak.it.support.Logins;
import com.fintechlogin.keycloak.it.support.TestApps;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * The device proof worth its name: a device registered with a key of its own logs in only by signing a statement
 * with it. Tried as an attacker who knows the device id (it travels in clear in every PIN login) would.
 */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
class SignedDeviceLoginTest {

    private static final String DEVICE = "anid:keyed-device-" + "7Qmb+Ond5gzXdtMv";
    private static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    private record Customer(TestUser user, String accountNumber) {
    }

    private Customer customer() {
        String accountNumber = DemoRealm.freshAccountNumber();
        return new Customer(DemoRealm.newUser(realm, Map.of("accountNumber", List.of(accountNumber))), accountNumber);
    }

    private static KeyPair p256() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static byte[] sign(KeyPair keys, String realmName, String deviceId, long timestamp) throws Exception {
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keys.getPrivate());
        signer.update(("fintech-device-login\n" + realmName + "\n" + deviceId + "\n" + timestamp).getBytes(StandardCharsets.UTF_8));
        return signer.sign();
    }

    private Http.Answer register(Customer customer, KeyPair keys) {
        String token = new Logins(realm).emailPasswordToken(customer.user().email(), customer.user().password());
        Map<String, Object> body = new HashMap<>(Map.of("deviceId", DEVICE));
        if (keys != null) {
            body.put("publicKey", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
        }
        return Logins.manage("POST", realm.getBaseUrl() + "/fintech/onboarding/user/v1/device", token, body);
    }

    private Http.Answer signedLogin(Customer customer, byte[] signature, Object timestamp) {
        String appToken = TestApps.getToken(realm, DemoRealm.PIN_APP, DemoRealm.PIN_APP_SECRET);
        Map<String, Object> body = new HashMap<>(Map.of("keyRef", "", "pin", Base64.getEncoder().encodeToString(signature),
                "signInMode", 2, "token", appToken, "authType", "1", "deviceId", DEVICE, "timestamp", timestamp));
        return Http.send("POST", realm.getBaseUrl() + "/fintech/onboarding/user/v2/login", "application/json",
                Http.json(body).getBytes(StandardCharsets.UTF_8),
                Map.of("X-API-KEY", DemoRealm.PIN_APP, "X-API-TOKEN", appToken, "X-ACCOUNT-NUMBER", customer.accountNumber()));
    }

    private static String code(Http.Answer answer) {
        return answer.json().get("resCode").asText();
    }

    @Test
    void aDeviceWithAKeyLogsInBySigningAndItsTokenCarriesThePossessionLevel() throws Exception {
        Customer customer = customer();
        KeyPair keys = p256();
        assertThat(register(customer, keys).status()).isEqualTo(200);
        long now = System.currentTimeMillis();

        Http.Answer login = signedLogin(customer, sign(keys, realm.getName(), DEVICE, now), now);

        assertThat(login.status()).as(login.body()).isEqualTo(200);
        String token = login.json().at("/data/token").asText();
        String acr = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).get("acr").asText();
        assertThat(acr).isEqualTo("pin-device");
    }

    @Test
    void theDocumentedEncryptedIdNoLongerOpensADeviceThatHasAKey() throws Exception {
        Customer customer = customer();
        assertThat(register(customer, p256()).status()).isEqualTo(200);

        // Whoever knows the id can compute the documented proof; for this device it is a wrong proof, and counted.
        Http.Answer forged = new Logins(realm).deviceLogin(customer.accountNumber(), DEVICE);

        assertThat(forged.status()).isEqualTo(401);
        assertThat(code(forged)).isEqualTo("ONB017");
    }

    @Test
    void aSignedStatementIsAcceptedOnceEvenReencodedAndOnlyWhileFresh() throws Exception {
        Customer customer = customer();
        KeyPair keys = p256();
        assertThat(register(customer, keys).status()).isEqualTo(200);
        long now = System.currentTimeMillis();
        byte[] signature = sign(keys, realm.getName(), DEVICE, now);

        assertThat(signedLogin(customer, signature, now).status()).isEqualTo(200);
        assertThat(code(signedLogin(customer, signature, now))).isEqualTo("ONB031");
        assertThat(code(signedLogin(customer, negateS(signature), now))).as("(r, n - s) verifies too").isEqualTo("ONB031");
        long stale = now - 10 * 60 * 1000;
        assertThat(code(signedLogin(customer, sign(keys, realm.getName(), DEVICE, stale), stale))).isEqualTo("ONB031");
        // Signed by another key, or for another realm: wrong.
        long later = now + 1;
        assertThat(code(signedLogin(customer, sign(p256(), realm.getName(), DEVICE, later), later))).isEqualTo("ONB017");
        long later2 = now + 2;
        assertThat(code(signedLogin(customer, sign(keys, "master", DEVICE, later2), later2))).isEqualTo("ONB017");
    }

    @Test
    void aRealmCanRequireKeysForNewDevicesAndRefuseTheEncryptedIdProof() throws Exception {
        Customer customer = customer();
        DemoRealm.setRealmAttribute(realm, "fintech.device.key-required", "true");
        Http.Answer withoutKey = register(customer, null);
        assertThat(withoutKey.status()).isEqualTo(400);
        assertThat(code(withoutKey)).isEqualTo("ONB055");

        Customer older = new Customer(DemoRealm.newUser(realm, Map.of("accountNumber", List.of(DemoRealm.freshAccountNumber())),
                List.of(DemoRealm.device(DEVICE, false))), null);
        String accountNumber = realm.admin().users().get(older.user().id()).toRepresentation().firstAttribute("accountNumber");
        DemoRealm.setRealmAttribute(realm, "fintech.device.encrypted-id-proof", "false");
        Http.Answer refused = new Logins(realm).deviceLogin(accountNumber, DEVICE);
        assertThat(code(refused)).isEqualTo("ONB017");
    }

    @Test
    void aKeyThatIsNotP256IsRefusedAtRegistration() throws Exception {
        Customer customer = customer();
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair notEc = rsa.generateKeyPair();

        Http.Answer answer = register(customer, notEc);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(code(answer)).isEqualTo("ONB054");
    }

    /** The DER signature (r, n − s): as valid as (r, s), and a different string. */
    private static byte[] negateS(byte[] der) {
        int rLength = der[3];
        byte[] r = Arrays.copyOfRange(der, 4, 4 + rLength);
        int sOffset = 4 + rLength;
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(der, sOffset + 2, sOffset + 2 + der[sOffset + 1]));
        byte[] rBytes = new BigInteger(r).toByteArray();
        byte[] sBytes = P256_ORDER.subtract(s).toByteArray();
        byte[] out = new byte[6 + rBytes.length + sBytes.length];
        out[0] = 0x30;
        out[1] = (byte) (4 + rBytes.length + sBytes.length);
        out[2] = 0x02;
        out[3] = (byte) rBytes.length;
        System.arraycopy(rBytes, 0, out, 4, rBytes.length);
        out[4 + rBytes.length] = 0x02;
        out[5 + rBytes.length] = (byte) sBytes.length;
        System.arraycopy(sBytes, 0, out, 6 + rBytes.length, sBytes.length);
        return out;
    }
}
