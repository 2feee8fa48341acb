package com.fintechlogin.keycloak.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fintechlogin.bench.ClientCrypto;
import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.Guessing;
import com.fintechlogin.keycloak.it.support.Http;
import com.fintechlogin.keycloak.it.support.SuccessWindows;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * Two Keycloak 26.7.3 nodes with the extension, one PostgreSQL, Keycloak's default {@code jdbc-ping} discovery: what
 * a user, a partner or an attacker does on one node holds on the other. Runs in integration-tests' own Surefire execution
 * {@code cluster} (phase integration-test), after the tests that share the test framework's server.
 */
@Tag("cluster")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {

    private static final String DEVICE = "anid:cluster-device+/=:0001";
    private static final String PIN = "2580";
    private static final String BUDGET_PER_ADDRESS = "fintech.budget.failures-per-address";
    private static final String BUDGET_WINDOW = "fintech.budget.window-seconds";
    private static final String SUCCESSES_PER_ADDRESS = "fintech.budget.successes-per-address";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TwoNodeCluster cluster;
    private static ClusterAdmin adminA;
    private static ClusterAdmin adminB;
    private static FintechApi a;
    private static FintechApi b;

    @BeforeAll
    static void startTwoNodes() throws InterruptedException {
        long started = System.nanoTime();
        cluster = TwoNodeCluster.start();
        System.out.printf("cluster: two nodes ready, cluster view of 2 on both, in %d s%n", (System.nanoTime() - started) / 1_000_000_000);
        adminA = new ClusterAdmin(cluster.a());
        adminB = new ClusterAdmin(cluster.b());
        a = new FintechApi(cluster.a());
        b = new FintechApi(cluster.b());
    }

    @AfterAll
    static void stopNodes() throws InterruptedException {
        try {
            if (adminA != null) {
                adminA.close();
            }
            if (adminB != null) {
                adminB.close();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    @Test
    @Order(1)
    void aTokenFromALoginOnNodeAWorksOnNodeBAndALogoutOnBEndsItOnA() {
        ClusterAdmin.User user = adminA.newUser(List.of());
        String token = a.userToken(user.email(), user.password());

        JsonNode onB = b.introspect(token);
        assertThat(onB.get("active").asBoolean()).as("introspected on B: %s", onB).isTrue();
        assertThat(onB.get("sub").asText()).isEqualTo(user.id());
        Http.Answer userinfo = b.userinfo(token);
        assertThat(userinfo.status()).as("userinfo on B: %s", userinfo.body()).isEqualTo(200);
        assertThat(userinfo.json().get("email").asText()).isEqualTo(user.email());

        // The admin console's "Sign out" of this session, done on node B.
        adminB.realm().deleteSession(onB.get("sid").asText(), false);

        assertThat(a.introspect(token).get("active").asBoolean()).as("introspected on A after the logout on B").isFalse();
        assertThat(a.userinfo(token).status()).as("userinfo on A after the logout on B").isEqualTo(401);
    }

    @Test
    @Order(2)
    void wrongPinsOnBothNodesAddUpToOneLockThatBothEnforce() {
        ClusterAdmin.User user = adminA.newUser(List.of(DemoRealm.pin(PIN), DemoRealm.device(DEVICE, false)));
        String appToken = a.pinAppToken();

        for (int attempt = 0; attempt < Guessing.LIMIT; attempt++) {
            FintechApi node = attempt % 2 == 0 ? a : b;
            assertOnb(node.pinLogin(appToken, user.accountNumber(), "1357", DEVICE), 401, "ONB017", "wrong PIN " + (attempt + 1) + " on " + node.node());
        }

        assertOnb(b.pinLogin(appToken, user.accountNumber(), PIN, DEVICE), 401, "ONB028", "the right PIN on B");
        assertOnb(a.pinLogin(appToken, user.accountNumber(), PIN, DEVICE), 401, "ONB028", "the right PIN on A");
        JsonNode status = adminB.pinStatus(user.id());
        assertThat(status.get("locked").asBoolean()).as("PIN status on B: %s", status).isTrue();
        assertThat(status.get("failures").asInt()).as("PIN status on B: %s", status).isEqualTo(Guessing.LIMIT);
    }

    @Test
    @Order(3)
    void fiftyParallelWrongPinsSpreadOverBothNodesEvaluateAtMostTheLimit() throws Exception {
        ClusterAdmin.User user = adminA.newUser(List.of(DemoRealm.pin(PIN), DemoRealm.device(DEVICE, false)));
        String appToken = a.pinAppToken();

        List<Http.Answer> answers = Guessing.inParallel(Guessing.GUESSES,
                i -> (i % 2 == 0 ? a : b).pinLogin(appToken, user.accountNumber(), String.format("%04d", 3000 + i), DEVICE));

        List<String> reasons = adminB.loginErrorReasons(user.id());
        Guessing.assertAtMostTheLimitEvaluated(reasons, Guessing.GUESSES);
        long evaluated = reasons.stream().filter("invalid_credentials"::equals).count();
        List<String> codes = answers.stream().map(answer -> answer.json().get("resCode").asText()).toList();
        assertThat(codes).filteredOn("ONB017"::equals).hasSize((int) evaluated);
        assertThat(codes).filteredOn(code -> !"ONB017".equals(code)).containsOnly("ONB028");
        System.out.printf("cluster: 50 parallel wrong PINs (25 on A, 25 on B): %d evaluated (A: %d, B: %d), %d refused as locked%n",
                evaluated, wrongOn(answers, 0), wrongOn(answers, 1), Guessing.GUESSES - evaluated);
    }

    /** Answers "wrong PIN" among the guesses sent to one node (even indexes went to A, odd ones to B). */
    private static long wrongOn(List<Http.Answer> answers, int parity) {
        long count = 0;
        for (int i = parity; i < answers.size(); i += 2) {
            if ("ONB017".equals(answers.get(i).json().get("resCode").asText())) {
                count++;
            }
        }
        return count;
    }

    @Test
    @Order(4)
    void aRequestAcceptedOnNodeAIsRefusedAsAReplayOnNodeB() throws Exception {
        JsonNode key = a.publicKey();
        ClientCrypto crypto = new ClientCrypto(key.get("publicKey").asText());

        // Seed 003: the document's sample partner user, one sealed request sent twice.
        ClientCrypto.Sealed sealed = crypto.seal("{\"userName\":\"bocmuser1\",\"password\":\"Bocm-Pass-003\",\"timestamp\":"
                + System.currentTimeMillis() + "}");
        Http.Answer accepted = a.partnerLogin(sealed);
        Http.Answer replayed = b.partnerLogin(sealed);
        assertThat(accepted.status()).as("partner login on A: %s", accepted.body()).isEqualTo(200);
        assertThat(replayed.status()).as("the same request on B: %s", replayed.body()).isEqualTo(400);
        assertThat(replayed.json().at("/response/errorCode").asText()).isEqualTo("FPDR4008");

        // Seed 001, mode 2: one device ciphertext sent twice.
        ClusterAdmin.User user = adminA.newUser(List.of(DemoRealm.pin(PIN), DemoRealm.device(DEVICE, true)));
        String appToken = a.pinAppToken();
        String ciphertext = crypto.encryptDeviceId(DEVICE);
        String keyRef = key.get("keyRef").asText();
        assertOnb(a.deviceLogin(appToken, user.accountNumber(), ciphertext, keyRef, DEVICE), 200, "ONB200", "device login on A");
        assertOnb(b.deviceLogin(appToken, user.accountNumber(), ciphertext, keyRef, DEVICE), 401, "ONB031", "the same ciphertext on B");

        // Seed 001, mode 2 of a device with a key: one signed statement sent twice.
        ClusterAdmin.User keyed = adminA.newUser(List.of());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair deviceKeys = generator.generateKeyPair();
        assertOnb(a.registerKeyedDevice(a.userToken(keyed.email(), keyed.password()), DEVICE,
                Base64.getEncoder().encodeToString(deviceKeys.getPublic().getEncoded())), 200, "ONB200", "keyed device registered on A");
        long now = System.currentTimeMillis();
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(deviceKeys.getPrivate());
        signer.update(("fintech-device-login\ndemo\n" + DEVICE + "\n" + now).getBytes(StandardCharsets.UTF_8));
        String signature = Base64.getEncoder().encodeToString(signer.sign());
        assertOnb(a.signedDeviceLogin(appToken, keyed.accountNumber(), signature, now, DEVICE), 200, "ONB200", "signed login on A");
        assertOnb(b.signedDeviceLogin(appToken, keyed.accountNumber(), signature, now, DEVICE), 401, "ONB031", "the same statement on B");
    }

    @Test
    @Order(5)
    void aPinSetAndADeviceRegisteredOnNodeAWorkOnNodeB() {
        ClusterAdmin.User user = adminA.newUser(List.of());
        String appToken = b.pinAppToken();
        // B reads (and caches) the user before the change: it must not keep answering from that.
        Http.Answer before = b.pinLogin(appToken, user.accountNumber(), PIN, DEVICE);
        assertThat(before.status()).as("PIN login on B before any PIN or device: %s", before.body()).isEqualTo(401);

        String userToken = a.userToken(user.email(), user.password());
        assertOnb(a.registerDevice(userToken, DEVICE, true), 200, "ONB200", "device registered on A");
        assertOnb(a.setPin(userToken, PIN), 200, "ONB200", "PIN set on A");

        Http.Answer pinLogin = b.pinLogin(appToken, user.accountNumber(), PIN, DEVICE);
        assertOnb(pinLogin, 200, "ONB200", "PIN login on B");
        // The registration asked for SIM binding, which is not the user's to claim.
        assertThat(pinLogin.json().at("/data/simDeviceBindingEnabled").asBoolean()).isFalse();
        JsonNode key = b.publicKey();
        String ciphertext = new ClientCrypto(key.get("publicKey").asText()).encryptDeviceId(DEVICE);
        assertOnb(b.deviceLogin(appToken, user.accountNumber(), ciphertext, key.get("keyRef").asText(), DEVICE), 200, "ONB200",
                "device login on B");
    }

    @Test
    @Order(6)
    void whenAPasswordLockEndsFiftyParallelWrongPasswordsOverBothNodesEvaluateOneAndLockForLonger() throws Exception {
        // The realm's linear growth with a short wait increment, set through node A's admin API as an admin would.
        RealmRepresentation before = adminA.realm().toRepresentation();
        RealmRepresentation shortWaits = adminA.realm().toRepresentation();
        shortWaits.setWaitIncrementSeconds(2);
        shortWaits.setMaxFailureWaitSeconds(30);
        shortWaits.setBruteForceStrategy(RealmRepresentation.BruteForceStrategy.LINEAR);
        adminA.realm().update(shortWaits);
        try {
            ClusterAdmin.User user = adminA.newUser(List.of());
            for (int attempt = 0; attempt < Guessing.LIMIT; attempt++) {
                FintechApi node = attempt % 2 == 0 ? a : b;
                assertThat(node.userLogin(user.email(), "wrong-" + attempt).status()).as("wrong password %d", attempt + 1).isEqualTo(401);
            }
            awaitKeycloaksView(user.id(), false, Duration.ofSeconds(10));

            long burst = System.nanoTime();
            List<Http.Answer> answers = Guessing.inParallel(Guessing.GUESSES,
                    i -> (i % 2 == 0 ? a : b).userLogin(user.email(), "wrong-again-" + i));

            assertThat(answers).extracting(Http.Answer::status).as("one wrong password after a lock, then the next lock")
                    .filteredOn(status -> status == 401).hasSize(1);
            assertThat(answers).extracting(Http.Answer::status).filteredOn(status -> status != 401).containsOnly(423);
            assertThat(b.userLogin(user.email(), user.password()).status()).as("the right password on B").isEqualTo(423);
            awaitKeycloaksView(user.id(), false, Duration.ofSeconds(15));
            // The lock began after the burst did; Keycloak's view rounds its end up to the second.
            assertThat(Duration.ofNanos(System.nanoTime() - burst)).as("the second lock: 4 s, not the first's 2 s")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(4));
            assertThat(a.userLogin(user.email(), user.password()).status()).as("the right password on A, after the lock").isEqualTo(200);
        } finally {
            RealmRepresentation restored = adminA.realm().toRepresentation();
            restored.setWaitIncrementSeconds(before.getWaitIncrementSeconds());
            restored.setMaxFailureWaitSeconds(before.getMaxFailureWaitSeconds());
            restored.setBruteForceStrategy(before.getBruteForceStrategy());
            adminA.realm().update(restored);
        }
    }

    @Test
    @Order(7)
    void thirtyParallelWrongPasswordsOnKeycloaksOwnGrantOverBothNodesEvaluateAtMostTheLimit() throws Exception {
        // A stranger who knows a customer's email guesses on Keycloak's own password grant (admin-cli) instead of the
        // APIs, 30 at once, half on each node. Keycloak's refusal of a login of a user in progress is per node and off
        // here (TwoNodeCluster.CONCURRENT_LOGINS): only the detector's turn on the password counter's row, in the one
        // database, keeps the evaluated passwords within the realm's limit (the demo realm's 5).
        ClusterAdmin.User user = adminA.newUser(List.of());
        int guesses = 30;
        List<Http.Answer> answers = Guessing.inParallel(guesses,
                i -> (i % 2 == 0 ? a : b).keycloakPasswordGrant(user.email(), "wrong-" + i));

        assertThat(answers).as("no guess got tokens").allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.json().get("error").asText()).as(answer.body()).isEqualTo("invalid_grant");
        });
        List<String> errors = adminB.awaitLoginErrors(user.id(), guesses, Duration.ofSeconds(15));
        assertThat(errors).as("every guess left a login error").hasSize(guesses);
        long evaluated = errors.stream().filter("invalid_user_credentials"::equals).count();
        assertThat(evaluated).as("passwords evaluated out of %d parallel guesses over both nodes (%s)", guesses, errors)
                .isBetween(1L, (long) Guessing.LIMIT);
        assertThat(errors).as("the other guesses were refused unread").filteredOn(error -> !"invalid_user_credentials".equals(error))
                .containsOnly("user_temporarily_disabled");

        // The limit was reached: the password is locked on both nodes, for Keycloak's grant and the API alike.
        awaitKeycloaksView(user.id(), true, Duration.ofSeconds(10));
        for (FintechApi node : List.of(a, b)) {
            Http.Answer right = node.keycloakPasswordGrant(user.email(), user.password());
            assertThat(right.status()).as("the right password on %s's grant, locked: %s", node.node(), right.body()).isEqualTo(400);
            assertThat(right.json().has("access_token")).as("tokens for the right password on %s", node.node()).isFalse();
        }
        assertThat(b.userLogin(user.email(), user.password()).status()).as("the right password on B's email/password API")
                .isEqualTo(423);
        System.out.printf("cluster: 30 parallel wrong passwords on Keycloak's own grant (15 on A, 15 on B): %d evaluated, "
                + "%d refused unread; the right password after them got no tokens on either node%n", evaluated, guesses - evaluated);
    }

    @Test
    @Order(8)
    void aSprayFromOneAddressOverBothNodesIsHeldToItsFailureBudgetWithinATenthWhileACustomerLogsInFromAnother()
            throws Exception {
        // The realm's budget per address, set through node A's admin API as an admin would: 100 failures in a window
        // that outlasts the test. Its last 50 are reserved under the row lock; the first 50 are admitted on reads, which
        // must see what either node counted.
        int budget = 100;
        withRealmAttributes(Map.of(BUDGET_PER_ADDRESS, Integer.toString(budget), BUDGET_WINDOW, "600"), () -> {
            int guesses = 300;
            List<ClusterAdmin.User> sprayed = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                sprayed.add(adminA.newUser(List.of()));
            }
            ClusterAdmin.User customer = adminA.newUser(List.of());

            // One wrong password for each of 300 users from 127.0.0.2, 25 at once, even ones on A and odd ones on B;
            // meanwhile the customer logs in from 127.0.0.3 on A and B by turns until the spray is answered.
            AtomicBoolean sprayDone = new AtomicBoolean();
            ExecutorService customerThread = Executors.newSingleThreadExecutor();
            Future<List<String>> customerLogins = customerThread.submit(() -> {
                List<String> logins = new ArrayList<>();
                for (int i = 0; i < 2 || !sprayDone.get(); i++) {
                    FintechApi node = i % 2 == 0 ? a : b;
                    FintechApi.FromAddress login = node.userLoginFrom("127.0.0.3", customer.email(), customer.password());
                    assertThat(login.status()).as("the customer's login %d on %s from 127.0.0.3: %s", i + 1, node.node(),
                            login.body()).isEqualTo(200);
                    logins.add(node.node());
                }
                return logins;
            });
            List<FintechApi.FromAddress> answers;
            try {
                answers = Guessing.inParallel(guesses, i -> (i % 2 == 0 ? a : b)
                        .userLoginFrom("127.0.0.2", sprayed.get(i).email(), "Wrong-pass-" + i));
            } finally {
                sprayDone.set(true);
                customerThread.shutdown();
            }
            List<String> customerNodes = customerLogins.get(2, TimeUnit.MINUTES);

            List<FintechApi.FromAddress> refused = answers.stream().filter(answer -> answer.status() == 429).toList();
            List<FintechApi.FromAddress> evaluated = answers.stream().filter(answer -> answer.status() != 429).toList();
            assertThat(evaluated).as("wrong passwords evaluated (401) over both nodes, of %d from one address", guesses)
                    .allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(401))
                    .hasSizeBetween(budget, budget + budget / 10);
            assertThat(refused).as("refused over the budget: 429 in the email/password envelope, with Retry-After")
                    .allSatisfy(answer -> {
                        assertThat(JSON.readTree(answer.body()).path("responseCode").asInt()).as(answer.body()).isEqualTo(429);
                        assertThat(answer.retryAfter()).as("Retry-After").isNotNull();
                        assertThat(Long.parseLong(answer.retryAfter())).as("Retry-After").isBetween(1L, 600L);
                    });
            assertThat(customerNodes).as("the customer's logins during the spray").contains("A", "B");
            System.out.printf("cluster: 300 wrong passwords for 300 users from 127.0.0.2, 25 at once, half to each node, "
                            + "against a budget of %d per address: %d evaluated (A: %d, B: %d), %d refused with 429; "
                            + "the customer from 127.0.0.3 logged in %d times meanwhile (200 each, on A and B)%n",
                    budget, evaluated.size(), evaluatedOn(answers, 0), evaluatedOn(answers, 1), refused.size(),
                    customerNodes.size());
        });
    }

    @Test
    @Order(9)
    void behindTheTrustedProxyEachForwardedAddressHasItsOwnBudgetAndAnyoneElsesHeaderCountsNothing() throws Exception {
        // Both nodes run with --proxy-headers=xforwarded and trust the proxy at 127.0.0.9 only, as the admin guide
        // tells an operator behind a load balancer to start them.
        int budget = 5;
        withRealmAttributes(Map.of(BUDGET_PER_ADDRESS, Integer.toString(budget), BUDGET_WINDOW, "600"), () -> {
            // Through the proxy: the customers behind 198.51.100.7 spend their address's budget over both nodes…
            List<Integer> first = new ArrayList<>();
            for (int i = 0; i <= budget; i++) {
                first.add((i % 2 == 0 ? a : b).userLoginFrom(TwoNodeCluster.PROXY, "198.51.100.7",
                        "proxied-" + i + "@budget.example", "Wrong-pass").status());
            }
            assertThat(first.subList(0, budget)).as("198.51.100.7's wrong logins within its budget: evaluated, the API's "
                    + "404 for an unknown email").containsOnly(404);
            assertThat(first.get(budget)).as("198.51.100.7 over its budget").isEqualTo(429);
            // …while 198.51.100.8, behind the same proxy, is a caller of its own: the proxy's address has no budget spent.
            FintechApi.FromAddress other = b.userLoginFrom(TwoNodeCluster.PROXY, "198.51.100.8",
                    "proxied-other@budget.example", "Wrong-pass");
            assertThat(other.status()).as("198.51.100.8 behind the same proxy: %s", other.body()).isEqualTo(404);

            // A caller that is not the proxy names a new address in every request: the nodes count its connection's.
            List<Integer> spoofed = new ArrayList<>();
            for (int i = 0; i < budget + 3; i++) {
                spoofed.add((i % 2 == 0 ? a : b).userLoginFrom("127.0.0.4", "203.0.113." + (i + 1),
                        "spoofed-" + i + "@budget.example", "Wrong-pass").status());
            }
            assertThat(spoofed.subList(0, budget)).as("127.0.0.4's wrong logins within its budget").containsOnly(404);
            assertThat(spoofed.subList(budget, budget + 3)).as("127.0.0.4 over its budget, whatever address its header "
                    + "named").containsOnly(429);
            System.out.printf("cluster: behind the trusted proxy %s, 198.51.100.7 was refused after %d failures while "
                    + "198.51.100.8 was evaluated; 127.0.0.4 naming a new X-Forwarded-For each time was refused after %d%n",
                    TwoNodeCluster.PROXY, budget, budget);
        });
    }

    /**
     * Runs {@code test} with {@code attributes} set on the realm through node A's admin API, as an admin would, once
     * node B shows them; then puts back what the realm had.
     */
    private static void withRealmAttributes(Map<String, String> attributes, ClusterCase test) throws Exception {
        RealmRepresentation before = adminA.realm().toRepresentation();
        RealmRepresentation changed = adminA.realm().toRepresentation();
        changed.getAttributes().putAll(attributes);
        adminA.realm().update(changed);
        try {
            awaitRealmAttributesOnB(attributes, Duration.ofSeconds(10));
            test.run();
        } finally {
            RealmRepresentation restored = adminA.realm().toRepresentation();
            attributes.keySet().forEach(name -> {
                String previous = before.getAttributes().get(name);
                // An empty value reads as "not set": the admin API keeps attributes a representation leaves out.
                restored.getAttributes().put(name, previous == null ? "" : previous);
            });
            adminA.realm().update(restored);
        }
    }

    @Test
    @Order(10)
    void rightLoginsFromOneAddressOverBothNodesAreHeldToItsSuccessBudgetWhileACustomerLogsInFromAnother()
            throws Exception {
        // An attacker holding valid passwords: every login of it succeeds. A success budget of 20 per address, in a
        // window of an hour (success windows are aligned to the clock); the logins are counted in each node's login
        // transaction, in one row both nodes update, and admitted on a read of it.
        int budget = 20;
        SuccessWindows.awaitRoom(3600);
        withRealmAttributes(Map.of(SUCCESSES_PER_ADDRESS, Integer.toString(budget), BUDGET_WINDOW, "3600"), () -> {
            int logins = 60;
            int atOnce = 5;
            List<ClusterAdmin.User> bought = new ArrayList<>();
            for (int i = 0; i < logins; i++) {
                bought.add(adminA.newUser(List.of()));
            }
            ClusterAdmin.User customer = adminA.newUser(List.of());

            List<FintechApi.FromAddress> answers = new ArrayList<>();
            for (int start = 0; start < logins; start += atOnce) {
                int first = start;
                answers.addAll(Guessing.inParallel(atOnce, i -> ((first + i) % 2 == 0 ? a : b)
                        .userLoginFrom("127.0.0.6", bought.get(first + i).email(), bought.get(first + i).password())));
            }
            FintechApi.FromAddress customerOnA = a.userLoginFrom("127.0.0.7", customer.email(), customer.password());
            FintechApi.FromAddress customerOnB = b.userLoginFrom("127.0.0.7", customer.email(), customer.password());

            List<FintechApi.FromAddress> admitted = answers.stream().filter(answer -> answer.status() == 200).toList();
            List<FintechApi.FromAddress> refused = answers.stream().filter(answer -> answer.status() == 429).toList();
            assertThat(admitted.size() + refused.size()).as("every answer a login or a refusal").isEqualTo(logins);
            assertThat(admitted).as("right logins from one address over both nodes, %d at once", atOnce)
                    .hasSizeBetween(budget, budget + atOnce);
            assertThat(refused).allSatisfy(answer -> {
                assertThat(JSON.readTree(answer.body()).path("responseCode").asInt()).as(answer.body()).isEqualTo(429);
                assertThat(Long.parseLong(answer.retryAfter())).as("Retry-After").isBetween(1L, 3600L);
            });
            assertThat(successesCounted("127.0.0.6")).as("logins counted in the address's row, as the database holds it: "
                    + "every one, none lost to concurrent first logins on two nodes").isEqualTo(admitted.size());
            assertThat(customerOnA.status()).as("the customer on A from another address").isEqualTo(200);
            assertThat(customerOnB.status()).as("the customer on B from another address").isEqualTo(200);
            System.out.printf("cluster: %d right logins from 127.0.0.6, %d at once, half to each node, against a success "
                    + "budget of %d per address: %d logged in, %d refused with 429%n", logins, atOnce, budget,
                    admitted.size(), refused.size());
        });
    }

    /** The successes the caller budget table holds for {@code address}, read from the cluster's database. */
    private static long successesCounted(String address) throws java.sql.SQLException {
        try (java.sql.Connection sql = java.sql.DriverManager.getConnection(Postgres.url(), Postgres.ROLE, Postgres.PASSWORD);
             java.sql.PreparedStatement select = sql.prepareStatement(
                     "SELECT COALESCE(SUM(successes), 0) FROM fintech_caller_budget WHERE caller = ?")) {
            select.setString(1, "success:address:" + address);
            try (java.sql.ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** A case's body, which may throw what a test method may. */
    @FunctionalInterface
    private interface ClusterCase {
        void run() throws Exception;
    }

    /** Polls node B's admin view of the realm, which reads B's realm cache, until it shows {@code attributes}. */
    private static void awaitRealmAttributesOnB(Map<String, String> attributes, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            if (adminB.realm().toRepresentation().getAttributes().entrySet().containsAll(attributes.entrySet())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Node B's view of the realm did not show " + attributes + " within " + bound);
    }

    /** Answers other than 429 among the requests sent to one node (even indexes went to A, odd ones to B). */
    private static long evaluatedOn(List<FintechApi.FromAddress> answers, int parity) {
        long count = 0;
        for (int i = parity; i < answers.size(); i += 2) {
            if (answers.get(i).status() != 429) {
                count++;
            }
        }
        return count;
    }

    /** Polls Keycloak's attack-detection view of the user on node B, which mirrors the limiter's lock, until it shows {@code disabled}. */
    private static void awaitKeycloaksView(String userId, boolean disabled, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            if (Boolean.valueOf(disabled).equals(adminB.realm().attackDetection().bruteForceUserStatus(userId).get("disabled"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Keycloak's view of user " + userId + " did not show disabled=" + disabled + " within " + bound);
    }

    /** Last: node A stays down afterwards. */
    @Test
    @Order(Integer.MAX_VALUE)
    void nodeAKilledDuringALoginLoadLeavesBAnsweringAndEverySessionAlive() throws Exception {
        List<ClusterAdmin.User> users = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            users.add(adminA.newUser(List.of()));
        }
        LoginLoad load = new LoginLoad(a, b, users);
        load.start();
        awaitLogins(load, 10);

        long killedAt = System.nanoTime();
        cluster.a().kill();
        load.nodeAGone();
        long viewOfOneMillis = -1;
        while (System.nanoTime() - killedAt < Duration.ofSeconds(5).toNanos()) {
            if (viewOfOneMillis < 0 && cluster.b().clusterSize() == 1) {
                viewOfOneMillis = (System.nanoTime() - killedAt) / 1_000_000;
            }
            Thread.sleep(100);
        }
        List<LoginLoad.Login> logins = load.stop();
        cluster.b().awaitClusterSize(1, Duration.ofSeconds(30));

        List<LoginLoad.Login> onB = logins.stream().filter(login -> login.node().equals("B")).toList();
        List<LoginLoad.Login> onA = logins.stream().filter(login -> login.node().equals("A")).toList();
        assertThat(onB).as("logins sent to B").isNotEmpty().allSatisfy(login -> assertThat(login.status())
                .as("B's answer (%s)", login.failure()).isEqualTo(200));
        assertThat(onB).as("logins sent to B after A was killed").filteredOn(LoginLoad.Login::afterKill).isNotEmpty();
        assertThat(onA).as("A answered 200 or nothing at all (killed)").allSatisfy(login -> assertThat(login.status()).isIn(200, 0));

        List<LoginLoad.Login> ok = logins.stream().filter(LoginLoad.Login::ok).toList();
        for (LoginLoad.Login login : ok) {
            JsonNode introspected = b.introspect(login.token());
            assertThat(introspected.get("active").asBoolean()).as("a token from node %s introspected on B: %s", login.node(), introspected).isTrue();
            assertThat(b.userinfo(login.token()).status()).as("userinfo on B for a token from node %s", login.node()).isEqualTo(200);
        }
        System.out.printf("cluster: kill of A under load: %d logins answered 200 by A before the kill, %d unanswered by A; "
                        + "B answered %d of %d with 200 (%d after the kill, slowest %d ms); all %d tokens active at B; "
                        + "B's cluster view of 1 member %s%n",
                onA.stream().filter(LoginLoad.Login::ok).count(), onA.stream().filter(login -> !login.ok()).count(),
                onB.stream().filter(LoginLoad.Login::ok).count(), onB.size(), onB.stream().filter(LoginLoad.Login::afterKill).count(),
                onB.stream().mapToLong(LoginLoad.Login::millis).max().orElse(0), ok.size(),
                viewOfOneMillis < 0 ? "after the load ended" : "within " + viewOfOneMillis + " ms of the kill");
    }

    private static void awaitLogins(LoginLoad load, int perNode) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (load.okOn("A") < perNode || load.okOn("B") < perNode) {
            if (System.nanoTime() > deadline) {
                load.stop();
                throw new AssertionError("The load did not reach " + perNode + " logins per node within 60 s");
            }
            Thread.sleep(100);
        }
    }

    private static void assertOnb(Http.Answer answer, int status, String code, String what) {
        assertThat(answer.status()).as("%s: %s", what, answer.body()).isEqualTo(status);
        assertThat(answer.json().get("resCode").asText()).as("%s: %s", what, answer.body()).isEqualTo(code);
    }
}
