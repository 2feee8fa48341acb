package com.fintechlogin.keycloak.it.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/** Facts of the demo realm the tests rely on, and users made for one test each. */
public final class DemoRealm {

    /** The realm JSON that the run command imports; the tests create the same realm from it. */
    public static final String JSON = "/demo-realm.json";

    public static final String USER_API_CLIENT = "user-api";
    public static final String GATEWAY_CLIENT = "api-gateway";
    public static final String GATEWAY_SECRET = "demo-gateway-secret";
    public static final String DEMO_EMAIL = "demo.user@fintech.example";
    public static final String DEMO_PASSWORD = "Demo-Pass-004";
    public static final String EMAIL_PASSWORD_FLOW = "fintech email password";

    public static final String MOB_APP = "MOB-APP";
    public static final String MOB_APP_SECRET = "demo-mob-app-secret";
    public static final String MOBILE_SIGN_IN_FLOW = "fintech mobile sign-in";
    public static final String SAMPLE_MOBILE = "9999097535";

    public static final String PIN_APP = "MOB-APP-2001";
    public static final String PIN_APP_SECRET = "demo-mob-app-2001-secret";
    public static final String PIN_OR_DEVICE_SUBFLOW = "fintech pin or device";
    public static final String SAMPLE_ACCOUNT_NUMBER = "100";
    static final String SAMPLE_PIN = "1111";
    public static final String SAMPLE_DEVICE_ID = "anid:lIWuLfmQ7Qmb+Ond5gzXdtMvxyX8EnevuDO/Ggpl7S8=:f3bb";

    /** The demo affiliate: its client id is the document's sample {@code affiliate} value. Demo-only values. */
    public static final String DEMO_AFFILIATE_ID = "91f5evhk72f56432ec678sdfes685h42sd2t21k430912508233b7r37562g2hps";
    public static final String DEMO_PROCESSOR_KEY = "demo-processor-key-002";
    public static final String DEMO_CHECKSUM_SECRET = "demo-checksum-secret-002";
    public static final String CARD_USER_MOBILE = "9100000978";
    public static final String CARD_USER_PASSWORD = "Apswd@1234";

    private DemoRealm() {
    }

    /** An account number no other test uses: 12 digits. */
    public static String freshAccountNumber() {
        return "7" + String.format("%011d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000_000L));
    }

    /** A PIN credential in the realm JSON's import form: the plain value, hashed with the pepper on import. */
    public static CredentialRepresentation pin(String pin) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType("pin");
        credential.setSecretData("{\"value\":\"" + pin + "\"}");
        credential.setCredentialData("{}");
        return credential;
    }

    /** A registered device credential. */
    public static CredentialRepresentation device(String deviceId, boolean simBindingEnabled) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType("device");
        credential.setUserLabel(deviceId);
        credential.setSecretData("{}");
        credential.setCredentialData("{\"deviceId\":" + Http.jsonString(deviceId) + ",\"simBindingEnabled\":" + simBindingEnabled + "}");
        return credential;
    }

    /** A mobile number no other test uses: 10 digits, first one 6 to 9. */
    public static String freshMobile() {
        return "6" + String.format("%09d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000_000L));
    }

    public record TestUser(String id, String email, String password) {
    }

    /** A fresh enabled user with an email and password, removed after the test. */
    /** Sets one setting of the demo PIN step's config for this test; restored afterwards. */
    public static void configurePinStep(ManagedRealm realm, String setting, String value) {
        String configId = realm.admin().flows().getExecutions(PIN_OR_DEVICE_SUBFLOW).stream()
                .filter(execution -> "fintech-pin".equals(execution.getProviderId()))
                .findFirst().orElseThrow().getAuthenticationConfig();
        AuthenticatorConfigRepresentation config = realm.admin().flows().getAuthenticatorConfig(configId);
        String previous = config.getConfig().put(setting, value);
        realm.admin().flows().updateAuthenticatorConfig(configId, config);
        realm.cleanup().add(r -> {
            AuthenticatorConfigRepresentation restored = r.flows().getAuthenticatorConfig(configId);
            if (previous == null) {
                restored.getConfig().remove(setting);
            } else {
                restored.getConfig().put(setting, previous);
            }
            r.flows().updateAuthenticatorConfig(configId, restored);
        });
    }

    /** Sets a realm attribute for this test; set back afterwards, to "" (not set) when it was absent. */
    public static void setRealmAttribute(ManagedRealm realm, String name, String value) {
        String previous = realm.admin().toRepresentation().getAttributes().get(name);
        putRealmAttribute(realm, name, value);
        realm.cleanup().add(r -> {
            RealmRepresentation restored = r.toRepresentation();
            // An empty value reads as "not set": the admin API keeps attributes a representation leaves out.
            restored.getAttributes().put(name, previous == null ? "" : previous);
            r.update(restored);
        });
    }

    /**
     * Sets a realm attribute without a cleanup of its own: within a test that set it with {@link #setRealmAttribute},
     * whose cleanup (run in the order registered) then restores the value from before the test.
     */
    public static void putRealmAttribute(ManagedRealm realm, String name, String value) {
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.getAttributes().put(name, value);
        realm.admin().update(rep);
    }

    /** Sets Keycloak's brute-force wait (the first lock's length) for this test; restored afterwards. */
    public static void setBruteForceWaitSeconds(ManagedRealm realm, int seconds) {
        RealmRepresentation rep = realm.admin().toRepresentation();
        int previous = rep.getWaitIncrementSeconds();
        rep.setWaitIncrementSeconds(seconds);
        realm.admin().update(rep);
        realm.cleanup().add(r -> {
            RealmRepresentation restored = r.toRepresentation();
            restored.setWaitIncrementSeconds(previous);
            r.update(restored);
        });
    }

    /**
     * Sets Keycloak's brute-force failure factor for this test; restored afterwards. A test that makes more wrong
     * attempts than the demo's 5 raises it, so that Keycloak's account lockout, which the same failures feed, stays out
     * of the way of the limit under test.
     */
    public static void setFailureFactor(ManagedRealm realm, int failures) {
        RealmRepresentation rep = realm.admin().toRepresentation();
        int previous = rep.getFailureFactor();
        rep.setFailureFactor(failures);
        realm.admin().update(rep);
        realm.cleanup().add(r -> {
            RealmRepresentation restored = r.toRepresentation();
            restored.setFailureFactor(previous);
            r.update(restored);
        });
    }

    /** Turns Keycloak's brute-force detection on or off for this test; restored afterwards. */
    public static void setBruteForceProtected(ManagedRealm realm, boolean on) {
        RealmRepresentation rep = realm.admin().toRepresentation();
        boolean previous = Boolean.TRUE.equals(rep.isBruteForceProtected());
        rep.setBruteForceProtected(on);
        realm.admin().update(rep);
        realm.cleanup().add(r -> {
            RealmRepresentation restored = r.toRepresentation();
            restored.setBruteForceProtected(previous);
            r.update(restored);
        });
    }

    /** Turns Keycloak's permanent lockout on for this test, after {@code maxTemporaryLockouts} temporary ones; restored afterwards. */
    public static void setPermanentLockout(ManagedRealm realm, int maxTemporaryLockouts) {
        RealmRepresentation rep = realm.admin().toRepresentation();
        boolean previousPermanent = Boolean.TRUE.equals(rep.isPermanentLockout());
        Integer previousMax = rep.getMaxTemporaryLockouts();
        rep.setPermanentLockout(true);
        rep.setMaxTemporaryLockouts(maxTemporaryLockouts);
        realm.admin().update(rep);
        realm.cleanup().add(r -> {
            RealmRepresentation restored = r.toRepresentation();
            restored.setPermanentLockout(previousPermanent);
            restored.setMaxTemporaryLockouts(previousMax == null ? 0 : previousMax);
            r.update(restored);
        });
    }

    /** Keycloak records failures asynchronously: polls its attack-detection view, as an admin would, until the user is locked. */
    public static void awaitKeycloakLockout(ManagedRealm realm, String userId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> status = realm.admin().attackDetection().bruteForceUserStatus(userId);
            if (Boolean.TRUE.equals(status.get("disabled"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Keycloak's brute-force detection did not lock user " + userId);
    }

    public static TestUser newUser(ManagedRealm realm) {
        return newUser(realm, Map.of());
    }

    /** As {@link #newUser(ManagedRealm)}, with user attributes. */
    public static TestUser newUser(ManagedRealm realm, Map<String, List<String>> attributes) {
        return newUser(realm, attributes, List.of());
    }

    /**
     * As {@link #newUser(ManagedRealm)}, with user attributes and further credentials in the realm JSON's form
     * (a PIN as {@code {"type":"pin","secretData":"{\"value\":\"1234\"}"}}, a device, ...).
     */
    public static TestUser newUser(ManagedRealm realm, Map<String, List<String>> attributes, List<CredentialRepresentation> more) {
        NewUser user = user(attributes, more);
        String id = create(realm.admin(), user.representation());
        realm.cleanup().add(r -> r.users().delete(id).close());
        return new TestUser(id, user.representation().getEmail(), user.password());
    }

    /** A user to create: its representation (credentials included) and its password. */
    public record NewUser(UserRepresentation representation, String password) {
    }

    /**
     * A fresh enabled user with a unique username and email, a random password, user attributes and further
     * credentials in the realm JSON's form (a PIN as {@code {"type":"pin","secretData":"{\"value\":\"1234\"}"}}, a device, ...).
     */
    public static NewUser user(Map<String, List<String>> attributes, List<CredentialRepresentation> more) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UserRepresentation user = new UserRepresentation();
        user.setUsername("it-" + tag);
        user.setEmail("it-" + tag + "@fintech.example");
        user.setEmailVerified(true);
        user.setFirstName("Test");
        user.setLastName(tag);
        user.setEnabled(true);
        user.setAttributes(new HashMap<>(attributes));
        String password = "Pw-" + UUID.randomUUID();
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        List<CredentialRepresentation> credentials = new ArrayList<>(more);
        credentials.add(0, credential);
        user.setCredentials(credentials);
        return new NewUser(user, password);
    }

    /** Creates the user through the admin API and returns its id. */
    public static String create(RealmResource realm, UserRepresentation user) {
        try (Response created = realm.users().create(user)) {
            if (created.getStatus() != 201) {
                throw new AssertionError("User not created: HTTP " + created.getStatus() + " " + created.readEntity(String.class));
            }
            String location = created.getLocation().getPath();
            return location.substring(location.lastIndexOf('/') + 1);
        }
    }
}
