package com.fintechlogin.keycloak.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.DemoRealm.TestUser;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;
import com.fintechlogin.keycloak.it.support.Guessing;
import com.fintechlogin.keycloak.it.support.Http;
import com.fintechlogin.keycloak.it.support.Logins;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Keycloak's own password logins in a realm of the extension: its username and password page (the realm's default
 * browser flow, which the account console signs in with) and its password grant (the built-in {@code admin-cli}
 * client). A stranger who knows a customer's email guesses there instead of on the APIs. Their wrong passwords must
 * count against the one password limit the APIs count against, lock the password only, and never let Keycloak's own
 * detector add them to wrong PINs and device proofs and disable the customer: the PIN and device logins stay open.
 * The demo realm's limits apply: 5 wrong passwords (Keycloak's failure factor), 5 wrong PINs.
 */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
class KeycloakOwnPasswordsTest {

    private static final int LIMIT = 5;
    private static final String PIN = "2580";
    private static final String WRONG_PIN = "1357";

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    /** A customer with email and password, a PIN and a device without a key. */
    private record Customer(TestUser user, String accountNumber, String device) {
    }

    private Customer customer() {
        String accountNumber = DemoRealm.freshAccountNumber();
        String device = "anid:own-passwords-" + UUID.randomUUID();
        TestUser user = DemoRealm.newUser(realm, Map.of("accountNumber", List.of(accountNumber)),
                List.of(DemoRealm.pin(PIN), DemoRealm.device(device, false)));
        return new Customer(user, accountNumber, device);
    }

    private Logins logins() {
        return new Logins(realm);
    }

    private KeycloakLoginPage loginPage() {
        return new KeycloakLoginPage(realm.getBaseUrl());
    }

    /** Keycloak's password grant on its built-in admin-cli client, which the realm did not turn off. */
    private static Http.Answer passwordGrant(String realmUrl, String username, String password) {
        return Http.postForm(realmUrl + "/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", username, "password", password), Map.of());
    }

    private static void assertOnb(Http.Answer answer, String code) {
        assertThat(answer.json().get("resCode").asText()).as(answer.body()).isEqualTo(code);
    }

    private boolean enabled(String userId) {
        return realm.admin().users().get(userId).toRepresentation().isEnabled();
    }

    private static long lastFailure(RealmResource realm, String userId) {
        return ((Number) realm.attackDetection().bruteForceUserStatus(userId).get("lastFailure")).longValue();
    }

    /**
     * Waits until Keycloak's attack-detection view records a failure later than {@code before}: Keycloak's own detector
     * records asynchronously, so this is when whatever it does with the failure has been done.
     */
    private static void awaitFailureAfter(RealmResource realm, String userId, long before) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (lastFailure(realm, userId) > before) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Keycloak's view recorded no failure of user " + userId + " after " + before);
    }

    @Test
    void wrongPinsThenAWrongPasswordOnKeycloaksPasswordGrantLeaveTheUserEnabledAndThePinAndDeviceOpen() throws Exception {
        // The realm's permanent lockout without temporary lockouts first: Keycloak's detector disables the user once
        // it counts the failure factor.
        DemoRealm.setPermanentLockout(realm, 0);
        Customer customer = customer();
        for (int i = 0; i < LIMIT - 1; i++) {
            assertOnb(logins().pinLogin(customer.accountNumber(), WRONG_PIN, customer.device()), "ONB017");
        }
        long afterThePins = lastFailure(realm.admin(), customer.user().id());

        Http.Answer wrong = passwordGrant(realm.getBaseUrl(), customer.user().email(), "wrong-password");
        assertThat(wrong.status()).as(wrong.body()).isEqualTo(400);
        assertThat(wrong.json().get("error").asText()).isEqualTo("invalid_grant");
        awaitFailureAfter(realm.admin(), customer.user().id(), afterThePins);

        assertThat(enabled(customer.user().id())).as("the customer is still enabled").isTrue();
        assertOnb(logins().pinLogin(customer.accountNumber(), PIN, customer.device()), "ONB200");
        assertOnb(logins().deviceLogin(customer.accountNumber(), customer.device()), "ONB200");
        assertThat(logins().emailPassword(customer.user().email(), customer.user().password()).status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordsOnKeycloaksLoginPageAndOnTheApiShareOnePasswordLimit() throws Exception {
        Customer customer = customer();
        for (int i = 0; i < LIMIT - 1; i++) {
            assertThat(loginPage().signIn(customer.user().email(), "wrong-" + i)).isFalse();
        }

        assertThat(logins().emailPassword(customer.user().email(), "wrong-api").status()).as("the last attempt").isEqualTo(401);

        assertThat(logins().emailPassword(customer.user().email(), customer.user().password()).status())
                .as("the right password, locked").isEqualTo(423);
        assertThat(loginPage().signIn(customer.user().email(), customer.user().password()))
                .as("Keycloak's page refuses the right password while the password is locked").isFalse();
        assertThat(passwordGrant(realm.getBaseUrl(), customer.user().email(), customer.user().password()).status())
                .as("so does Keycloak's password grant").isEqualTo(400);
        assertOnb(logins().pinLogin(customer.accountNumber(), PIN, customer.device()), "ONB200");
    }

    @Test
    void wrongPasswordsOnKeycloaksLoginPageUpToALastingLockLeaveTheUserEnabledAndThePinOpen() throws Exception {
        DemoRealm.setPermanentLockout(realm, 0);
        Customer customer = customer();
        for (int i = 0; i < LIMIT; i++) {
            assertThat(loginPage().signIn(customer.user().email(), "wrong-" + i)).isFalse();
        }
        DemoRealm.awaitKeycloakLockout(realm, customer.user().id());

        assertThat(enabled(customer.user().id())).as("the customer is still enabled").isTrue();
        assertThat(realm.admin().getEvents(List.of("USER_DISABLED_BY_PERMANENT_LOCKOUT"), null, customer.user().id(), null,
                null, null, 0, 100)).as("the password's lock event")
                .filteredOn(event -> event.getDetails() != null && "password".equals(event.getDetails().get("credential_type")))
                .hasSize(1);
        assertOnb(logins().pinLogin(customer.accountNumber(), PIN, customer.device()), "ONB200");
        assertThat(logins().emailPassword(customer.user().email(), customer.user().password()).status())
                .as("the password lock is the API's too").isEqualTo(423);
        assertThat(loginPage().signIn(customer.user().email(), customer.user().password())).isFalse();

        realm.admin().attackDetection().clearBruteForceForUser(customer.user().id());

        assertThat(logins().emailPassword(customer.user().email(), customer.user().password()).status()).isEqualTo(200);
        assertThat(loginPage().signIn(customer.user().email(), customer.user().password())).isTrue();
    }

    @Test
    void aRightPasswordOnKeycloaksLoginPageStartsThePasswordCountAgain() throws Exception {
        Customer customer = customer();
        for (int i = 0; i < LIMIT - 1; i++) {
            assertThat(logins().emailPassword(customer.user().email(), "wrong-" + i).status()).isEqualTo(401);
        }

        assertThat(loginPage().signIn(customer.user().email(), customer.user().password())).isTrue();

        for (int i = 0; i < LIMIT - 1; i++) {
            assertThat(logins().emailPassword(customer.user().email(), "again-" + i).status())
                    .as("wrong password %d after the right one", i + 1).isEqualTo(401);
        }
        assertThat(logins().emailPassword(customer.user().email(), customer.user().password()).status()).isEqualTo(200);
    }

    /** The reasons Keycloak's password grant gave in the user's LOGIN_ERROR events (its event error). */
    private List<String> loginErrors(String userId) {
        return realm.admin().getEvents(List.of("LOGIN_ERROR"), null, userId, null, null, null, 0, 1000).stream()
                .map(EventRepresentation::getError).toList();
    }

    @Test
    void parallelWrongPasswordsOnKeycloaksPasswordGrantEvaluateAtMostTheLimit() throws Exception {
        // A stranger who knows the email sends many guesses at once to the built-in admin-cli client, a public client
        // with the password grant in every realm an admin did not change. At most the limit of them may be evaluated,
        // the rest refused unread. On one node Keycloak's own refusal of a login of a user already in progress refuses
        // most of them (user_temporarily_disabled); it does not reach across nodes, nor hold when the server allows
        // concurrent requests, which is why the detector makes them take turns on the password counter as well. So this
        // case cannot fail here; ClusterTest sends such a burst to two nodes that allow concurrent requests, where it can.
        int limit = 3;
        DemoRealm.setFailureFactor(realm, limit);
        Customer customer = customer();
        int guesses = 30;
        List<Http.Answer> answers = Guessing.inParallel(guesses, i -> passwordGrant(realm.getBaseUrl(),
                customer.user().email(), "wrong-" + i));

        assertThat(answers).as("every parallel guess refused").allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.json().get("error").asText()).isEqualTo("invalid_grant");
        });
        // A guess refused unread (Keycloak's refusal while another login of the user is in progress) is no failure, so
        // the burst need not have reached the limit. Guesses one at a time take it there; a right password then must
        // get no tokens.
        for (int i = 0; i < limit; i++) {
            assertThat(passwordGrant(realm.getBaseUrl(), customer.user().email(), "late-wrong-" + i).status())
                    .isEqualTo(400);
        }
        Http.Answer right = passwordGrant(realm.getBaseUrl(), customer.user().email(), customer.user().password());
        assertThat(right.status()).as("the right password once the limit is reached: %s", right.body()).isEqualTo(400);
        assertThat(right.json().has("access_token")).isFalse();

        List<String> errors = loginErrors(customer.user().id());
        assertThat(errors).as("every guess left a login error").hasSize(guesses + limit + 1);
        assertThat(errors.stream().filter("invalid_user_credentials"::equals).count())
                .as("passwords evaluated out of %d guesses (%s)", guesses + limit + 1, errors).isBetween(1L, (long) limit);
    }

    @Test
    void aStrangersUnknownEmailThatIsACustomersUsernameChargesThatCustomerNothing() throws Exception {
        // The email/password API's direct grant (public client user-api) looks the user up by email only. A user name
        // given as the email finds no one and checks no credential; it must not count as a failure of the customer
        // whose user name it is, whom Keycloak's permanent lockout would otherwise disable after the failure factor.
        DemoRealm.setPermanentLockout(realm, 0);
        Customer customer = customer();
        String username = realm.admin().users().get(customer.user().id()).toRepresentation().getUsername();
        for (int i = 0; i < LIMIT; i++) {
            Http.Answer answer = Http.postForm(realm.getBaseUrl() + "/protocol/openid-connect/token", Map.of(
                    "grant_type", "password", "client_id", "user-api", "username", username, "password", "x"), Map.of());
            assertThat(answer.status()).as(answer.body()).isIn(400, 401);
        }

        // Keycloak's detector records asynchronously; without a failure to wait for, give it far longer than it takes
        // (milliseconds) to show one, checking all along.
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        do {
            Map<String, Object> status = realm.admin().attackDetection().bruteForceUserStatus(customer.user().id());
            assertThat(((Number) status.get("numFailures")).intValue()).as("failures Keycloak counts for the customer")
                    .isZero();
            assertThat(enabled(customer.user().id())).as("the customer is still enabled").isTrue();
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        assertThat(loginPage().signIn(customer.user().email(), customer.user().password())).isTrue();
        assertOnb(logins().pinLogin(customer.accountNumber(), PIN, customer.device()), "ONB200");
    }

    @Test
    void aDisabledCustomersPasswordCannotBeTestedOnKeycloaksPasswordGrant() throws Exception {
        // An admin suspended the customer. Keycloak's grant checks a disabled user's password after its brute-force
        // check and uncounted, and answers "Account disabled" to the right one only: a stranger could test passwords
        // without limit. Every guess must get the same answer, and none may count.
        Customer customer = customer();
        var representation = realm.admin().users().get(customer.user().id()).toRepresentation();
        representation.setEnabled(false);
        realm.admin().users().get(customer.user().id()).update(representation);

        List<String> answers = new java.util.ArrayList<>();
        for (int i = 0; i < LIMIT + 2; i++) {
            answers.add(passwordGrant(realm.getBaseUrl(), customer.user().email(), "wrong-" + i).json()
                    .path("error_description").asText());
        }
        Http.Answer right = passwordGrant(realm.getBaseUrl(), customer.user().email(), customer.user().password());

        assertThat(right.status()).as(right.body()).isEqualTo(400);
        assertThat(right.json().path("error_description").asText()).as("the right password's answer")
                .isEqualTo("Invalid user credentials");
        assertThat(answers).as("the wrong passwords' answers").containsOnly("Invalid user credentials");
        assertThat(loginPage().signIn(customer.user().email(), customer.user().password())).isFalse();

        representation.setEnabled(true);
        realm.admin().users().get(customer.user().id()).update(representation);
        assertThat(passwordGrant(realm.getBaseUrl(), customer.user().email(), customer.user().password()).status())
                .as("the guesses while disabled counted nothing").isEqualTo(200);
    }

    @Test
    void aRealmWithoutTheExtensionsStepsKeepsKeycloaksOwnLockout() throws Exception {
        // The extension's part in Keycloak's brute-force detection is server-wide; a realm that uses none of its steps
        // (like master) must see Keycloak's own behaviour: its permanent lockout disables the user.
        String name = "plain-" + UUID.randomUUID().toString().substring(0, 8);
        RealmRepresentation plain = new RealmRepresentation();
        plain.setRealm(name);
        plain.setEnabled(true);
        plain.setBruteForceProtected(true);
        plain.setPermanentLockout(true);
        plain.setMaxTemporaryLockouts(0);
        plain.setFailureFactor(2);
        plain.setQuickLoginCheckMilliSeconds(0L);
        admin.realms().create(plain);
        try {
            RealmResource realmResource = admin.realm(name);
            TestUser user = plainUser(realmResource);
            String realmUrl = realm.getBaseUrl().substring(0, realm.getBaseUrl().lastIndexOf('/') + 1) + name;
            // Keycloak records a failure after the answer, and until it has, its detector refuses the next login of the
            // user unread (with a permanent lockout, as "disabled") and counts nothing: the next guess waits for it.
            assertThat(passwordGrant(realmUrl, user.email(), "wrong-0").status()).isEqualTo(400);
            long recorded = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (failuresOf(realmResource, user.id()) < 1 && System.nanoTime() < recorded) {
                Thread.sleep(50);
            }
            assertThat(passwordGrant(realmUrl, user.email(), "wrong-1").status()).isEqualTo(400);
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (realmResource.users().get(user.id()).toRepresentation().isEnabled() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }

            assertThat(realmResource.users().get(user.id()).toRepresentation().isEnabled())
                    .as("Keycloak's permanent lockout disabled the user").isFalse();
            assertThat(passwordGrant(realmUrl, user.email(), user.password()).status()).isEqualTo(400);
        } finally {
            admin.realm(name).remove();
        }
    }

    private static int failuresOf(RealmResource realm, String userId) {
        return ((Number) realm.attackDetection().bruteForceUserStatus(userId).get("numFailures")).intValue();
    }

    private static TestUser plainUser(RealmResource realm) {
        DemoRealm.NewUser user = DemoRealm.user(Map.of(), List.of());
        String id = DemoRealm.create(realm, user.representation());
        return new TestUser(id, user.representation().getEmail(), user.password());
    }
}
