package com.fintechlogin.keycloak.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.DemoRealm.TestUser;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;
import com.fintechlogin.keycloak.it.support.Http;
import com.fintechlogin.keycloak.it.support.TestApps;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Failure budgets per caller, from several source addresses at once: every 127.x.y.z is this host's loopback, and the
 * test server listens on all of them, so a client socket bound to 127.0.0.2 is a caller Keycloak sees as 127.0.0.2.
 * The test server has no proxy-headers option, so a forwarded header a client sends must change nothing. Each test
 * uses addresses of its own, since a budget's window outlives the test; the realm's budgets are put back after each.
 */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
class CallerBudgetTest {

    private static final String PER_ADDRESS = "fintech.budget.failures-per-address";
    private static final String PER_CLIENT = "fintech.budget.failures-per-client";
    private static final String WINDOW = "fintech.budget.window-seconds";
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    private record Answer(int status, String retryAfter, JsonNode json) {
    }

    /** A POST of {@code json} to the fintech API {@code path}, sent from the local address {@code from}. */
    private Answer post(String from, String path, Map<String, String> headers, String json) {
        URI base = URI.create(realm.getBaseUrl());
        List<Map.Entry<String, byte[]>> sent = new ArrayList<>();
        sent.add(Map.entry("Content-Type", "application/json".getBytes(StandardCharsets.US_ASCII)));
        headers.forEach((name, value) -> sent.add(Map.entry(name, value.getBytes(StandardCharsets.UTF_8))));
        RawHttp.Response response = RawHttp.exchange(address(from), "127.0.0.1", base.getPort(),
                new RawHttp.Request("POST", base.getPath() + "/fintech/" + path, sent, json.getBytes(StandardCharsets.UTF_8)));
        List<String> retryAfter = RawHttp.headers(response.head()).entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Retry-After"))
                .flatMap(header -> header.getValue().stream()).toList();
        try {
            return new Answer(response.status(), retryAfter.isEmpty() ? null : retryAfter.get(0), JSON.readTree(response.body()));
        } catch (Exception notJson) {
            throw new AssertionError("Not JSON (HTTP " + response.status() + "): " + response.body(), notJson);
        }
    }

    private Answer emailPassword(String from, String email, String password, Map<String, String> headers) {
        return post(from, "user/login", headers, "{\"emailId\": " + Http.jsonString(email) + ", \"password\": "
                + Http.jsonString(password) + "}");
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** The realm's LOGIN_ERROR events from {@code address}, as stored: a refusal's is stored before its answer. */
    private List<EventRepresentation> loginErrorsFrom(String address) {
        return realm.admin().getEvents(List.of("LOGIN_ERROR"), null, null, null, null, address, 0, 5000);
    }

    private static String reason(EventRepresentation event) {
        return event.getDetails() == null ? null : event.getDetails().get("reason");
    }

    private void budgets(String perAddress, String perClient, String windowSeconds) {
        DemoRealm.setRealmAttribute(realm, PER_ADDRESS, perAddress);
        DemoRealm.setRealmAttribute(realm, PER_CLIENT, perClient);
        DemoRealm.setRealmAttribute(realm, WINDOW, windowSeconds);
    }

    @Test
    void aSprayOverFiveHundredUsersIsCutOffAtTheBudgetWhileACustomerLogsInFromAnotherAddress() {
        budgets("20", "5000", "600");
        List<TestUser> sprayed = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sprayed.add(DemoRealm.newUser(realm));
        }
        TestUser customer = DemoRealm.newUser(realm);

        List<Answer> spray = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            // Every other one of the first 20 is a real user: their wrong passwords are evaluated, and none reaches a
            // user's own limit of 5.
            String email = i < 20 && i % 2 == 0 ? sprayed.get(i / 2).email() : "spray-" + i + "@budget.example";
            spray.add(emailPassword("127.0.0.2", email, "Wrong-pass-" + i, Map.of()));
            if (i % 50 == 0) {
                Answer login = emailPassword("127.0.0.3", customer.email(), customer.password(), Map.of());
                assertThat(login.status()).as("the customer's login during guess %d", i).isEqualTo(200);
            }
        }

        assertThat(spray.subList(0, 20)).extracting(Answer::status).as("within the budget: evaluated")
                .allMatch(status -> status == 401 || status == 404);
        assertThat(spray.subList(20, 500)).extracting(Answer::status).as("over the budget").containsOnly(429);
        for (Answer refused : spray.subList(20, 500)) {
            assertThat(refused.json().path("responseCode").asInt()).isEqualTo(429);
            assertThat(Long.parseLong(refused.retryAfter())).isBetween(1L, 600L);
        }
        List<EventRepresentation> errors = loginErrorsFrom("127.0.0.2");
        assertThat(errors).filteredOn(event -> "caller_over_budget".equals(reason(event))).hasSize(480)
                .allMatch(event -> "address".equals(event.getDetails().get("fintech_budget")));
        assertThat(errors).filteredOn(event -> !"caller_over_budget".equals(reason(event)))
                .as("failures evaluated").extracting(CallerBudgetTest::reason)
                .hasSize(20).containsOnly("invalid_credentials", "unknown_user");
        assertThat(loginErrorsFrom("127.0.0.3")).as("the customer's failures").isEmpty();
    }

    @Test
    void wrongPasswordsSentAtOnceEvaluateNoMoreThanTheBudget() throws Exception {
        budgets("10", "5000", "600");
        ExecutorService pool = Executors.newFixedThreadPool(25);
        List<Callable<Answer>> guesses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String email = "parallel-" + i + "@budget.example";
            guesses.add(() -> emailPassword("127.0.0.4", email, "Wrong-pass", Map.of()));
        }
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Answer> answer : pool.invokeAll(guesses)) {
                statuses.add(answer.get().status());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(statuses).filteredOn(status -> status == 429).hasSize(40);
        assertThat(loginErrorsFrom("127.0.0.4")).filteredOn(event -> !"caller_over_budget".equals(reason(event)))
                .as("failures evaluated").hasSize(10);
    }

    @Test
    void aForwardedAddressSentByTheClientMovesNoBudget() {
        budgets("5", "5000", "600");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String claimed = "203.0.113." + (i + 1);
            statuses.add(emailPassword("127.0.0.5", "forwarded-" + i + "@budget.example", "Wrong-pass",
                    Map.of("X-Forwarded-For", claimed, "Forwarded", "for=" + claimed, "X-Real-IP", claimed)).status());
        }

        assertThat(statuses.subList(0, 5)).containsOnly(404);
        assertThat(statuses.subList(5, 10)).containsOnly(429);
        assertThat(loginErrorsFrom("127.0.0.5")).as("every event names the address the request came from").hasSize(10);
        assertThat(loginErrorsFrom("203.0.113.1")).isEmpty();
    }

    @Test
    void aClientOverItsBudgetIsRefusedFromEveryAddress() {
        TestApps.App app = TestApps.create(realm, 300, false);
        budgets("off", "3", "600");
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(post("127.0.2." + (i + 1), "market-place/v1/token",
                    Map.of("X-API-KEY", app.clientId(), "X-API-SECRET", "wrong-secret"), "{}"));
        }

        assertThat(answers.subList(0, 3)).extracting(Answer::status).containsOnly(401);
        assertThat(answers.subList(3, 5)).extracting(Answer::status).containsOnly(429);
        assertThat(answers.get(4).json().path("resCode").asInt()).isEqualTo(429);
        assertThat(answers.get(4).retryAfter()).isNotNull();
        List<EventRepresentation> refused = realm.admin().getEvents(List.of("CLIENT_LOGIN_ERROR"), app.clientId(), null,
                null, null, null, 0, 100);
        assertThat(refused).filteredOn(event -> "caller_over_budget".equals(reason(event))).hasSize(2)
                .allMatch(event -> "client".equals(event.getDetails().get("fintech_budget")));
        // The app's own right secret is refused too while its budget is spent: what a client budget trades for.
        assertThat(post("127.0.2.9", "market-place/v1/token", Map.of("X-API-KEY", app.clientId(), "X-API-SECRET",
                app.secret()), "{}").status()).isEqualTo(429);
    }

    @Test
    void eachApiAnswersAnAddressOverItsBudgetInItsOwnEnvelope() {
        budgets("1", "5000", "600");
        record Api(String path, Map<String, String> headers, String body, String codePointer, String code) {
        }
        List<Api> apis = List.of(
                new Api("user/login", Map.of(), "{}", "/responseCode", "429"),
                new Api("market-place/v1/token", Map.of(), "{}", "/resCode", "429"),
                new Api("lending/v1/token", Map.of(), "{}", "/resCode", "429"),
                new Api("onboarding/user/v2/login", Map.of(), "{}", "/resCode", "ONB056"),
                new Api("airpay/ms/cards/api/user-login", Map.of(), "{}", "/status", "429"),
                new Api("getToken", Map.of(), "{}", "/response/errorCode", "FPDR4290"));
        for (int i = 0; i < apis.size(); i++) {
            Api api = apis.get(i);
            String from = "127.0.3." + (i + 1);
            Answer malformed = post(from, api.path(), api.headers(), api.body());
            assertThat(malformed.status()).as(api.path() + ": a malformed request, within the budget").isIn(400, 401);

            Answer refused = post(from, api.path(), api.headers(), api.body());

            assertThat(refused.status()).as(api.path()).isEqualTo(429);
            assertThat(refused.json().at(api.codePointer()).asText()).as(api.path()).isEqualTo(api.code());
            assertThat(refused.retryAfter()).as(api.path() + ": Retry-After").matches("[1-9][0-9]*");
        }
    }
}
