package com.fintechlogin.keycloak.it.api;

import static com.fintechlogin.keycloak.it.support.AppCrypto.sha256Hex;
import static com.fintechlogin.keycloak.it.support.DemoRealm.CARD_USER_MOBILE;
import static com.fintechlogin.keycloak.it.support.DemoRealm.CARD_USER_PASSWORD;
import static com.fintechlogin.keycloak.it.support.DemoRealm.DEMO_AFFILIATE_ID;
import static com.fintechlogin.keycloak.it.support.DemoRealm.DEMO_CHECKSUM_SECRET;
import static com.fintechlogin.keycloak.it.support.DemoRealm.DEMO_PROCESSOR_KEY;
import static com.fintechlogin.keycloak.it.support.FintechServerConfig.VAULT_KEY;
import static com.fintechlogin.keycloak.it.support.FintechServerConfig.VAULT_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fintechlogin.keycloak.it.support.DemoRealm.TestUser;
import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;
import com.fintechlogin.keycloak.it.support.Guessing;
import com.fintechlogin.keycloak.it.support.Http;
import com.fintechlogin.keycloak.it.support.TestApps;
import com.fintechlogin.keycloak.it.support.Tokens;
import com.nimbusds.jwt.JWTClaimsSet;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectEvents;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.events.Events;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Seed 002, {@code POST /realms/demo/fintech/airpay/ms/cards/api/user-login}, against a real Keycloak with the demo
 * realm. Checksums are computed here from the document's rule, {@code sha256(mobile_no . password . secret)}, with
 * the JDK alone, never with the extension's code.
 */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
class CardPortalLoginApiTest {

    private static final String AFFILIATE = DEMO_AFFILIATE_ID;
    private static final String PROCESSOR_KEY = DEMO_PROCESSOR_KEY;
    private static final String CHECKSUM_SECRET = DEMO_CHECKSUM_SECRET;
    private static final String CARD_PORTAL_FLOW = "fintech card portal login";

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String FAIL = "{\"status\":400,\"message\":\"fail\"}";

    private static final String PROCESSOR_KEY_ATTRIBUTE = "fintech.affiliate.processor-key";
    private static final String SECRET_ATTRIBUTE = "fintech.checksum.secret";
    private static final String FIELDS_ATTRIBUTE = "fintech.checksum.fields";
    private static final String REPLAY_WINDOW_ATTRIBUTE = "fintech.checksum.replay-window-seconds";

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @InjectEvents
    Events events;

    private String loginUrl() {
        return realm.getBaseUrl() + "/fintech/airpay/ms/cards/api/user-login";
    }

    // --- the request, as an affiliate builds it -------------------------------------------------------------------

    private record Affiliate(String clientId, String processorKey, String secret) {
    }

    private static final Affiliate DEMO_AFFILIATE = new Affiliate(AFFILIATE, PROCESSOR_KEY, CHECKSUM_SECRET);

    private record CardUser(String id, String mobile, String password) {
    }

    /** The documented checksum: the values concatenated, then the secret. */
    private static String checksum(Affiliate affiliate, String... values) {
        return sha256Hex(String.join("", values) + affiliate.secret());
    }

    /** A form body as curl's {@code --data-urlencode} builds it, fields in the order given. */
    private static String form(String... namesAndValues) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            pairs.add(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return String.join("&", pairs);
    }

    /** The document's headers, in its order; a {@code null} header is left out. */
    private static Map<String, String> headers(String processorKey, String affiliate, String checksum) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (processorKey != null) {
            headers.put("processor-key", processorKey);
        }
        if (affiliate != null) {
            headers.put("affiliate", affiliate);
        }
        if (checksum != null) {
            headers.put("checksum", checksum);
        }
        return headers;
    }

    private Http.Answer post(String contentType, String body, Map<String, String> headers) {
        return Http.send("POST", loginUrl(), contentType, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** A form-encoded login of {@code mobile} and {@code password}, correctly signed for {@code affiliate}. */
    private Http.Answer login(Affiliate affiliate, String mobile, String password) {
        return post(FORM, form("mobile_no", mobile, "password", password),
                headers(affiliate.processorKey(), affiliate.clientId(), checksum(affiliate, mobile, password)));
    }

    /** As {@link #login(Affiliate, String, String)}, with a timestamp for an affiliate with replay protection. */
    private Http.Answer loginAt(Affiliate affiliate, CardUser user, String timestamp) {
        return post(FORM, form("mobile_no", user.mobile(), "password", user.password(), "timestamp", timestamp),
                headers(affiliate.processorKey(), affiliate.clientId(), checksum(affiliate, user.mobile(), user.password(), timestamp)));
    }

    // --- fixtures ------------------------------------------------------------------------------------------------

    /** A 64-character client id of the document's form (lowercase letters and digits). */
    private static String affiliateId() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    /**
     * A fresh affiliate of the card-portal flow with a 64-character client id, a processor key, a checksum secret
     * and 1800 s tokens; {@code attributes} are added or override those, and {@code flowAlias} picks its flow.
     */
    private Affiliate newAffiliate(Map<String, String> attributes, String flowAlias) {
        Affiliate affiliate = new Affiliate(affiliateId(), "pk-" + UUID.randomUUID(), "cs-" + UUID.randomUUID());
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(affiliate.clientId());
        client.setPublicClient(false);
        client.setStandardFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setServiceAccountsEnabled(false);
        Map<String, String> all = new HashMap<>();
        all.put("access.token.lifespan", "1800");
        all.put(PROCESSOR_KEY_ATTRIBUTE, affiliate.processorKey());
        all.put(SECRET_ATTRIBUTE, affiliate.secret());
        all.putAll(attributes);
        client.setAttributes(all);
        client.setAuthenticationFlowBindingOverrides(Map.of("direct_grant", TestApps.flowId(realm, flowAlias)));
        TestApps.createForTheTest(realm, client);
        return affiliate;
    }

    private Affiliate newAffiliate(Map<String, String> attributes) {
        return newAffiliate(attributes, CARD_PORTAL_FLOW);
    }

    /** A fresh user with a mobile number and a password within the documented 1–20 characters. */
    private CardUser newCardUser() {
        String mobile = DemoRealm.freshMobile();
        TestUser user = DemoRealm.newUser(realm, Map.of("mobile", List.of(mobile)));
        String password = "Pw-" + UUID.randomUUID().toString().substring(0, 13);
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        realm.admin().users().get(user.id()).resetPassword(credential);
        return new CardUser(user.id(), mobile, password);
    }

    private String cardUserId() {
        return realm.admin().users().searchByAttributes("mobile:" + CARD_USER_MOBILE).get(0).getId();
    }

    // --- events --------------------------------------------------------------------------------------------------

    private List<EventRepresentation> allEvents() {
        List<EventRepresentation> seen = new ArrayList<>();
        for (EventRepresentation event = events.poll(); event != null; event = events.poll()) {
            seen.add(event);
        }
        return seen;
    }

    /** Sends one request that must fail as documented, and returns its {@code LOGIN_ERROR} event. */
    private EventRepresentation refusal(String name, Supplier<Http.Answer> send) {
        events.skipAll();
        Http.Answer answer = send.get();
        assertThat(answer.status()).as(name + ": " + answer.body()).isEqualTo(400);
        assertThat(answer.body()).as(name).isEqualTo(FAIL);
        List<EventRepresentation> errors = allEvents().stream().filter(e -> "LOGIN_ERROR".equals(e.getType())).toList();
        assertThat(errors).as(name).hasSize(1);
        EventRepresentation error = errors.get(0);
        assertThat(error.getDetails()).as(name).containsEntry("fintech_api", "card-portal-login");
        return error;
    }

    // --- the documented success ----------------------------------------------------------------------------------

    @Test
    void theSamplesRequestShapeLogsTheDemoUserIn() throws Exception {
        // What the document's curl sends: its headers, in its order, and the fields as --data-urlencode encodes them.
        String body = "mobile_no=" + CARD_USER_MOBILE + "&password=Apswd%401234";
        String checksum = sha256Hex(CARD_USER_MOBILE + CARD_USER_PASSWORD + CHECKSUM_SECRET);

        Http.Answer answer = post(FORM, body, headers(PROCESSOR_KEY, AFFILIATE, checksum));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode json = answer.json();
        assertThat(json.fieldNames()).toIterable().containsExactly("status", "message", "data");
        assertThat(json.get("status").isNumber()).isTrue();
        assertThat(json.get("status").asInt()).isEqualTo(200);
        assertThat(json.get("message").asText()).isEqualTo("success");
        assertThat(json.get("data").fieldNames()).toIterable().containsExactly("token");
        JWTClaimsSet claims = Tokens.verify(realm, json.at("/data/token").asText());
        assertThat(claims.getSubject()).isEqualTo(cardUserId());
        assertThat(claims.getStringClaim("azp")).isEqualTo(AFFILIATE);
        assertThat(Tokens.lifetime(claims)).as("30 minutes, as documented").isBetween(1795L, 1800L);
        assertThat(answer.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    }

    @Test
    void uppercaseHexChecksumIsAccepted() {
        CardUser user = newCardUser();
        String checksum = checksum(DEMO_AFFILIATE, user.mobile(), user.password()).toUpperCase(Locale.ROOT);

        Http.Answer answer = post(FORM, form("mobile_no", user.mobile(), "password", user.password()),
                headers(PROCESSOR_KEY, AFFILIATE, checksum));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    @Test
    void jsonBodyWithTheSameFieldsIsAcceptedUnderTheJsonOrTheFormType() {
        CardUser user = newCardUser();
        String json = "{\"mobile_no\": " + Http.jsonString(user.mobile()) + ", \"password\": " + Http.jsonString(user.password()) + "}";
        Map<String, String> headers = headers(PROCESSOR_KEY, AFFILIATE, checksum(DEMO_AFFILIATE, user.mobile(), user.password()));

        assertThat(post("application/json", json, headers).status()).isEqualTo(200);
        // curl --data-raw with a JSON body and no Content-Type sends the form type.
        assertThat(post(FORM, json, headers).status()).isEqualTo(200);
    }

    @Test
    void headerNamesAreCaseInsensitive() {
        CardUser user = newCardUser();
        Map<String, String> headers = Map.of("Processor-Key", PROCESSOR_KEY, "AFFILIATE", AFFILIATE,
                "Checksum", checksum(DEMO_AFFILIATE, user.mobile(), user.password()));

        assertThat(post(FORM, form("mobile_no", user.mobile(), "password", user.password()), headers).status()).isEqualTo(200);
    }

    @Test
    void successEmitsALoginEventOfTheAffiliateAndTheUser() {
        CardUser user = newCardUser();
        events.skipAll();

        assertThat(login(DEMO_AFFILIATE, user.mobile(), user.password()).status()).isEqualTo(200);

        EventRepresentation success = allEvents().stream().filter(e -> "LOGIN".equals(e.getType())).findFirst().orElseThrow();
        assertThat(success.getClientId()).isEqualTo(AFFILIATE);
        assertThat(success.getUserId()).isEqualTo(user.id());
        assertThat(success.getSessionId()).isNotBlank();
        assertThat(success.getDetails()).containsEntry("fintech_api", "card-portal-login");
    }

    // --- every failure row: 400 fail, the reason in the event -------------------------------------------------------

    @Test
    void malformedOrMissingFieldsAndHeadersAnswerFailAndTheEventNamesTheField() {
        String good = form("mobile_no", CARD_USER_MOBILE, "password", CARD_USER_PASSWORD);
        String goodSum = checksum(DEMO_AFFILIATE, CARD_USER_MOBILE, CARD_USER_PASSWORD);
        record Case(String name, String contentType, String body, Map<String, String> headers, String field) {
        }
        List<Case> cases = List.of(
                new Case("no affiliate header", FORM, good, headers(PROCESSOR_KEY, null, goodSum), "affiliate"),
                new Case("no processor-key header", FORM, good, headers(null, AFFILIATE, goodSum), "processor-key"),
                new Case("no checksum header", FORM, good, headers(PROCESSOR_KEY, AFFILIATE, null), "checksum"),
                new Case("the document's placeholder checksum (not hex)", FORM, good,
                        headers(PROCESSOR_KEY, AFFILIATE, "91f5evhk72f56432ec678sdfes685h42sd2t21k430912508233b7r37562g2hps"), "checksum"),
                new Case("a checksum one digit short", FORM, good, headers(PROCESSOR_KEY, AFFILIATE, goodSum.substring(1)), "checksum"),
                new Case("no mobile_no", FORM, form("password", CARD_USER_PASSWORD),
                        headers(PROCESSOR_KEY, AFFILIATE, checksum(DEMO_AFFILIATE, CARD_USER_PASSWORD)), "mobile_no"),
                new Case("mobile_no of 11 digits", FORM, form("mobile_no", "91000009781", "password", CARD_USER_PASSWORD),
                        headers(PROCESSOR_KEY, AFFILIATE, checksum(DEMO_AFFILIATE, "91000009781", CARD_USER_PASSWORD)), "mobile_no"),
                new Case("the document's placeholder mobile_no", FORM, form("mobile_no", "9XXXXXX978", "password", CARD_USER_PASSWORD),
                        headers(PROCESSOR_KEY, AFFILIATE, checksum(DEMO_AFFILIATE, "9XXXXXX978", CARD_USER_PASSWORD)), "mobile_no"),
                new Case("no password", FORM, form("mobile_no", CARD_USER_MOBILE),
                        headers(PROCESSOR_KEY, AFFILIATE, checksum(DEMO_AFFILIATE, CARD_USER_MOBILE)), "password"),
                new Case("password of 21 characters", FORM, form("mobile_no", CARD_USER_MOBILE, "password", "p".repeat(21)),
                        headers(PROCESSOR_KEY, AFFILIATE, checksum(DEMO_AFFILIATE, CARD_USER_MOBILE, "p".repeat(21))), "password"),
                new Case("a duplicated field", FORM, good + "&mobile_no=9100000979", headers(PROCESSOR_KEY, AFFILIATE, goodSum), "request body"),
                // A bad percent escape under the form type fails in Keycloak's form parsing before the API reads the
                // body; the extension's fault mapper answers it in this envelope without a field (HostileInputTest).
                new Case("broken JSON", "application/json", "{\"mobile_no\": \"" + CARD_USER_MOBILE + "\",",
                        headers(PROCESSOR_KEY, AFFILIATE, goodSum), "request body"));

        for (Case c : cases) {
            EventRepresentation error = refusal(c.name(), () -> post(c.contentType(), c.body(), c.headers()));
            assertThat(error.getDetails()).as(c.name()).containsEntry("reason", "malformed_request").containsEntry("field", c.field());
        }
    }

    @Test
    void wrongMethodMediaTypeOrSizeAnswerTheFailBody() {
        String oversized = "{\"mobile_no\": \"" + CARD_USER_MOBILE + "\", \"password\": \"x\", \"padding\": \"" + "p".repeat(17 * 1024) + "\"}";
        record Case(String name, String method, String contentType, byte[] body, int status) {
        }
        List<Case> cases = List.of(
                new Case("GET", "GET", null, null, 405),
                new Case("PUT", "PUT", FORM, new byte[0], 405),
                new Case("text/plain", "POST", "text/plain", "mobile_no=1&password=x".getBytes(StandardCharsets.UTF_8), 415),
                new Case("multipart", "POST", "multipart/form-data; boundary=x", "--x--".getBytes(StandardCharsets.UTF_8), 415),
                new Case("over 16 KiB", "POST", "application/json", oversized.getBytes(StandardCharsets.UTF_8), 413));

        for (Case c : cases) {
            Http.Answer answer = Http.send(c.method(), loginUrl(), c.contentType(), c.body(),
                    headers(PROCESSOR_KEY, AFFILIATE, checksum(DEMO_AFFILIATE, CARD_USER_MOBILE, "x")));
            assertThat(answer.status()).as(c.name()).isEqualTo(c.status());
            assertThat(answer.body()).as(c.name()).isEqualTo(FAIL);
            assertThat(answer.headers().firstValue("Content-Type")).as(c.name()).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        }
    }

    @Test
    void affiliateRefusalsAnswerFailAndTheEventSaysWhichCheckFailed() {
        Affiliate disabled = newAffiliate(Map.of());
        ClientRepresentation rep = realm.admin().clients().findByClientId(disabled.clientId()).get(0);
        rep.setEnabled(false);
        realm.admin().clients().get(rep.getId()).update(rep);
        Affiliate unknown = new Affiliate(affiliateId(), PROCESSOR_KEY, CHECKSUM_SECRET);
        Affiliate notAnAffiliate = new Affiliate(DemoRealm.MOB_APP, PROCESSOR_KEY, CHECKSUM_SECRET);
        Affiliate wrongProcessorKey = new Affiliate(AFFILIATE, PROCESSOR_KEY + "x", CHECKSUM_SECRET);
        Affiliate wrongSecret = new Affiliate(AFFILIATE, PROCESSOR_KEY, CHECKSUM_SECRET + "x");
        String body = form("mobile_no", CARD_USER_MOBILE, "password", CARD_USER_PASSWORD);
        record Case(String name, Supplier<Http.Answer> send, String reason, String check) {
        }
        List<Case> cases = List.of(
                new Case("unknown affiliate", () -> login(unknown, CARD_USER_MOBILE, CARD_USER_PASSWORD), "client_refused", "unknown_affiliate"),
                new Case("disabled affiliate", () -> login(disabled, CARD_USER_MOBILE, CARD_USER_PASSWORD), "client_refused", "unknown_affiliate"),
                new Case("a client without a processor key", () -> login(notAnAffiliate, CARD_USER_MOBILE, CARD_USER_PASSWORD),
                        "client_refused", "not_an_affiliate"),
                new Case("wrong processor key", () -> login(wrongProcessorKey, CARD_USER_MOBILE, CARD_USER_PASSWORD),
                        "client_refused", "wrong_processor_key"),
                new Case("checksum with another secret", () -> login(wrongSecret, CARD_USER_MOBILE, CARD_USER_PASSWORD),
                        "client_refused", "wrong_checksum"),
                new Case("checksum of the fields in the wrong order", () -> post(FORM, body,
                        headers(PROCESSOR_KEY, AFFILIATE, checksum(DEMO_AFFILIATE, CARD_USER_PASSWORD, CARD_USER_MOBILE))),
                        "client_refused", "wrong_checksum"),
                new Case("a password changed in transit", () -> post(FORM, form("mobile_no", CARD_USER_MOBILE, "password", "Other@1234"),
                        headers(PROCESSOR_KEY, AFFILIATE, checksum(DEMO_AFFILIATE, CARD_USER_MOBILE, CARD_USER_PASSWORD))),
                        "client_refused", "wrong_checksum"),
                new Case("checksum without the secret", () -> post(FORM, body,
                        headers(PROCESSOR_KEY, AFFILIATE, sha256Hex(CARD_USER_MOBILE + CARD_USER_PASSWORD))),
                        "client_refused", "wrong_checksum"));

        for (Case c : cases) {
            EventRepresentation error = refusal(c.name(), c.send());
            assertThat(error.getDetails()).as(c.name()).containsEntry("reason", c.reason()).containsEntry("checksum", c.check());
            assertThat(error.getError()).as(c.name()).isEqualTo("invalid_client_credentials");
            assertThat(error.getUserId()).as(c.name() + ": no user is looked at").isNull();
        }
    }

    @Test
    void unknownMobileWrongPasswordAndDisabledUserAnswerFailWithTheirReason() {
        CardUser user = newCardUser();
        CardUser disabled = newCardUser();
        UserRepresentation rep = realm.admin().users().get(disabled.id()).toRepresentation();
        rep.setEnabled(false);
        realm.admin().users().get(disabled.id()).update(rep);

        EventRepresentation unknown = refusal("unknown mobile", () -> login(DEMO_AFFILIATE, DemoRealm.freshMobile(), "Whatever-1"));
        EventRepresentation wrongPassword = refusal("wrong password", () -> login(DEMO_AFFILIATE, user.mobile(), "not-" + user.password()));
        EventRepresentation off = refusal("disabled user", () -> login(DEMO_AFFILIATE, disabled.mobile(), disabled.password()));

        assertThat(unknown.getDetails()).containsEntry("reason", "unknown_user").doesNotContainKey("checksum");
        assertThat(unknown.getError()).isEqualTo("user_not_found");
        assertThat(wrongPassword.getDetails()).containsEntry("reason", "invalid_credentials");
        assertThat(wrongPassword.getUserId()).isEqualTo(user.id());
        assertThat(wrongPassword.getClientId()).isEqualTo(AFFILIATE);
        assertThat(off.getDetails()).containsEntry("reason", "user_disabled");
        assertThat(off.getUserId()).isEqualTo(disabled.id());
    }

    /**
     * Both answers are the same fail body; the time must not tell them apart either, or whoever can sign requests (an
     * affiliate, or someone holding its checksum secret) learns which mobile numbers are registered. Sequential
     * requests, interleaved so that drift on the machine touches both alike, compared by their medians, which a few
     * slow outliers do not move. Wrong passwords are spread over users, fewer per user than the realm's limit of 5, so
     * that every one is evaluated rather than refused as locked.
     */
    @Test
    void anUnknownMobileTakesAsLongAsAWrongPassword() {
        int requests = 200;
        int perUser = Guessing.LIMIT - 1;
        List<CardUser> users = new ArrayList<>();
        for (int i = 0; i < requests / perUser + 1; i++) {
            users.add(newCardUser());
        }
        CardUser warmUp = users.remove(users.size() - 1);
        for (int i = 0; i < perUser; i++) {
            assertThat(login(DEMO_AFFILIATE, DemoRealm.freshMobile(), "Wrong-pw-" + i).body()).isEqualTo(FAIL);
            assertThat(login(DEMO_AFFILIATE, warmUp.mobile(), "Wrong-pw-" + i).body()).isEqualTo(FAIL);
        }

        long[] unknownMobile = new long[requests];
        long[] wrongPassword = new long[requests];
        for (int i = 0; i < requests; i++) {
            String mobile = DemoRealm.freshMobile();
            String guess = "Wrong-pw-" + i;
            CardUser user = users.get(i % users.size());
            unknownMobile[i] = nanosOfAFailedLogin(() -> login(DEMO_AFFILIATE, mobile, guess));
            wrongPassword[i] = nanosOfAFailedLogin(() -> login(DEMO_AFFILIATE, user.mobile(), guess));
        }

        double unknown = medianMillis(unknownMobile);
        double wrong = medianMillis(wrongPassword);
        System.out.printf("Card portal, %d requests each: median unknown mobile %.1f ms, wrong password %.1f ms%n", requests, unknown, wrong);
        // A wrong password also writes its attempt count and Keycloak's failure record, a few milliseconds that stay
        // the same however fast the hash is: the band is 10% of a login or 4 ms, whichever is wider. A login without the
        // dummy hash would still fall far below it, the hash being most of a login's time.
        double band = Math.max(wrong * 0.1, 4.0);
        assertThat(unknown).as("median ms of an unknown mobile against a wrong password's %.1f ms", wrong)
                .isBetween(wrong - band, wrong + band);
    }

    private static long nanosOfAFailedLogin(Supplier<Http.Answer> send) {
        long start = System.nanoTime();
        Http.Answer answer = send.get();
        long nanos = System.nanoTime() - start;
        assertThat(answer.body()).isEqualTo(FAIL);
        return nanos;
    }

    private static double medianMillis(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
        return median / 1_000_000.0;
    }

    @Test
    void userLockedByBruteForceDetectionAnswersFailEvenWithTheRightPassword() throws Exception {
        CardUser user = newCardUser();
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(login(DEMO_AFFILIATE, user.mobile(), "wrong-" + attempt).status()).isEqualTo(400);
        }
        awaitLocked(user);

        EventRepresentation locked = refusal("locked user", () -> login(DEMO_AFFILIATE, user.mobile(), user.password()));

        // The password's own lock (the realm's fintech.lockout.account-wide is off): the PIN and device stay open.
        assertThat(locked.getDetails()).containsEntry("reason", "credential_locked");
        realm.admin().attackDetection().clearBruteForceForUser(user.id());
        assertThat(login(DEMO_AFFILIATE, user.mobile(), user.password()).status()).isEqualTo(200);
    }

    @Test
    void fiftyParallelWrongPasswordsEvaluateAtMostTheLimitAndTheRightOneIsRefusedUntilAnAdminUnlocks() throws Exception {
        CardUser user = newCardUser();

        List<Http.Answer> answers = Guessing.inParallel(Guessing.GUESSES, i -> login(DEMO_AFFILIATE, user.mobile(), "wrong-" + i));

        assertThat(answers).extracting(Http.Answer::body).containsOnly(FAIL);
        Guessing.assertAtMostTheLimitEvaluated(Guessing.loginErrorReasons(events, user.id()), Guessing.GUESSES);
        Http.Answer rightButLocked = login(DEMO_AFFILIATE, user.mobile(), user.password());
        assertThat(rightButLocked.status()).isEqualTo(400);
        assertThat(rightButLocked.body()).isEqualTo(FAIL);
        assertThat(Guessing.loginErrorReasons(events, user.id())).as("the right password was not evaluated")
                .singleElement().asString().endsWith("_locked");

        Guessing.unlockThroughAttackDetection(realm, user.id());
        assertThat(login(DEMO_AFFILIATE, user.mobile(), user.password()).status()).isEqualTo(200);
    }

    /** Keycloak records failures asynchronously: poll its attack-detection view as an admin would. */
    private void awaitLocked(CardUser user) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(realm.admin().attackDetection().bruteForceUserStatus(user.id()).get("disabled"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Brute-force detection did not lock the user");
    }

    @Test
    void theChecksumIsVerifiedBeforeThePasswordSoForgedRequestsNeverCountAgainstTheUser() throws Exception {
        CardUser user = newCardUser();
        Affiliate forger = new Affiliate(AFFILIATE, PROCESSOR_KEY, "guessed-secret");
        for (int attempt = 0; attempt < 8; attempt++) {
            int n = attempt;
            EventRepresentation error = refusal("forged " + n, () -> login(forger, user.mobile(), "guess-" + n));
            assertThat(error.getDetails()).containsEntry("checksum", "wrong_checksum");
        }
        // Had any of the 8 guesses reached the password, brute-force detection (5 failures) would lock the user.
        Thread.sleep(1500);
        Map<String, Object> status = realm.admin().attackDetection().bruteForceUserStatus(user.id());
        assertThat(status.get("disabled")).isEqualTo(false);
        assertThat(((Number) status.get("lastFailure")).longValue()).as("no failure recorded").isZero();

        assertThat(login(DEMO_AFFILIATE, user.mobile(), user.password()).status()).isEqualTo(200);
    }

    // --- per-client configuration ------------------------------------------------------------------------------------

    @Test
    void anAffiliateMayConcatenateTheFieldsInAnotherConfiguredOrder() {
        Affiliate passwordFirst = newAffiliate(Map.of(FIELDS_ATTRIBUTE, "password,mobile_no"));
        CardUser user = newCardUser();
        String body = form("mobile_no", user.mobile(), "password", user.password());

        Http.Answer configuredOrder = post(FORM, body,
                headers(passwordFirst.processorKey(), passwordFirst.clientId(), checksum(passwordFirst, user.password(), user.mobile())));
        EventRepresentation documentedOrder = refusal("the documented order, for an affiliate configured otherwise", () -> post(FORM, body,
                headers(passwordFirst.processorKey(), passwordFirst.clientId(), checksum(passwordFirst, user.mobile(), user.password()))));

        assertThat(configuredOrder.status()).as(configuredOrder.body()).isEqualTo(200);
        assertThat(documentedOrder.getDetails()).containsEntry("checksum", "wrong_checksum");
    }

    @Test
    void vaultHeldChecksumSecretIsResolvedAndTheReferenceItselfIsNoSecret() {
        Affiliate vaulted = newAffiliate(Map.of(SECRET_ATTRIBUTE, "${vault." + VAULT_KEY + "}"));
        Affiliate signedWithVaultValue = new Affiliate(vaulted.clientId(), vaulted.processorKey(), VAULT_SECRET);
        Affiliate signedWithReference = new Affiliate(vaulted.clientId(), vaulted.processorKey(), "${vault." + VAULT_KEY + "}");
        CardUser user = newCardUser();

        Http.Answer answer = login(signedWithVaultValue, user.mobile(), user.password());
        EventRepresentation reference = refusal("checksum with the reference as secret",
                () -> login(signedWithReference, user.mobile(), user.password()));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(reference.getDetails()).containsEntry("checksum", "wrong_checksum");
    }

    @Test
    void vaultHeldProcessorKeyIsResolved() {
        // The test server's vault has one entry for affiliates; it serves as the processor key here.
        Affiliate vaulted = newAffiliate(Map.of(PROCESSOR_KEY_ATTRIBUTE, "${vault." + VAULT_KEY + "}"));
        CardUser user = newCardUser();

        Http.Answer answer = login(new Affiliate(vaulted.clientId(), VAULT_SECRET, vaulted.secret()), user.mobile(), user.password());
        EventRepresentation reference = refusal("the reference as processor key",
                () -> login(new Affiliate(vaulted.clientId(), "${vault." + VAULT_KEY + "}", vaulted.secret()), user.mobile(), user.password()));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(reference.getDetails()).containsEntry("checksum", "wrong_processor_key");
    }

    @Test
    void misconfiguredAffiliatesAreRefusedAndTheEventSaysSo() {
        Affiliate missingSecret = newAffiliate(Map.of(SECRET_ATTRIBUTE, "${vault.no-such-entry}"));
        Affiliate missingProcessorKey = newAffiliate(Map.of(PROCESSOR_KEY_ATTRIBUTE, "${vault.no-such-entry}"));
        Affiliate fieldLeftOut = newAffiliate(Map.of(FIELDS_ATTRIBUTE, "mobile_no"));
        Affiliate windowTypo = newAffiliate(Map.of(REPLAY_WINDOW_ATTRIBUTE, "3OO"));
        CardUser user = newCardUser();

        EventRepresentation secret = refusal("vault entry of the secret missing",
                () -> login(new Affiliate(missingSecret.clientId(), missingSecret.processorKey(), "${vault.no-such-entry}"), user.mobile(), user.password()));
        EventRepresentation processorKey = refusal("vault entry of the processor key missing",
                () -> login(new Affiliate(missingProcessorKey.clientId(), "${vault.no-such-entry}", missingProcessorKey.secret()), user.mobile(), user.password()));
        EventRepresentation fields = refusal("a field left out of the checksum", () -> login(fieldLeftOut, user.mobile(), user.password()));
        EventRepresentation window = refusal("a typo in the replay window", () -> login(windowTypo, user.mobile(), user.password()));

        assertThat(secret.getDetails()).containsEntry("reason", "not_configured").containsEntry("checksum", "secret_unavailable");
        assertThat(processorKey.getDetails()).containsEntry("reason", "not_configured").containsEntry("checksum", "processor_key_unavailable");
        assertThat(fields.getDetails()).containsEntry("reason", "not_configured").containsEntry("checksum", "misconfigured");
        assertThat(window.getDetails()).containsEntry("reason", "not_configured").containsEntry("checksum", "misconfigured");
    }

    @Test
    void anAffiliateWhoseFlowChecksNoPasswordSignsNobodyIn() {
        // The mobile sign-in flow finds the user but checks no password: this API must not trust it.
        Affiliate noPasswordStep = newAffiliate(Map.of(), DemoRealm.MOBILE_SIGN_IN_FLOW);
        CardUser user = newCardUser();

        EventRepresentation error = refusal("a flow without the password step", () -> login(noPasswordStep, user.mobile(), "anything"));

        assertThat(error.getDetails()).containsEntry("reason", "not_configured");
    }

    @Test
    void theTokenEndpointIsNoWayAroundTheChecksum() {
        Http.Answer answer = Http.postForm(realm.getBaseUrl() + "/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", AFFILIATE, "username", CARD_USER_MOBILE, "password", CARD_USER_PASSWORD), Map.of());

        assertThat(answer.status()).as(answer.body()).isNotEqualTo(200);
        assertThat(answer.body()).doesNotContain("access_token");
    }

    // --- replay protection -------------------------------------------------------------------------------------------

    @Test
    void withoutReplayProtectionTheDocumentedRequestMayBeSentAgain() {
        CardUser user = newCardUser();

        assertThat(login(DEMO_AFFILIATE, user.mobile(), user.password()).status()).isEqualTo(200);
        assertThat(login(DEMO_AFFILIATE, user.mobile(), user.password()).status()).isEqualTo(200);
    }

    @Test
    void withReplayProtectionTheSameRequestSentTenTimesAtOnceIsAcceptedOnce() throws Exception {
        Affiliate protectedAffiliate = newAffiliate(Map.of(REPLAY_WINDOW_ATTRIBUTE, "60"));
        CardUser user = newCardUser();
        String timestamp = Long.toString(System.currentTimeMillis());
        String checksum = checksum(protectedAffiliate, user.mobile(), user.password(), timestamp);
        String body = form("mobile_no", user.mobile(), "password", user.password(), "timestamp", timestamp);

        List<Http.Answer> answers = Guessing.inParallel(10,
                i -> post(FORM, body, headers(protectedAffiliate.processorKey(), protectedAffiliate.clientId(), checksum)));

        assertThat(answers).filteredOn(answer -> answer.status() == 200).as("accepted").hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() != 200).allSatisfy(answer -> assertThat(answer.body()).isEqualTo(FAIL));
    }

    @Test
    void withReplayProtectionEachChecksumIsAcceptedOnceAndTheTimestampIsChecksummedAndChecked() {
        Affiliate protectedAffiliate = newAffiliate(Map.of(REPLAY_WINDOW_ATTRIBUTE, "60"));
        CardUser user = newCardUser();
        String timestamp = Long.toString(System.currentTimeMillis());
        String checksum = checksum(protectedAffiliate, user.mobile(), user.password(), timestamp);
        String body = form("mobile_no", user.mobile(), "password", user.password(), "timestamp", timestamp);

        Http.Answer first = post(FORM, body, headers(protectedAffiliate.processorKey(), protectedAffiliate.clientId(), checksum));
        assertThat(first.status()).as(first.body()).isEqualTo(200);

        EventRepresentation again = refusal("the same request again",
                () -> post(FORM, body, headers(protectedAffiliate.processorKey(), protectedAffiliate.clientId(), checksum)));
        EventRepresentation capitals = refusal("the same checksum in capitals",
                () -> post(FORM, body, headers(protectedAffiliate.processorKey(), protectedAffiliate.clientId(), checksum.toUpperCase(Locale.ROOT))));
        assertThat(again.getDetails()).containsEntry("reason", "replayed").containsEntry("checksum", "replayed");
        assertThat(capitals.getDetails()).containsEntry("reason", "replayed").containsEntry("checksum", "replayed");

        String later = Long.toString(System.currentTimeMillis() + 1);
        assertThat(loginAt(protectedAffiliate, user, later).status()).as("a new timestamp").isEqualTo(200);
        String json = "{\"mobile_no\": " + Http.jsonString(user.mobile()) + ", \"password\": " + Http.jsonString(user.password())
                + ", \"timestamp\": " + (Long.parseLong(later) + 1) + "}";
        assertThat(post("application/json", json, headers(protectedAffiliate.processorKey(), protectedAffiliate.clientId(),
                checksum(protectedAffiliate, user.mobile(), user.password(), Long.toString(Long.parseLong(later) + 1)))).status())
                .as("a JSON body with a numeric timestamp").isEqualTo(200);

        EventRepresentation missing = refusal("no timestamp", () -> login(protectedAffiliate, user.mobile(), user.password()));
        assertThat(missing.getDetails()).containsEntry("reason", "malformed_request").containsEntry("field", "timestamp")
                .containsEntry("checksum", "timestamp_malformed");

        String now = Long.toString(System.currentTimeMillis() + 2);
        EventRepresentation unsigned = refusal("a timestamp left out of the checksum", () -> post(FORM,
                form("mobile_no", user.mobile(), "password", user.password(), "timestamp", now),
                headers(protectedAffiliate.processorKey(), protectedAffiliate.clientId(), checksum(protectedAffiliate, user.mobile(), user.password()))));
        assertThat(unsigned.getDetails()).containsEntry("checksum", "wrong_checksum");

        String stale = Long.toString(System.currentTimeMillis() - 120_000);
        EventRepresentation old = refusal("a timestamp two minutes old", () -> loginAt(protectedAffiliate, user, stale));
        assertThat(old.getDetails()).containsEntry("reason", "replayed").containsEntry("checksum", "stale_timestamp");
    }

    @Test
    void withReplayProtectionARequestWhosePasswordWasWrongCannotBeReplayedToTryAgain() {
        Affiliate protectedAffiliate = newAffiliate(Map.of(REPLAY_WINDOW_ATTRIBUTE, "60"));
        CardUser user = newCardUser();
        CardUser wrong = new CardUser(user.id(), user.mobile(), "not-" + user.password().substring(4));
        String timestamp = Long.toString(System.currentTimeMillis());

        EventRepresentation first = refusal("wrong password", () -> loginAt(protectedAffiliate, wrong, timestamp));
        EventRepresentation replay = refusal("the same request again", () -> loginAt(protectedAffiliate, wrong, timestamp));

        assertThat(first.getDetails()).containsEntry("reason", "invalid_credentials");
        assertThat(replay.getDetails()).containsEntry("reason", "replayed").containsEntry("checksum", "replayed");
    }

    // --- what events never carry ---------------------------------------------------------------------------------------

    @Test
    void noPasswordSecretProcessorKeyOrChecksumReachesAnEvent() {
        CardUser user = newCardUser();
        String wrongPassword = "Wrong-" + UUID.randomUUID().toString().substring(0, 8);
        Affiliate wrongKey = new Affiliate(AFFILIATE, "guessed-processor-key-7c1d", CHECKSUM_SECRET);
        Affiliate wrongSecret = new Affiliate(AFFILIATE, PROCESSOR_KEY, "guessed-secret-9e4b");
        events.skipAll();

        login(DEMO_AFFILIATE, user.mobile(), user.password());
        login(DEMO_AFFILIATE, user.mobile(), wrongPassword);
        login(wrongKey, user.mobile(), user.password());
        login(wrongSecret, user.mobile(), user.password());
        post(FORM, form("mobile_no", user.mobile(), "password", "x".repeat(21)), headers(PROCESSOR_KEY, AFFILIATE, "not-a-checksum"));

        List<EventRepresentation> seen = allEvents();
        assertThat(seen.stream().map(EventRepresentation::getType)).containsExactly("LOGIN", "LOGIN_ERROR", "LOGIN_ERROR", "LOGIN_ERROR", "LOGIN_ERROR");
        List<String> secrets = List.of(user.password(), wrongPassword, "x".repeat(21), PROCESSOR_KEY, wrongKey.processorKey(),
                CHECKSUM_SECRET, wrongSecret.secret(), checksum(DEMO_AFFILIATE, user.mobile(), user.password()),
                checksum(DEMO_AFFILIATE, user.mobile(), wrongPassword), checksum(wrongSecret, user.mobile(), user.password()),
                "not-a-checksum");
        for (EventRepresentation event : seen) {
            String recorded = String.valueOf(event.getDetails()) + event.getError() + event.getClientId() + event.getUserId();
            for (String secret : secrets) {
                assertThat(recorded).as(event.getType() + " " + event.getDetails()).doesNotContainIgnoringCase(secret);
            }
        }
    }
}
