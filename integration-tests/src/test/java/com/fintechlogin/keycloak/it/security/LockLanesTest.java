package com.fintechlogin.keycloak.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.DemoRealm.TestUser;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;
import com.fintechlogin.keycloak.it.support.Http;
import com.fintechlogin.keycloak.it.support.Logins;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Someone who knows a customer's email, mobile or account number guesses a credential until it locks. The lock must
 * close that credential's logins only: the customer's other credentials still let them in, Keycloak's attack-detection
 * view still shows the lock, and Keycloak's unlock still lifts it. With {@code fintech.lockout.account-wide} on, a lock
 * closes every login again, as Keycloak's own account lockout does. The demo realm's limits apply: 5 wrong passwords
 * (Keycloak's failure factor), 5 wrong PINs, 5 wrong device proofs.
 */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
class LockLanesTest {

    private static final int LIMIT = 5;
    private static final String PIN = "2580";
    private static final String WRONG_PIN = "1357";
    private static final String ACCOUNT_WIDE = "fintech.lockout.account-wide";

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    /** A customer of every channel: email and password, a mobile with the same password, a PIN, a device without a key. */
    private record Customer(TestUser user, String mobile, String accountNumber, String device) {
    }

    private Logins logins() {
        return new Logins(realm);
    }

    private Customer customer() {
        String accountNumber = DemoRealm.freshAccountNumber();
        String mobile = DemoRealm.freshMobile();
        String device = "anid:lanes-" + UUID.randomUUID();
        TestUser user = DemoRealm.newUser(realm, Map.of("accountNumber", List.of(accountNumber), "mobile", List.of(mobile)),
                List.of(DemoRealm.pin(PIN), DemoRealm.device(device, false)));
        // The card portal takes passwords of at most 20 characters.
        String password = "Pw-" + UUID.randomUUID().toString().substring(0, 13);
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        realm.admin().users().get(user.id()).resetPassword(credential);
        return new Customer(new TestUser(user.id(), user.email(), password), mobile, accountNumber, device);
    }

    private void lockThePasswordOnUserLogin(Customer customer) throws InterruptedException {
        for (int i = 0; i < LIMIT; i++) {
            assertThat(logins().emailPassword(customer.user().email(), "wrong-" + i).status()).isEqualTo(401);
        }
        assertThat(logins().emailPassword(customer.user().email(), customer.user().password()).status())
                .as("the right password, locked").isEqualTo(423);
        DemoRealm.awaitKeycloakLockout(realm, customer.user().id());
    }

    private void lockThePin(Customer customer) throws InterruptedException {
        for (int i = 0; i < LIMIT; i++) {
            assertOnb(logins().pinLogin(customer.accountNumber(), WRONG_PIN, customer.device()), "ONB017");
        }
        assertOnb(logins().pinLogin(customer.accountNumber(), PIN, customer.device()), "ONB028");
        DemoRealm.awaitKeycloakLockout(realm, customer.user().id());
    }

    /**
     * A card portal login that fails, as it documents every failure (400, {@code fail}), and the reason its event gives
     * an admin: {@code credential_locked} is the password's lock.
     */
    private String cardPortalRefusal(Customer customer, String password) {
        Http.Answer answer = logins().cardPortal(customer.mobile(), password);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("message").asText()).isEqualTo("fail");
        List<EventRepresentation> errors = realm.admin().getEvents(List.of("LOGIN_ERROR"), null, customer.user().id(),
                null, null, null, 0, 1);
        assertThat(errors).as("the refusal's event").hasSize(1);
        assertThat(errors.get(0).getDetails()).containsEntry("fintech_api", "card-portal-login");
        return errors.get(0).getDetails().get("reason");
    }

    /** The lock events of the customer's {@code credentialType}, as an admin lists them. */
    private List<EventRepresentation> lockEvents(String type, Customer customer, String credentialType) {
        return realm.admin().getEvents(List.of(type), null, customer.user().id(), null, null, null, 0, 100).stream()
                .filter(event -> event.getDetails() != null && credentialType.equals(event.getDetails().get("credential_type")))
                .toList();
    }

    /** Keycloak's password grant on its built-in admin-cli client: tokens for the right password, unless locked. */
    private Http.Answer keycloaksPasswordGrant(Customer customer) {
        return Http.postForm(realm.getBaseUrl() + "/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", customer.user().email(), "password", customer.user().password()), Map.of());
    }

    /**
     * Keycloak's own password logins take the right password while another kind's lock is in force: its page (the
     * account console's sign-in) and its grant. The lock shows in Keycloak's view before and after.
     */
    private void assertKeycloaksOwnPasswordLoginsOpen(Customer customer) {
        assertThat(realm.admin().attackDetection().bruteForceUserStatus(customer.user().id()).get("disabled"))
                .as("Keycloak's view shows the lock").isEqualTo(true);
        assertThat(new KeycloakLoginPage(realm.getBaseUrl()).signIn(customer.user().email(), customer.user().password()))
                .as("Keycloak's own page takes the right password").isTrue();
        Http.Answer grant = keycloaksPasswordGrant(customer);
        assertThat(grant.status()).as("Keycloak's password grant: %s", grant.body()).isEqualTo(200);
        assertThat(grant.json().hasNonNull("access_token")).isTrue();
        assertThat(realm.admin().attackDetection().bruteForceUserStatus(customer.user().id()).get("disabled"))
                .as("Keycloak's view still shows the lock").isEqualTo(true);
    }

    private static void assertOnb(Http.Answer answer, String code) {
        assertThat(answer.json().get("resCode").asText()).as(answer.body()).isEqualTo(code);
    }

    @Test
    void aStrangersWrongPasswordsOnUserLoginLeaveThePinAndDeviceLoginsOpen() throws Exception {
        Customer customer = customer();

        lockThePasswordOnUserLogin(customer);
        assertThat(lockEvents("USER_DISABLED_BY_TEMPORARY_LOCKOUT", customer, "password")).as("the password's lock event").hasSize(1);

        assertOnb(logins().pinLogin(customer.accountNumber(), PIN, customer.device()), "ONB200");
        assertOnb(logins().deviceLogin(customer.accountNumber(), customer.device()), "ONB200");
        assertThat(cardPortalRefusal(customer, customer.user().password()))
                .as("the card portal is a password login too").isEqualTo("credential_locked");
    }

    @Test
    void aStrangersWrongPasswordsOnTheCardPortalLeaveThePinLoginOpen() throws Exception {
        Customer customer = customer();
        for (int i = 0; i < LIMIT; i++) {
            assertThat(cardPortalRefusal(customer, "wrong-" + i)).isEqualTo("invalid_credentials");
        }
        assertThat(cardPortalRefusal(customer, customer.user().password())).isEqualTo("credential_locked");
        DemoRealm.awaitKeycloakLockout(realm, customer.user().id());

        assertThat(logins().emailPassword(customer.user().email(), customer.user().password()).status())
                .as("one password, one lock, on every password login").isEqualTo(423);
        assertOnb(logins().pinLogin(customer.accountNumber(), PIN, customer.device()), "ONB200");
    }

    @Test
    void wrongPinsUpToTheLockLeaveThePasswordLoginsOpen() throws Exception {
        Customer customer = customer();

        lockThePin(customer);

        assertThat(logins().emailPassword(customer.user().email(), customer.user().password()).status()).isEqualTo(200);
        assertThat(logins().cardPortal(customer.mobile(), customer.user().password()).status()).isEqualTo(200);
    }

    @Test
    void aPinLockLeavesKeycloaksOwnPasswordPageAndGrantOpen() throws Exception {
        Customer customer = customer();

        lockThePin(customer);

        assertKeycloaksOwnPasswordLoginsOpen(customer);
        assertOnb(logins().pinLogin(customer.accountNumber(), PIN, customer.device()), "ONB028");
    }

    @Test
    void aDeviceLockLeavesKeycloaksOwnPasswordPageAndGrantOpen() throws Exception {
        // Anyone with the account number and the app's public client secret can send wrong device proofs.
        Customer customer = customer();
        for (int i = 0; i < LIMIT; i++) {
            assertOnb(logins().deviceLogin(customer.accountNumber(), "anid:guessed-" + UUID.randomUUID()), "ONB026");
        }
        DemoRealm.awaitKeycloakLockout(realm, customer.user().id());

        assertKeycloaksOwnPasswordLoginsOpen(customer);
        assertOnb(logins().deviceLogin(customer.accountNumber(), customer.device()), "ONB028");
    }

    @Test
    void wrongDeviceProofsUpToTheLockLeaveThePasswordOpen() throws Exception {
        Customer customer = customer();
        for (int i = 0; i < LIMIT; i++) {
            // A device id not registered to the customer is a wrong device proof.
            assertOnb(logins().deviceLogin(customer.accountNumber(), "anid:guessed-" + UUID.randomUUID()), "ONB026");
        }
        assertOnb(logins().deviceLogin(customer.accountNumber(), customer.device()), "ONB028");
        DemoRealm.awaitKeycloakLockout(realm, customer.user().id());
        assertThat(lockEvents("USER_DISABLED_BY_TEMPORARY_LOCKOUT", customer, "device")).as("the device's lock event").hasSize(1);

        assertThat(logins().emailPassword(customer.user().email(), customer.user().password()).status()).isEqualTo(200);
    }

    @Test
    void aPasswordLockThatLastsUntilAnAdminUnlocksLeavesTheUserEnabledAndThePinOpen() throws Exception {
        // The realm's permanent lockout, without temporary lockouts first: Keycloak's own would disable the user.
        DemoRealm.setPermanentLockout(realm, 0);
        Customer customer = customer();

        lockThePasswordOnUserLogin(customer);

        assertThat(realm.admin().users().get(customer.user().id()).toRepresentation().isEnabled()).isTrue();
        assertThat(lockEvents("USER_DISABLED_BY_PERMANENT_LOCKOUT", customer, "password")).as("the password's lock event").hasSize(1);
        assertOnb(logins().pinLogin(customer.accountNumber(), PIN, customer.device()), "ONB200");
        realm.admin().attackDetection().clearBruteForceForUser(customer.user().id());
        assertThat(logins().emailPassword(customer.user().email(), customer.user().password()).status()).isEqualTo(200);
    }

    @Test
    void aPinLockStaysInKeycloaksViewAfterARightPasswordAndKeycloaksUnlockLiftsIt() throws Exception {
        Customer customer = customer();
        lockThePin(customer);
        assertThat(logins().emailPassword(customer.user().email(), customer.user().password()).status()).isEqualTo(200);

        // Nothing to wait for: in a realm of the extension a right password reaches Keycloak's record within the
        // login's own request (the extension's login records no Keycloak category; Keycloak's own are counted there
        // too), so the view can be read at once.
        Map<String, Object> view = realm.admin().attackDetection().bruteForceUserStatus(customer.user().id());
        assertThat(view.get("disabled")).as("the view after the right password: %s", view).isEqualTo(true);
        assertOnb(logins().pinLogin(customer.accountNumber(), PIN, customer.device()), "ONB028");

        realm.admin().attackDetection().clearBruteForceForUser(customer.user().id());

        assertThat(realm.admin().attackDetection().bruteForceUserStatus(customer.user().id()).get("disabled")).isEqualTo(false);
        assertOnb(logins().pinLogin(customer.accountNumber(), PIN, customer.device()), "ONB200");
    }

    @Test
    void aPasswordLockShowsInKeycloaksViewAndKeycloaksUnlockOfEveryUserLiftsIt() throws Exception {
        Customer customer = customer();
        lockThePasswordOnUserLogin(customer);

        realm.admin().attackDetection().clearAllBruteForce();

        assertThat(realm.admin().attackDetection().bruteForceUserStatus(customer.user().id()).get("disabled")).isEqualTo(false);
        assertThat(logins().emailPassword(customer.user().email(), customer.user().password()).status()).isEqualTo(200);
    }

    @Test
    void withTheRealmOptionOnAPasswordLockClosesEveryLoginAgain() throws Exception {
        DemoRealm.setRealmAttribute(realm, ACCOUNT_WIDE, "true");
        Customer customer = customer();

        lockThePasswordOnUserLogin(customer);

        assertOnb(logins().pinLogin(customer.accountNumber(), PIN, customer.device()), "ONB028");
        assertOnb(logins().deviceLogin(customer.accountNumber(), customer.device()), "ONB028");

        realm.admin().attackDetection().clearBruteForceForUser(customer.user().id());

        assertOnb(logins().pinLogin(customer.accountNumber(), PIN, customer.device()), "ONB200");
    }

    @Test
    void withTheRealmOptionOnKeycloaksOwnPasswordGrantCountsInTheApisPasswordLimit() throws Exception {
        // Account-wide, Keycloak's page and grant must still take their turn on the one password counter: a right
        // password there starts the count again, as it does on the APIs, and a wrong one there counts toward the APIs'
        // lock (without it, parallel guesses over two nodes are bounded by Keycloak's detector only, which records
        // after the evaluation).
        DemoRealm.setRealmAttribute(realm, ACCOUNT_WIDE, "true");
        Customer customer = customer();
        for (int i = 0; i < LIMIT - 1; i++) {
            assertThat(logins().emailPassword(customer.user().email(), "wrong-" + i).status()).isEqualTo(401);
        }
        awaitKeycloaksFailures(customer, LIMIT - 1);

        Http.Answer grant = keycloaksPasswordGrant(customer);
        assertThat(grant.status()).as("Keycloak's password grant: %s", grant.body()).isEqualTo(200);

        for (int i = 0; i < LIMIT - 1; i++) {
            assertThat(logins().emailPassword(customer.user().email(), "again-" + i).status())
                    .as("wrong password %d after the right one on Keycloak's grant", i + 1).isEqualTo(401);
        }
        assertThat(logins().emailPassword(customer.user().email(), customer.user().password()).status()).isEqualTo(200);

        for (int i = 0; i < LIMIT - 1; i++) {
            Http.Answer wrong = Http.postForm(realm.getBaseUrl() + "/protocol/openid-connect/token", Map.of("grant_type",
                    "password", "client_id", "admin-cli", "username", customer.user().email(), "password", "grant-" + i), Map.of());
            assertThat(wrong.status()).as(wrong.body()).isEqualTo(400);
        }
        assertThat(logins().emailPassword(customer.user().email(), "api-last").status()).as("the last attempt").isEqualTo(401);
        assertThat(logins().emailPassword(customer.user().email(), customer.user().password()).status())
                .as("the password counter is locked").isEqualTo(423);
    }

    /** Keycloak's detector records asynchronously: waits until its view counts {@code failures} of the customer. */
    private void awaitKeycloaksFailures(Customer customer, int failures) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            Object counted = realm.admin().attackDetection().bruteForceUserStatus(customer.user().id()).get("numFailures");
            if (counted instanceof Number number && number.intValue() >= failures) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Keycloak's view did not count " + failures + " failures of " + customer.user().id());
    }
}
