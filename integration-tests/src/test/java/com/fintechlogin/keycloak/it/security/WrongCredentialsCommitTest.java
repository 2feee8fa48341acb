package com.fintechlogin.keycloak.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.DemoRealm.TestUser;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;
import com.fintechlogin.keycloak.it.support.Http;
import com.fintechlogin.keycloak.it.support.Logins;
import com.fintechlogin.keycloak.it.support.ServerLog;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectEvents;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.events.Events;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * A wrong credential is counted in the transaction of the request that checked it, so every route must commit that
 * request when it answers "wrong", or each guess there would be free. The limiter counts a failure again when a
 * request that counted one rolls back, and says so in the server log; on every route here, two wrong credentials in a
 * row must each see the other's count (attempts left 4, then 3) without any such recount — the request committed.
 */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
class WrongCredentialsCommitTest {

    private static final String PIN = "2580";
    private static final String WRONG_PIN = "1357";
    private static final String DEVICE = "anid:commit-device-01";
    private static final Set<String> FAILURE_EVENTS = Set.of("LOGIN_ERROR", "UPDATE_CREDENTIAL_ERROR");

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @InjectEvents
    Events events;

    private record Customer(TestUser user, String accountNumber) {
    }

    private Customer customer() {
        String accountNumber = DemoRealm.freshAccountNumber();
        TestUser user = DemoRealm.newUser(realm, Map.of("accountNumber", List.of(accountNumber)),
                List.of(DemoRealm.pin(PIN), DemoRealm.device(DEVICE, false)));
        return new Customer(user, accountNumber);
    }

    private String tokenUrl() {
        return realm.getBaseUrl() + "/protocol/openid-connect/token";
    }

    /** Sends {@code wrong} twice for a fresh customer; each request must have committed its count. */
    private void assertEachWrongCredentialCommits(String route, Consumer<Customer> wrong) {
        Customer customer = customer();
        events.clear();
        long logOffset = ServerLog.end();

        wrong.accept(customer);
        wrong.accept(customer);

        assertThat(attemptsLeft(customer.user().id())).as("%s: attempts left after each of two wrong credentials", route)
                .containsExactly("4", "3");
        assertThat(ServerLog.since(logOffset).lines().filter(line -> line.contains(customer.user().id()) && line.contains("rolled back")))
                .as("%s: recounts of a wrong credential whose request rolled back", route).isEmpty();
    }

    private List<String> attemptsLeft(String userId) {
        List<String> left = new ArrayList<>();
        for (EventRepresentation event = events.poll(); event != null; event = events.poll()) {
            if (FAILURE_EVENTS.contains(event.getType()) && userId.equals(event.getUserId()) && event.getDetails() != null
                    && event.getDetails().containsKey("attempts_left")) {
                left.add(event.getDetails().get("attempts_left"));
            }
        }
        return left;
    }

    @Test
    void aWrongPinAtThePinApiCommitsItsCount() {
        Logins logins = new Logins(realm);
        assertEachWrongCredentialCommits("PIN API", customer -> assertThat(
                logins.pinLogin(customer.accountNumber(), WRONG_PIN, DEVICE).status()).isEqualTo(401));
    }

    @Test
    void aWrongPinAtTheStandardTokenEndpointCommitsItsCount() {
        assertEachWrongCredentialCommits("token endpoint, PIN flow", customer -> {
            Http.Answer answer = Http.postForm(tokenUrl(), Map.of("grant_type", "password", "client_id", DemoRealm.PIN_APP,
                    "client_secret", DemoRealm.PIN_APP_SECRET, "username", customer.accountNumber(), "pin", WRONG_PIN,
                    "device_id", DEVICE, "sign_in_mode", "1"), Map.of());
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.json().get("error").asText()).isEqualTo("invalid_grant");
        });
    }

    @Test
    void anUnknownDeviceAtTheDeviceLoginCommitsItsCount() {
        Logins logins = new Logins(realm);
        assertEachWrongCredentialCommits("device login", customer -> {
            try {
                assertThat(logins.deviceLogin(customer.accountNumber(), "anid:commit-unknown-device").status()).isEqualTo(401);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void aWrongPasswordAtTheEmailPasswordApiCommitsItsCount() {
        Logins logins = new Logins(realm);
        assertEachWrongCredentialCommits("email/password API", customer -> assertThat(
                logins.emailPassword(customer.user().email(), "not-" + customer.user().password()).status()).isEqualTo(401));
    }

    @Test
    void aWrongPasswordAtTheStandardTokenEndpointCommitsItsCount() {
        assertEachWrongCredentialCommits("token endpoint, password flow", customer -> {
            Http.Answer answer = Http.postForm(tokenUrl(), Map.of("grant_type", "password", "client_id", DemoRealm.USER_API_CLIENT,
                    "username", customer.user().email(), "password", "not-" + customer.user().password()), Map.of());
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        });
    }

    @Test
    void aWrongCurrentPinAtThePinChangeCommitsItsCount() {
        Logins logins = new Logins(realm);
        assertEachWrongCredentialCommits("PIN change", customer -> {
            String token = logins.emailPasswordToken(customer.user().email(), customer.user().password());
            Http.Answer answer = Logins.manage("POST", logins.fintech("onboarding/user/v1/pin"), token,
                    Map.of("pin", "4826", "oldPin", WRONG_PIN));
            assertThat(answer.status()).as(answer.body()).isEqualTo(401);
        });
    }
}
