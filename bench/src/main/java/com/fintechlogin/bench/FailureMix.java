package com.fintechlogin.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small steady mix of expected failures beside the soak's load, so that the dashboard's failure panels show what
 * they are for: wrong passwords (email/password) until the limiter locks the password, wrong PINs until it locks the
 * PIN, each lock lifted through the admin unlock so that it can happen again; a mobile number no user has (mobile
 * sign-in); a partner payload sent twice, the second time refused as a replay. Only the refused users
 * ({@link Users#refusedPasswordUser}, {@link Users#refusedPinUser}) and no user at all are named, never a user of the
 * success load, so the soak's zero-error verdict stays about the load alone. Every answer must be the API's documented
 * failure; any other answer is an error of the mix, counted and reported apart from the load's.
 *
 * <p>One request after another on one thread, a step every {@link #STEP}: about one request a second in all, next
 * to the load's dozens.
 */
final class FailureMix {

    static final Duration STEP = Duration.ofSeconds(1);
    private static final int KEPT_ERRORS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A documented failure answer: the HTTP status and the code the API's failure envelope holds. */
    private record Refusal(int status, String codeAt, String code, boolean locked) {

        boolean matches(int answerStatus, JsonNode body) {
            JsonNode value = body.at(codeAt);
            return answerStatus == status && value.isValueNode() && value.asText().equals(code);
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + code;
        }
    }

    private static final Refusal WRONG_PASSWORD = new Refusal(401, "/responseCode", "405", false);
    private static final Refusal PASSWORD_LOCKED = new Refusal(423, "/responseCode", "423", true);
    private static final Refusal WRONG_PIN = new Refusal(401, "/resCode", "ONB017", false);
    private static final Refusal PIN_LOCKED = new Refusal(401, "/resCode", "ONB028", true);
    private static final Refusal NO_SUCH_MOBILE = new Refusal(404, "/resCode", "404", false);
    private static final Refusal PARTNER_UNKNOWN_USER = new Refusal(401, "/response/errorCode", "FPDR4007", false);
    private static final Refusal PARTNER_REPLAYED = new Refusal(400, "/response/errorCode", "FPDR4008", false);

    /**
     * What one kind of failure did over the soak.
     *
     * @param sent        requests sent
     * @param unexpected  answers that were not the documented failure (or requests that failed, or unlocks that did)
     * @param locks       answers saying the credential was locked, each followed by an admin unlock
     * @param firstErrors up to 3 texts of the unexpected answers
     */
    record Figures(String label, long sent, long unexpected, long locks, List<String> firstErrors) {

        Figures {
            firstErrors = List.copyOf(firstErrors);
        }
    }

    private static final class Tally {
        final String label;
        long sent;
        long unexpected;
        long locks;
        final List<String> firstErrors = new ArrayList<>();

        Tally(String label) {
            this.label = label;
        }

        synchronized void unexpected(String error) {
            unexpected++;
            if (firstErrors.size() < KEPT_ERRORS) {
                firstErrors.add(error);
            }
        }

        synchronized Figures figures() {
            return new Figures(label, sent, unexpected, locks, firstErrors);
        }
    }

    private final HttpClient http;
    private final String realmUrl;
    private final AdminClient admin;
    private final ClientCrypto crypto;
    private final Consumer<String> log;
    private final AppToken mobileApp;
    private final AppToken pinApp;
    private final List<String> passwordUserIds = new ArrayList<>();
    private final List<String> pinUserIds = new ArrayList<>();
    private final Tally wrongPasswords = new Tally("Email/password, wrong password until locked");
    private final Tally wrongPins = new Tally("PIN login, wrong PIN until locked");
    private final Tally unknownMobiles = new Tally("Mobile sign-in, unknown mobile");
    private final Tally replays = new Tally("Partner, payload sent again (replay)");
    private Thread thread;

    /** Looks the refused users up and lifts any lock an earlier run left on them. */
    FailureMix(HttpClient http, String realmUrl, AdminClient admin, ClientCrypto crypto, Consumer<String> log) {
        this.http = http;
        this.realmUrl = realmUrl;
        this.admin = admin;
        this.crypto = crypto;
        this.log = log;
        this.mobileApp = new AppToken(http, realmUrl, DemoClients.MOBILE_APP, DemoClients.MOBILE_APP_SECRET);
        this.pinApp = new AppToken(http, realmUrl, DemoClients.PIN_APP, DemoClients.PIN_APP_SECRET);
        for (int i = 0; i < Users.REFUSED_PER_CREDENTIAL; i++) {
            passwordUserIds.add(admin.userId(Users.refusedPasswordUser(i).username()));
            pinUserIds.add(admin.userId(Users.refusedPinUser(i).username()));
        }
        passwordUserIds.forEach(admin::unlockLogins);
        pinUserIds.forEach(admin::unlockLogins);
    }

    /** Runs the mix from {@code startNanos} ({@link System#nanoTime}) for {@code length}, on a thread of its own. */
    void start(long startNanos, Duration length) {
        thread = Thread.ofPlatform().name("soak-failure-mix").daemon(true).start(() -> {
            long end = startNanos + length.toNanos();
            for (long step = 0; ; step++) {
                long due = startNanos + STEP.toNanos() * step;
                if (due >= end) {
                    return;
                }
                for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
                    LockSupport.parkNanos(left);
                }
                step(step);
            }
        });
    }

    /** Waits for the last step to finish. */
    void awaitEnd() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the failure mix ran", e);
        }
    }

    /** Each kind of failure, in a fixed order. */
    List<Figures> figures() {
        return List.of(wrongPasswords.figures(), wrongPins.figures(), unknownMobiles.figures(), replays.figures());
    }

    private void step(long step) {
        long round = step / 4;
        switch ((int) (step % 4)) {
            case 0 -> attempt(wrongPasswords, () -> wrongPassword((int) (round % Users.REFUSED_PER_CREDENTIAL)));
            case 1 -> attempt(wrongPins, () -> wrongPin((int) (round % Users.REFUSED_PER_CREDENTIAL)));
            case 2 -> attempt(unknownMobiles, () -> unknownMobile(round));
            default -> attempt(replays, () -> replay(round));
        }
    }

    /**
     * A request that could not even be made (an app token refused, a lookup failed) is an error of the mix, counted
     * under its kind, not the end of the soak.
     */
    private static void attempt(Tally tally, Runnable request) {
        try {
            request.run();
        } catch (RuntimeException e) {
            tally.unexpected(LoadRunner.describe(e));
        }
    }

    private void wrongPassword(int user) {
        BenchRequest request = Scenarios.json(realmUrl + "/fintech/user/login", Map.of(),
                Map.of("emailId", Users.refusedPasswordUser(user).email(), "password", Users.WRONG_PASSWORD));
        expect(wrongPasswords, request, passwordUserIds.get(user), WRONG_PASSWORD, PASSWORD_LOCKED);
    }

    private void wrongPin(int user) {
        Users.Refused refused = Users.refusedPinUser(user);
        String appToken = pinApp.current();
        BenchRequest request = Scenarios.json(realmUrl + "/fintech/onboarding/user/v2/login",
                Scenarios.pinAppHeaders(appToken, refused.accountNumber()),
                Scenarios.onboardingBody(appToken, Users.WRONG_PIN, 1, "", refused.deviceId()));
        expect(wrongPins, request, pinUserIds.get(user), WRONG_PIN, PIN_LOCKED);
    }

    private void unknownMobile(long round) {
        String appToken = mobileApp.current();
        BenchRequest request = Scenarios.json(realmUrl + "/fintech/lending/v1/token",
                Map.of("X-API-KEY", DemoClients.MOBILE_APP, "X-API-TOKEN", appToken),
                Map.of("token", appToken, "mobile", Users.unknownMobile(round)));
        expect(unknownMobiles, request, null, NO_SUCH_MOBILE);
    }

    /** A sealed payload of a user nobody has: refused for the user, then, sent again, as a replay. */
    private void replay(long round) {
        String payload = "{\"userName\":\"bench-refused-nobody-" + round + "\",\"password\":\"" + Users.WRONG_PASSWORD
                + "\",\"timestamp\":" + System.currentTimeMillis() + "}";
        ClientCrypto.Sealed sealed = crypto.seal(payload);
        BenchRequest request = Scenarios.json(realmUrl + "/fintech/getToken",
                Map.of("keyValue", sealed.keyValue(), "ivValue", sealed.ivValue(), "hmac", sealed.hmac()),
                Map.of("encryptData", sealed.encryptData()));
        expect(replays, request, null, PARTNER_UNKNOWN_USER);
        expect(replays, request, null, PARTNER_REPLAYED);
    }

    /**
     * Sends {@code request}; its answer must be one of {@code documented}. A "locked" answer is followed by the admin
     * unlock of {@code userId}.
     */
    private void expect(Tally tally, BenchRequest request, String userId, Refusal... documented) {
        synchronized (tally) {
            tally.sent++;
        }
        HttpResponse<String> answer;
        try {
            answer = http.send(LoadRunner.toHttpRequest(request), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            tally.unexpected(LoadRunner.describe(e));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tally.unexpected("interrupted while waiting for the answer");
            return;
        }
        JsonNode body = parse(answer.body());
        for (Refusal refusal : documented) {
            if (refusal.matches(answer.statusCode(), body)) {
                if (refusal.locked()) {
                    synchronized (tally) {
                        tally.locks++;
                    }
                    admin.unlockLogins(userId);
                }
                return;
            }
        }
        // The status and the envelope's code only: an answer that was not a failure may hold a token.
        String error = "HTTP " + answer.statusCode() + " " + documented[0].codeAt() + "=" + body.at(documented[0].codeAt()).asText("—")
                + " where " + List.of(documented) + " is documented";
        tally.unexpected(error);
        log.accept("  failure mix, unexpected answer: " + error);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (JsonProcessingException notJson) {
            return JSON.createObjectNode();
        }
    }
}
