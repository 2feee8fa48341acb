package com.fintechlogin.keycloak.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.DemoRealm.TestUser;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;
import com.fintechlogin.keycloak.it.support.Guessing;
import com.fintechlogin.keycloak.it.support.Http;
import com.fintechlogin.keycloak.it.support.SuccessWindows;
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
    private static final String SUCCESSES_PER_ADDRESS = "fintech.budget.successes-per-address";
    private static final String SUCCESSES_PER_CLIENT = "fintech.budget.successes-per-client";
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    private record Answer(int status, String retryAfter, JsonNode json) {
    }

    /** A POST of {@code json} to the fintech API {@code path}, sent from the local address {@code from}. */
    private Answer post(String from, String path, Map<String, String> headers, String json) {
        return send(from, "/fintech/" + path, "application/json", headers, json);
    }

    /**
     * A wrong or right password for {@code username} at Keycloak's own token endpoint (the password grant) of the
     * client {@code clientId}, sent from {@code from}: the same flow as the API of that client, without the API.
     */
    /** A new user whose next login must set a new password first: it completes only after that required action. */
    private TestUser userWhoMustUpdateTheirPassword() {
        TestUser pending = DemoRealm.newUser(realm);
        var user = realm.admin().users().get(pending.id());
        var representation = user.toRepresentation();
        representation.setRequiredActions(List.of("UPDATE_PASSWORD"));
        user.update(representation);
        return pending;
    }

    private Answer passwordGrant(String from, String clientId, String username, String password) {
        String form = "grant_type=password&client_id=" + encoded(clientId) + "&username=" + encoded(username)
                + "&password=" + encoded(password) + "&scope=openid";
        return send(from, "/protocol/openid-connect/token", "application/x-www-form-urlencoded", Map.of(), form);
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A POST of {@code body} to {@code path} under the realm's URL, sent from the local address {@code from}. */
    private Answer send(String from, String path, String contentType, Map<String, String> headers, String body) {
        URI base = URI.create(realm.getBaseUrl());
        List<Map.Entry<String, byte[]>> sent = new ArrayList<>();
        sent.add(Map.entry("Content-Type", contentType.getBytes(StandardCharsets.US_ASCII)));
        headers.forEach((name, value) -> sent.add(Map.entry(name, value.getBytes(StandardCharsets.UTF_8))));
        RawHttp.Response response = RawHttp.exchange(address(from), "127.0.0.1", base.getPort(),
                new RawHttp.Request("POST", base.getPath() + path, sent, body.getBytes(StandardCharsets.UTF_8)));
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

    /**
     * Success budgets of {@code perAddress} and {@code perClient} logins, and a window of an hour, with room left in it
     * for the test ({@link SuccessWindows#awaitRoom}).
     */
    private void successBudgets(String perAddress, String perClient) {
        SuccessWindows.awaitRoom(3600);
        DemoRealm.setRealmAttribute(realm, SUCCESSES_PER_ADDRESS, perAddress);
        DemoRealm.setRealmAttribute(realm, SUCCESSES_PER_CLIENT, perClient);
        DemoRealm.setRealmAttribute(realm, WINDOW, "3600");
    }

    private static String detail(EventRepresentation event, String name) {
        return event.getDetails() == null ? null : event.getDetails().get(name);
    }

    @Test
    void anAddressThatCompletedItsSuccessBudgetIsRefusedInEachAnswerWhileACustomerFromAnotherAddressLogsIn() {
        // An attacker holding valid credentials: none of its logins fails, so no failure budget slows it.
        successBudgets("5", "100000");
        List<TestUser> bought = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            bought.add(DemoRealm.newUser(realm));
        }
        TestUser customer = DemoRealm.newUser(realm);

        for (int i = 0; i < 5; i++) {
            Answer login = emailPassword("127.0.6.2", bought.get(i).email(), bought.get(i).password(), Map.of());
            assertThat(login.status()).as("right login %d of the address, within its success budget", i + 1).isEqualTo(200);
        }
        Answer refused = emailPassword("127.0.6.2", bought.get(5).email(), bought.get(5).password(), Map.of());
        Answer again = emailPassword("127.0.6.2", bought.get(6).email(), "Wrong-pass", Map.of());
        Answer token = passwordGrant("127.0.6.2", DemoRealm.USER_API_CLIENT, bought.get(6).email(), bought.get(6).password());
        Answer elsewhere = emailPassword("127.0.6.3", customer.email(), customer.password(), Map.of());

        assertThat(refused.status()).as("the sixth right login of the address").isEqualTo(429);
        assertThat(refused.json().path("responseCode").asInt()).isEqualTo(429);
        assertThat(refused.json().path("responseMessage").asText()).doesNotContainIgnoringCase("failed");
        assertThat(Long.parseLong(refused.retryAfter())).isBetween(1L, 3600L);
        assertThat(again.status()).as("a wrong password from it: unevaluated").isEqualTo(429);
        assertThat(token.status()).as("Keycloak's token endpoint on the API's client").isEqualTo(429);
        assertThat(token.json().path("error").asText()).isEqualTo("temporarily_unavailable");
        assertThat(token.json().path("error_description").asText()).doesNotContainIgnoringCase("failed");
        assertThat(token.retryAfter()).matches("[1-9][0-9]*");
        assertThat(elsewhere.status()).as("a customer from another address").isEqualTo(200);

        List<EventRepresentation> refusals = loginErrorsFrom("127.0.6.2").stream()
                .filter(event -> "caller_over_budget".equals(reason(event))).toList();
        assertThat(refusals).as("one event for the address's 3 refusals in its window").hasSize(1);
        assertThat(detail(refusals.get(0), "fintech_budget")).isEqualTo("address");
        assertThat(detail(refusals.get(0), "fintech_budget_kind")).isEqualTo("successes");
        assertThat(refusals.get(0).getError()).as("an alert on failures does not read it as a guesser")
                .isEqualTo("too_many_logins");
        assertThat(loginErrorsFrom("127.0.6.2")).as("nothing evaluated, nothing failed")
                .allMatch(event -> "caller_over_budget".equals(reason(event)));
    }

    @Test
    void aRightPasswordOfAUserWithAPendingRequiredActionCountsInTheRequestThatCheckedIt() {
        // An attacker with valid credentials whose logins never complete in the request that checks the password: the
        // password grant answers "Account is not fully set up" (no login, no LOGIN event), and a browser login would
        // finish the required action in a later request. The right password is what the success budget counts.
        successBudgets("3", "100000");
        TestUser pending = userWhoMustUpdateTheirPassword();

        for (int i = 0; i < 3; i++) {
            Answer keycloaks = passwordGrant("127.0.6.20", "admin-cli", pending.email(), pending.password());
            assertThat(keycloaks.json().path("error_description").asText())
                    .as("Keycloak's own password grant, right password %d: %s", i + 1, keycloaks.json())
                    .isEqualTo("Account is not fully set up");
        }
        Answer keycloaksRefused = passwordGrant("127.0.6.20", "admin-cli", pending.email(), pending.password());
        for (int i = 0; i < 3; i++) {
            Answer apis = passwordGrant("127.0.6.21", DemoRealm.USER_API_CLIENT, pending.email(), pending.password());
            assertThat(apis.json().path("error_description").asText())
                    .as("the API client's flow on the token endpoint, right password %d: %s", i + 1, apis.json())
                    .isEqualTo("Account is not fully set up");
        }
        Answer apisRefused = passwordGrant("127.0.6.21", DemoRealm.USER_API_CLIENT, pending.email(), pending.password());

        assertThat(keycloaksRefused.json().path("error_description").asText())
                .as("the fourth right password through Keycloak's steps: refused unevaluated").isNotEqualTo("Account is not fully set up");
        assertThat(loginErrorsFrom("127.0.6.20")).filteredOn(event -> "caller_over_budget".equals(reason(event)))
                .as("refused by the address's success budget").hasSize(1)
                .allMatch(event -> "successes".equals(detail(event, "fintech_budget_kind")));
        assertThat(apisRefused.status()).as("the fourth through the project's steps: %s", apisRefused.json()).isEqualTo(429);
        assertThat(apisRefused.json().path("error").asText()).isEqualTo("temporarily_unavailable");
    }

    /**
     * Keycloak's own username and password page (the account console's sign-in), as a new browser from {@code from}:
     * true when the right password took the browser on to the user's required action (a redirect to it: the login
     * completes only in a later request, which asks no budget), false when the page came back.
     */
    private boolean signInBeforeARequiredAction(String from, String username, String password) {
        URI base = URI.create(realm.getBaseUrl());
        String origin = "http://127.0.0.1:" + base.getPort();
        String authorize = base.getPath() + "/protocol/openid-connect/auth?client_id=account-console&response_type=code"
                + "&scope=openid&redirect_uri=" + encoded(origin + base.getPath() + "/account/") + "&state=budget"
                + "&code_challenge=" + "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM" + "&code_challenge_method=S256";
        RawHttp.Response page = RawHttp.exchange(address(from), "127.0.0.1", base.getPort(),
                new RawHttp.Request("GET", authorize, List.of(), new byte[0]));
        assertThat(page.status()).as("Keycloak's login page: %s", page.body()).isEqualTo(200);
        String cookies = String.join("; ", RawHttp.headers(page.head()).entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Set-Cookie"))
                .flatMap(header -> header.getValue().stream()).map(cookie -> cookie.split(";", 2)[0].strip()).toList());
        java.util.regex.Matcher form = java.util.regex.Pattern.compile(
                "<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"|<form[^>]*action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"",
                java.util.regex.Pattern.DOTALL).matcher(page.body());
        assertThat(form.find()).as("the username and password form").isTrue();
        URI action = URI.create((form.group(1) != null ? form.group(1) : form.group(2)).replace("&amp;", "&"));
        String body = "username=" + encoded(username) + "&password=" + encoded(password) + "&credentialId=";
        RawHttp.Response answer = RawHttp.exchange(address(from), "127.0.0.1", base.getPort(), new RawHttp.Request("POST",
                action.getRawPath() + "?" + action.getRawQuery(), List.of(
                        Map.entry("Content-Type", "application/x-www-form-urlencoded".getBytes(StandardCharsets.US_ASCII)),
                        Map.entry("Cookie", cookies.getBytes(StandardCharsets.US_ASCII))),
                body.getBytes(StandardCharsets.UTF_8)));
        if (answer.status() == 302) {
            List<String> location = RawHttp.headers(answer.head()).getOrDefault("Location", List.of());
            assertThat(location).as("where the right password led").singleElement().asString().contains("required-action");
            return true;
        }
        assertThat(answer.status()).as("the page again: %s", answer.body()).isIn(200, 400, 401, 429);
        return false;
    }

    @Test
    void aRightPasswordOnKeycloaksPageBeforeARequiredActionCountsInTheRequestThatCheckedIt() {
        // The login would complete only after the required action, in a later request that asks no budget: the right
        // password counts where it was checked.
        successBudgets("3", "100000");
        TestUser pending = userWhoMustUpdateTheirPassword();

        for (int i = 0; i < 3; i++) {
            assertThat(signInBeforeARequiredAction("127.0.6.30", pending.email(), pending.password()))
                    .as("right password %d, then the required action", i + 1).isTrue();
        }
        boolean fourth = signInBeforeARequiredAction("127.0.6.30", pending.email(), pending.password());

        assertThat(fourth).as("the fourth right password from the address: refused unevaluated").isFalse();
        assertThat(loginErrorsFrom("127.0.6.30")).filteredOn(event -> "caller_over_budget".equals(reason(event)))
                .as("refused by the address's success budget").hasSize(1)
                .allMatch(event -> "successes".equals(detail(event, "fintech_budget_kind")));
    }

    @Test
    void anAppOverItsSuccessBudgetRefusesOnlyAnAddressThatLoggedInThreeTimesItselfNeverACleanOne() {
        // An address success budget of 20, whose tenth is less than 3: over the app's budget, an address that completed
        // 3 logins itself is refused. A fresh app, so that its logins are only this test's.
        TestApps.App app = TestApps.create(realm, 300, true);
        successBudgets("20", "6");
        String appToken = post("127.0.7.100", "market-place/v1/token",
                Map.of("X-API-KEY", app.clientId(), "X-API-SECRET", app.secret()), "{}").json().at("/data/token").asText();
        java.util.function.Function<String, Answer> signIn = from -> post(from, "lending/v1/token",
                Map.of("X-API-KEY", app.clientId(), "X-API-TOKEN", appToken),
                "{\"token\": " + Http.jsonString(appToken) + ", \"mobile\": \"" + DemoRealm.SAMPLE_MOBILE + "\"}");

        for (String from : List.of("127.0.7.1", "127.0.7.2", "127.0.7.3")) {
            for (int i = 0; i < 2; i++) {
                Answer login = signIn.apply(from);
                assertThat(login.status()).as("mobile sign-in %d from %s: %s", i + 1, from, login.json()).isEqualTo(200);
            }
        }
        assertThat(signIn.apply("127.0.7.1").status()).as("a third from an address, the app at its budget of 6")
                .isEqualTo(200);

        Answer busy = signIn.apply("127.0.7.1");
        assertThat(busy.status()).as("a fourth from the address that logged in 3 times, the app over its budget")
                .isEqualTo(429);
        assertThat(busy.json().path("resCode").asInt()).isEqualTo(429);
        assertThat(busy.retryAfter()).matches("[1-9][0-9]*");
        assertThat(signIn.apply("127.0.7.2").status()).as("an address that logged in twice").isEqualTo(200);
        assertThat(signIn.apply("127.0.7.9").status()).as("a clean address").isEqualTo(200);

        List<EventRepresentation> refusals = loginErrorsFrom("127.0.7.1").stream()
                .filter(event -> "caller_over_budget".equals(reason(event))).toList();
        assertThat(refusals).hasSize(1);
        assertThat(detail(refusals.get(0), "fintech_budget")).isEqualTo("client");
        assertThat(detail(refusals.get(0), "fintech_budget_kind")).isEqualTo("successes");
        assertThat(refusals.get(0).getError()).isEqualTo("too_many_logins");
    }

    @Test
    void anAddressAdmittedUnreadUntilItsWatchIsHeldToItsFailureBudgetExactly() {
        // A budget of 100: an address is admitted without a database read until its failures reach the watch (10 here,
        // from which the client's budget could refuse it), then read, reserved near the budget, and refused at it.
        budgets("100", "5000", "600");
        List<Answer> spray = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            spray.add(emailPassword("127.0.9.2", "watched-" + i + "@budget.example", "Wrong-pass-" + i, Map.of()));
        }

        assertThat(spray.subList(0, 100)).extracting(Answer::status).as("evaluated: unknown users").containsOnly(404);
        assertThat(spray.subList(100, 130)).extracting(Answer::status).as("over the budget").containsOnly(429);
    }

    @Test
    void anAddressAdmittedUnreadUntilItsWatchIsHeldToItsSuccessBudgetExactly() {
        successBudgets("100", "100000");
        List<TestUser> bought = new ArrayList<>();
        for (int i = 0; i < 110; i++) {
            bought.add(DemoRealm.newUser(realm));
        }
        List<Answer> logins = new ArrayList<>();
        for (TestUser user : bought) {
            logins.add(emailPassword("127.0.9.3", user.email(), user.password(), Map.of()));
        }

        assertThat(logins.subList(0, 100)).extracting(Answer::status).as("within the success budget").containsOnly(200);
        assertThat(logins.subList(100, 110)).extracting(Answer::status).as("over it").containsOnly(429);
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
        assertThat(errors).filteredOn(event -> "caller_over_budget".equals(reason(event)))
                .as("one event for the address's 480 refusals in its window, not one each").hasSize(1)
                .allMatch(event -> "address".equals(event.getDetails().get("fintech_budget")))
                .allMatch(event -> "too_many_failures".equals(event.getError()));
        assertThat(errors).filteredOn(event -> !"caller_over_budget".equals(reason(event)))
                .as("failures evaluated").extracting(CallerBudgetTest::reason)
                .hasSize(20).containsOnly("invalid_credentials", "unknown_user");
        assertThat(loginErrorsFrom("127.0.0.3")).as("the customer's failures").isEmpty();
    }

    @Test
    void wrongPasswordsSentAtOnceEvaluateNoMoreThanTheBudget() throws Exception {
        budgets("10", "5000", "600");
        List<Integer> statuses = Guessing.inParallel(50,
                i -> emailPassword("127.0.0.4", "parallel-" + i + "@budget.example", "Wrong-pass", Map.of())).stream()
                .map(Answer::status).toList();

        assertThat(statuses).filteredOn(status -> status == 429).hasSize(40);
        assertThat(loginErrorsFrom("127.0.0.4")).filteredOn(event -> !"caller_over_budget".equals(reason(event)))
                .as("failures evaluated").hasSize(10);
    }

    @Test
    void aConcurrentSprayAdmittedOnReadsStaysWithinATenthOfTheBudget() throws Exception {
        // 200 reserves from its last 50 failures on: the first 150 are admitted on a plain read, 25 at a time.
        budgets("200", "5000", "600");
        List<Integer> statuses = Guessing.inParallel(300,
                i -> emailPassword("127.0.0.8", "concurrent-" + i + "@budget.example", "Wrong-pass", Map.of())).stream()
                .map(Answer::status).toList();

        List<EventRepresentation> evaluated = loginErrorsFrom("127.0.0.8").stream()
                .filter(event -> !"caller_over_budget".equals(reason(event))).toList();
        assertThat(evaluated).as("failures evaluated").hasSizeBetween(200, 220);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(300 - evaluated.size());
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
        assertThat(loginErrorsFrom("127.0.0.5")).as("every event names the address the request came from: 5 failures, "
                + "and the first of 5 refusals").hasSize(6);
        assertThat(loginErrorsFrom("203.0.113.1")).isEmpty();
    }

    @Test
    void aSprayThroughKeycloaksTokenEndpointOnAnApisClientIsCutOffAtTheBudget() {
        budgets("5", "5000", "600");
        TestUser customer = DemoRealm.newUser(realm);

        List<Answer> spray = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            // user-api is a public client: anyone may run the email/password flow on the token endpoint without the API.
            spray.add(passwordGrant("127.0.0.6", DemoRealm.USER_API_CLIENT, "token-spray-" + i + "@budget.example", "Wrong-pass"));
        }

        assertThat(spray.subList(0, 5)).extracting(Answer::status).as("within the budget: evaluated, Keycloak's invalid_grant")
                .containsOnly(400);
        assertThat(spray.subList(5, 15)).extracting(Answer::status).as("over the budget").containsOnly(429);
        for (Answer refused : spray.subList(5, 15)) {
            assertThat(refused.json().path("error").asText()).isEqualTo("temporarily_unavailable");
            assertThat(Long.parseLong(refused.retryAfter())).isBetween(1L, 600L);
        }
        assertThat(loginErrorsFrom("127.0.0.6")).filteredOn(event -> !"caller_over_budget".equals(reason(event)))
                .as("failures evaluated").hasSize(5);
        assertThat(passwordGrant("127.0.0.7", DemoRealm.USER_API_CLIENT, customer.email(), customer.password()).status())
                .as("a customer from another address").isEqualTo(200);
    }

    @Test
    void aSprayOverManyUsersThroughKeycloaksOwnPasswordGrantIsCutOffAtTheBudgetWhileACustomerGetsTokens() {
        // admin-cli: Keycloak's built-in public client, with the password grant on in every realm, running Keycloak's
        // own direct-grant steps rather than this project's. Real users: Keycloak's steps ask the detector only about a
        // user they found.
        budgets("10", "5000", "600");
        List<TestUser> sprayed = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            sprayed.add(DemoRealm.newUser(realm));
        }
        TestUser customer = DemoRealm.newUser(realm);

        List<Answer> spray = new ArrayList<>();
        for (int i = 0; i < sprayed.size(); i++) {
            spray.add(passwordGrant("127.0.5.2", "admin-cli", sprayed.get(i).email(), "Wrong-pass-" + i));
            if (i % 10 == 0) {
                Answer login = passwordGrant("127.0.5.3", "admin-cli", customer.email(), customer.password());
                assertThat(login.status()).as("the customer's tokens during guess %d: %s", i, login.json()).isEqualTo(200);
                assertThat(login.json().path("access_token").asText()).isNotEmpty();
            }
        }

        // Keycloak answers its own steps' refusal as it answers a wrong password: what tells them apart is whether the
        // password was evaluated, which its events say.
        assertThat(spray).extracting(Answer::status).containsOnly(400);
        List<EventRepresentation> errors = loginErrorsFrom("127.0.5.2");
        assertThat(errors).filteredOn(event -> "invalid_user_credentials".equals(event.getError()))
                .as("wrong passwords evaluated").hasSize(10);
        assertThat(errors).filteredOn(event -> "user_temporarily_disabled".equals(event.getError()))
                .as("refused unevaluated").hasSize(20);
        assertThat(errors).filteredOn(event -> "caller_over_budget".equals(reason(event)))
                .as("one over-budget event for the address's window").hasSize(1)
                .allMatch(event -> "address".equals(event.getDetails().get("fintech_budget")));
        for (TestUser user : sprayed) {
            assertThat(passwordGrant("127.0.5.4", "admin-cli", user.email(), user.password()).status())
                    .as("the sprayed user's own login from elsewhere: the budget is the address's, no user was locked")
                    .isEqualTo(200);
        }
        assertThat(loginErrorsFrom("127.0.5.3")).as("the customer's failures").isEmpty();
    }

    @Test
    void wrongSecretsAndAppTokensFromManyAddressesDoNotTurnAnAppOff() {
        TestApps.App app = TestApps.create(realm, 300, true);
        budgets("5000", "3", "600");
        for (int i = 0; i < 10; i++) {
            String from = "127.0.2." + (i + 1);
            assertThat(post(from, "market-place/v1/token", Map.of("X-API-KEY", app.clientId(), "X-API-SECRET", "wrong-secret"),
                    "{}").status()).as("a wrong secret from %s", from).isEqualTo(401);
            assertThat(post(from, "lending/v1/token", Map.of("X-API-KEY", app.clientId(), "X-API-TOKEN", "garbage-" + i),
                    "{\"token\": \"garbage-" + i + "\", \"mobile\": \"" + DemoRealm.SAMPLE_MOBILE + "\"}").status())
                    .as("a made-up app token from %s", from).isEqualTo(401);
        }

        Answer token = post("127.0.2.20", "market-place/v1/token", Map.of("X-API-KEY", app.clientId(), "X-API-SECRET", app.secret()), "{}");
        assertThat(token.status()).as("the app's own secret, after 20 requests that never proved to be the app").isEqualTo(200);
        String appToken = token.json().at("/data/token").asText();
        Answer signIn = post("127.0.2.21", "lending/v1/token", Map.of("X-API-KEY", app.clientId(), "X-API-TOKEN", appToken),
                "{\"token\": " + Http.jsonString(appToken) + ", \"mobile\": \"" + DemoRealm.SAMPLE_MOBILE + "\"}");
        assertThat(signIn.status()).as("mobile sign-in with the app's token: %s", signIn.json()).isEqualTo(200);
    }

    @Test
    void aPublicClientOverItsBudgetRefusesOnlyAddressesThatFailedThreeTimesThemselves() {
        // An address budget of 20, whose tenth is less than 3: a client over its budget refuses an address after 3.
        budgets("20", "3", "600");
        TestUser customer = DemoRealm.newUser(realm);
        // Every address fails once: the email/password API's client (a public one, anyone may name it) goes over 3.
        for (int i = 1; i <= 4; i++) {
            Answer wrong = emailPassword("127.0.4." + i, "public-client-" + i + "@budget.example", "Wrong-pass", Map.of());
            assertThat(wrong.status()).as("a first failure from 127.0.4.%d", i).isIn(401, 404);
        }
        for (String from : List.of("127.0.4.1", "127.0.4.2")) {
            for (int j = 0; j < 2; j++) {
                Answer wrong = emailPassword(from, "public-client-later-" + j + "@budget.example", "Wrong-pass", Map.of());
                assertThat(wrong.status()).as("failure %d from %s, with the client over its budget", j + 2, from)
                        .isIn(401, 404);
            }
        }

        Answer again = emailPassword("127.0.4.1", customer.email(), "Wrong-pass", Map.of());
        assertThat(again.status()).as("an address that failed 3 times, once the client is over its budget").isEqualTo(429);
        assertThat(again.json().path("responseCode").asInt()).isEqualTo(429);
        assertThat(again.retryAfter()).isNotNull();
        assertThat(passwordGrant("127.0.4.2", DemoRealm.USER_API_CLIENT, customer.email(), customer.password()).status())
                .as("the same client on Keycloak's token endpoint, from an address that failed 3 times").isEqualTo(429);
        assertThat(emailPassword("127.0.4.3", customer.email(), customer.password(), Map.of()).status())
                .as("a customer behind an address that failed once (a shared NAT)").isEqualTo(200);
        assertThat(emailPassword("127.0.4.9", customer.email(), customer.password(), Map.of()).status())
                .as("a customer from a clean address").isEqualTo(200);
        assertThat(passwordGrant("127.0.4.10", DemoRealm.USER_API_CLIENT, customer.email(), customer.password()).status())
                .as("a customer from a clean address, on the token endpoint").isEqualTo(200);
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
