package com.fintechlogin.keycloak.it.security;

import static com.fintechlogin.keycloak.it.security.HostileRequest.field;
import static com.fintechlogin.keycloak.it.security.HostileRequest.header;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fintechlogin.keycloak.it.support.DemoRealm.TestUser;
import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;
import com.fintechlogin.keycloak.it.support.Http;
import com.fintechlogin.keycloak.it.support.OpenApiContract;
import com.fintechlogin.keycloak.it.support.ServerLog;
import com.fintechlogin.keycloak.it.support.TestApps;

import org.instancio.junit.Given;
import org.instancio.junit.InstancioExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Every API against {@value HostileInputs#PER_API} generated malformed requests each, on the real server: every
 * answer is a 4xx in the API's own envelope with nothing of the server's insides in it, the server logs no error
 * or stack trace, and no user, credential or session changes. Every answer with a body is also one the OpenAPI document
 * gives for the operation ({@link OpenApiContract}).
 */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
@ExtendWith(InstancioExtension.class)
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCEPT = "Accept";
    /** What only a server's insides say; none of it may reach a caller. */
    private static final List<String> INSIDES = List.of("Exception", "\tat ", "org.keycloak", "java.", "jakarta.", "unknown_error",
            "consult the server log", "<html", "RESTEASY", "io.vertx", "io.quarkus", "org.hibernate", "SQL");

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @Test
    void emailPasswordLoginRefusesEveryMalformedRequest(@Given(HostileInputs.class) List<HostileInput> inputs) {
        HostileRequest request = new HostileRequest("POST", fintech("user/login"), List.of(header(ACCEPT, "application/json")),
                List.of(field("emailId", quoted(unknownEmail())), field("password", "\"Wrong-Pass-1\"")), false);
        assertAllRefused(request, inputs, envelope("/responseCode", "/responseMessage"));
    }

    @Test
    void getTokenRefusesEveryMalformedRequest(@Given(HostileInputs.class) List<HostileInput> inputs) {
        HostileRequest request = new HostileRequest("POST", fintech("market-place/v1/token"),
                List.of(header("X-API-KEY", DemoRealm.MOB_APP), header("X-API-SECRET", "not-the-secret")), List.of(), false);
        assertAllRefused(request, inputs, envelope("/resCode", "/resDesc"));
    }

    @Test
    void mobileSignInRefusesEveryMalformedRequest(@Given(HostileInputs.class) List<HostileInput> inputs) {
        String appToken = TestApps.getToken(realm, DemoRealm.MOB_APP, DemoRealm.MOB_APP_SECRET);
        HostileRequest request = new HostileRequest("POST", fintech("lending/v1/token"),
                List.of(header("X-API-KEY", DemoRealm.MOB_APP), header("X-API-TOKEN", appToken)),
                List.of(field("token", quoted(appToken)), field("mobile", quoted(DemoRealm.freshMobile()))), false);
        assertAllRefused(request, inputs, envelope("/resCode", "/resDesc"));
    }

    @Test
    void pinOrDeviceLoginRefusesEveryMalformedRequest(@Given(HostileInputs.class) List<HostileInput> inputs) {
        String appToken = TestApps.getToken(realm, DemoRealm.PIN_APP, DemoRealm.PIN_APP_SECRET);
        HostileRequest request = new HostileRequest("POST", fintech("onboarding/user/v2/login"),
                List.of(header("X-API-KEY", DemoRealm.PIN_APP), header("X-API-TOKEN", appToken),
                        header("X-ACCOUNT-NUMBER", DemoRealm.freshAccountNumber())),
                List.of(field("keyRef", "\"\""), field("pin", "\"1234\""), field("signInMode", "1"), field("token", quoted(appToken)),
                        field("authType", "\"1\""), field("deviceId", quoted(DemoRealm.SAMPLE_DEVICE_ID))), false);
        assertAllRefused(request, inputs, envelope("/resCode", "/resDesc"));
    }

    @Test
    void publicKeyAnswersEveryMalformedRequestInItsEnvelope(@Given(HostileInputs.class) List<HostileInput> inputs) {
        HostileRequest request = new HostileRequest("GET", fintech("onboarding/user/v1/public-key"),
                List.of(header(ACCEPT, "application/json")), List.of(), false);
        // A GET of the public key takes no input: whatever else comes with it, the key is the right answer.
        assertAllAnswered(request, inputs, envelope("/resCode", "/resDesc"), status -> status == 200);
    }

    @Test
    void pinChangeRefusesEveryMalformedRequest(@Given(HostileInputs.class) List<HostileInput> inputs) {
        TestUser user = DemoRealm.newUser(realm, Map.of(), List.of(DemoRealm.pin("2468")));
        HostileRequest request = new HostileRequest("POST", fintech("onboarding/user/v1/pin"),
                List.of(header("Authorization", "Bearer " + userToken(user))),
                List.of(field("oldPin", "\"1357\""), field("pin", "\"9753\"")), false);
        assertAllRefused(request, inputs, envelope("/resCode", "/resDesc"));
    }

    @Test
    void deviceRegistrationRefusesEveryMalformedRequest(@Given(HostileInputs.class) List<HostileInput> inputs) {
        TestUser user = DemoRealm.newUser(realm, Map.of(), List.of(DemoRealm.device("hostile-device", true)));
        HostileRequest request = new HostileRequest("POST", fintech("onboarding/user/v1/device"),
                List.of(header("Authorization", "Bearer " + userToken(user))),
                List.of(field("deviceId", "\"hostile-device\""), field("simBindingEnabled", "true")), false);
        // Some mutations leave a well-formed registration of a device id (a new one, or one sent before): that may
        // succeed. Then the only change is a device credential, and never more of them than successes.
        RealmState before = RealmState.of(realm);
        int registered = assertAllAnswered(request, inputs, envelope("/resCode", "/resDesc"), status -> status == 200);
        Map<String, String> after = RealmState.of(realm).credentials();
        List<String> added = after.keySet().stream().filter(id -> !before.credentials().containsKey(id)).map(after::get).toList();
        assertThat(added).as("credentials added").allSatisfy(credential -> assertThat(credential).contains(" device "))
                .hasSizeLessThanOrEqualTo(registered);
        before.credentials().forEach((id, credential) -> {
            if (!credential.contains(" device ")) {
                assertThat(after).as("credentials other than devices").containsEntry(id, credential);
            }
        });
    }

    @Test
    void cardPortalLoginRefusesEveryMalformedRequest(@Given(HostileInputs.class) List<HostileInput> inputs) {
        HostileRequest request = new HostileRequest("POST", fintech("airpay/ms/cards/api/user-login"),
                List.of(header("processor-key", "demo-processor-key-002"),
                        header("affiliate", "91f5evhk72f56432ec678sdfes685h42sd2t21k430912508233b7r37562g2hps"),
                        header("checksum", "0".repeat(64))),
                List.of(field("mobile_no", quoted(DemoRealm.freshMobile())), field("password", "\"Wrong-Pass-2\"")), true);
        assertAllRefused(request, inputs, envelope("/status", "/message"));
    }

    @Test
    void partnerLoginRefusesEveryMalformedRequest(@Given(HostileInputs.class) List<HostileInput> inputs) {
        HostileRequest request = new HostileRequest("POST", fintech("getToken"),
                List.of(header("keyValue", "QUJDREVGR0g="), header("ivValue", "AAAAAAAAAAAAAAAA"), header("hmac", "SE1BQw==")),
                List.of(field("encryptData", "\"ZW5jcnlwdGVk\"")), false);
        assertAllRefused(request, inputs, envelope("/response/errorCode", "/response/errorMessage"));
    }

    private void assertAllRefused(HostileRequest request, List<HostileInput> inputs, Predicate<JsonNode> envelope) {
        assertAllAnswered(request, inputs, envelope, status -> false);
    }

    /**
     * Sends every input and checks every answer; returns how many were a success the API may give. Failures are
     * collected, so that one report shows every kind of input that went wrong.
     */
    private int assertAllAnswered(HostileRequest request, List<HostileInput> inputs, Predicate<JsonNode> envelope,
            Predicate<Integer> successAllowed) {
        RealmState before = RealmState.of(realm);
        long logOffset = ServerLog.end();
        URI server = URI.create(realm.getBaseUrl());
        List<String> wrong = new ArrayList<>();
        int successes = 0;
        int refusedByHttpLayer = 0;
        for (HostileInput input : inputs) {
            RawHttp.Response answer = RawHttp.exchange(server.getHost(), server.getPort(), request.breakWith(input));
            String problem = problem(answer, input, envelope, successAllowed);
            if (problem == null && !answer.body().isEmpty()) {
                problem = contractProblem(request, server, answer);
            }
            if (problem == null && successAllowed.test(answer.status())) {
                successes++;
            } else if (problem == null && answer.body().isEmpty()) {
                refusedByHttpLayer++;
            }
            if (problem != null && wrong.size() < 20) {
                wrong.add(problem + " <- " + input);
            }
        }
        assertThat(wrong).as("answers that are not a 4xx in the API's envelope").isEmpty();
        assertThat(ServerLog.errorsAndStackTraces(ServerLog.since(logOffset))).as("server log: errors and stack traces").isEmpty();
        RealmState after = RealmState.of(realm);
        assertThat(after.users()).as("users").isEqualTo(before.users());
        assertThat(after.sessionsPerClient()).as("sessions per client").isEqualTo(before.sessionsPerClient());
        if (successes == 0) {
            assertThat(after.credentials()).as("credentials").isEqualTo(before.credentials());
        }
        System.out.printf("%s: %d requests, %d answered in the envelope, %d refused by the HTTP layer before Keycloak, %d successes%n",
                request.path(), inputs.size(), inputs.size() - refusedByHttpLayer - successes, refusedByHttpLayer, successes);
        return successes;
    }

    /** What is wrong with one answer, or {@code null}. */
    private static String problem(RawHttp.Response answer, HostileInput input, Predicate<JsonNode> envelope,
            Predicate<Integer> successAllowed) {
        if (answer.status() == 0) {
            return "no answer: " + answer.head();
        }
        for (String inside : INSIDES) {
            if (answer.body().contains(inside)) {
                return "HTTP " + answer.status() + " shows '" + inside + "': " + answer.body();
            }
        }
        boolean refusal = answer.status() >= 400 && answer.status() < 500;
        if (!refusal && !successAllowed.test(answer.status())) {
            return "HTTP " + answer.status() + " " + answer.body();
        }
        if (refusal && answer.body().isEmpty() && input.touchesHeaders() && refusedBeforeKeycloak(answer)) {
            return null;
        }
        try {
            JsonNode body = JSON.readTree(answer.body());
            return body != null && envelope.test(body) ? null : "HTTP " + answer.status() + " not in the envelope: " + answer.body();
        } catch (java.io.IOException notJson) {
            return "HTTP " + answer.status() + " not JSON: " + answer.body();
        }
    }

    /** A documented response of the operation (status, headers, body schema), or what breaks the OpenAPI document. */
    private static String contractProblem(HostileRequest request, URI server, RawHttp.Response answer) {
        List<String> problems = OpenApiContract.responseProblems(request.method(),
                server.resolve(request.path()), answer.status(), RawHttp.headers(answer.head()), answer.body());
        return problems.isEmpty() ? null : "OpenAPI document: " + String.join("; ", problems) + " (body " + answer.body() + ")";
    }

    /**
     * Requests whose header block is not HTTP (CR or LF inside a value) or too large are refused by the HTTP server
     * with an empty 400 or 431 before Keycloak, or any extension, is reached; no envelope can be given there.
     */
    private static boolean refusedBeforeKeycloak(RawHttp.Response answer) {
        return (answer.status() == 400 || answer.status() == 431) && !answer.head().toLowerCase().contains("content-type: application/json");
    }

    private static Predicate<JsonNode> envelope(String codePointer, String messagePointer) {
        return body -> body.isObject() && !body.at(codePointer).isMissingNode() && body.at(messagePointer).isTextual();
    }

    private String fintech(String path) {
        return URI.create(realm.getBaseUrl()).getPath() + "/fintech/" + path;
    }

    private String userToken(TestUser user) {
        return Http.postJson(realm.getBaseUrl() + "/fintech/user/login", "{\"emailId\": " + Http.jsonString(user.email())
                + ", \"password\": " + Http.jsonString(user.password()) + "}").json().at("/responseData/token").asText();
    }

    private static String unknownEmail() {
        return "nobody-" + UUID.randomUUID() + "@fintech.example";
    }

    private static String quoted(String text) {
        return Http.jsonString(text);
    }
}
