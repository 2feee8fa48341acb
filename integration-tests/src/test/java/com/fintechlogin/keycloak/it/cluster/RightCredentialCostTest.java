package com.fintechlogin.keycloak.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fintechlogin.bench.ClientCrypto;
import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;
import com.fintechlogin.keycloak.it.support.Http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.representations.idm.ClientRepresentation;

/**
 * What a right credential costs the attempt limiter, read from PostgreSQL's own statistics on a production-shaped node
 * (stock Keycloak 26.7.3, {@code kc.sh build} and {@code start --optimized} on PostgreSQL, Keycloak's default database
 * pool and worker threads, the demo realm): right PINs, device proofs and passwords with no earlier failures write
 * nothing to the attempt table, and take no more transactions than Keycloak's own grants; and 200 PIN logins at once
 * all succeed on the default pool.
 *
 * <p>The price of the success budgets counted exactly (budgets up to 1000 a window), per right login that asked the
 * budgets (the APIs, Keycloak's password grant in a realm using the extension's steps): exactly two rows written to the
 * caller budget table — one success of the source
 * address, one of a shard of the client — inside the login's own transaction (an UPDATE, or an INSERT for a caller's
 * first login in a window whose row was removed), and no transaction of its own: Keycloak's password grant takes no
 * more transactions with them than with the realm's success budgets off. A grant that checks no user credential (client
 * credentials) writes none. Larger budgets are sampled: a tenth of those writes at most. Runs in integration-tests' {@code cluster} execution, after or before
 * {@link ClusterTest} (it uses the same ports and database, one node at a time).
 */
@Tag("cluster")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RightCredentialCostTest {

    private static final String PIN = "2580";
    private static final String DEVICE = "anid:cost-device+/=:0001";
    private static final String NATIVE_PASSWORD_CLIENT = "cost-native-password";
    /**
     * Right logins per API measured. Keycloak's own background work now and then commits some 50 transactions at once
     * (0.9 per login over 60 logins in one run); over 200 it stays within the margin the assertions allow.
     */
    private static final int LOGINS = 200;
    private static final int USERS = 3;
    private static final int BURST = 200;
    private static final String SUCCESSES_PER_ADDRESS = "fintech.budget.successes-per-address";
    private static final String SUCCESSES_PER_CLIENT = "fintech.budget.successes-per-client";

    /** A user of these tests, who may log in by every API. */
    record User(String id, String email, String password, String accountNumber, String mobile) {
    }

    private static KeycloakNode node;
    private static ClusterAdmin admin;
    private static FintechApi api;
    private static PostgresStatistics statistics;
    private static final List<User> users = new ArrayList<>();
    private static final Map<String, String> figures = new LinkedHashMap<>();

    @BeforeAll
    static void startOneNode() throws InterruptedException {
        Path work = Path.of(System.getProperty("cluster.work.dir")).toAbsolutePath().resolveSibling("right-credential-cost");
        Trees.delete(work);
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Postgres.recreateDatabase(Path.of(System.getProperty("postgres.script")).toAbsolutePath(), work.resolve("postgres.log"));
        Path vault = FintechServerConfig.writeVault(work.resolve("vault"));
        Path home = work.resolve("node");
        KeycloakBuild.install(Path.of(System.getProperty("keycloak.dist.dir")), ProjectJars.find(), home, work.resolve("build.log"));
        Path importDir = home.resolve("data/import");
        try {
            Files.createDirectories(importDir);
            Files.copy(Path.of(System.getProperty("demo.realm.file")), importDir.resolve("demo-realm.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        node = new KeycloakNode("A", home, new KeycloakNode.Ports(8181, 9181, 7901), work.resolve("node.log"));
        node.start(TwoNodeCluster.PUBLIC_URL, vault, List.of("--import-realm"));
        node.awaitReady(TwoNodeCluster.REALM, Duration.ofMinutes(4));
        admin = new ClusterAdmin(node);
        // Success budgets counted exactly (up to 1000 a window, SuccessSampling): every right login writes its rows, the
        // price these tests hold; windows of a second, so that the tests' thousands of logins from one address never
        // reach them. The demo's budgets of 100000 are sampled, measured on their own below.
        org.keycloak.representations.idm.RealmRepresentation exact = admin.realm().toRepresentation();
        exact.getAttributes().putAll(java.util.Map.of(SUCCESSES_PER_ADDRESS, "1000", SUCCESSES_PER_CLIENT, "1000",
                "fintech.budget.window-seconds", "1"));
        admin.realm().update(exact);
        api = new FintechApi(node);
        statistics = new PostgresStatistics();

        ClientRepresentation nativePassword = new ClientRepresentation();
        nativePassword.setClientId(NATIVE_PASSWORD_CLIENT);
        nativePassword.setPublicClient(true);
        nativePassword.setDirectAccessGrantsEnabled(true);
        nativePassword.setStandardFlowEnabled(false);
        admin.realm().clients().create(nativePassword).close();
        for (int i = 0; i < USERS; i++) {
            users.add(newUser());
        }
    }

    @AfterAll
    static void stopNode() throws Exception {
        try {
            if (statistics != null) {
                statistics.close();
            }
            if (admin != null) {
                admin.close();
            }
        } finally {
            if (node != null) {
                node.stop();
            }
        }
        System.out.printf("right-credential cost: %s%n", figures);
    }

    private static User newUser() {
        String accountNumber = DemoRealm.freshAccountNumber();
        String mobile = DemoRealm.freshMobile();
        DemoRealm.NewUser user = DemoRealm.user(Map.of("accountNumber", List.of(accountNumber), "mobile", List.of(mobile)),
                List.of(DemoRealm.pin(PIN), DemoRealm.device(DEVICE, true)));
        String id = DemoRealm.create(admin.realm(), user.representation());
        return new User(id, user.representation().getEmail(), user.password(), accountNumber, mobile);
    }

    /** One right login by an API, for the {@code n}th login; fails the test unless it succeeds. */
    private interface Login {
        void run(User user, int n);
    }

    private static Login pinLogin() {
        String appToken = api.pinAppToken();
        return (user, n) -> assertOnb(api.pinLogin(appToken, user.accountNumber(), PIN, DEVICE), "PIN login");
    }

    private static Login deviceLogin() {
        String appToken = api.pinAppToken();
        JsonNode key = api.publicKey();
        ClientCrypto crypto = new ClientCrypto(key.get("publicKey").asText());
        String keyRef = key.get("keyRef").asText();
        return (user, n) -> assertOnb(api.deviceLogin(appToken, user.accountNumber(), crypto.encryptDeviceId(DEVICE), keyRef, DEVICE),
                "device login");
    }

    private static Login emailPasswordLogin() {
        return (user, n) -> {
            Http.Answer answer = api.userLogin(user.email(), user.password());
            assertThat(answer.status()).as("email/password login: %s", answer.body()).isEqualTo(200);
        };
    }

    private static Login mobileSignIn() {
        String appToken = appToken(DemoRealm.MOB_APP, DemoRealm.MOB_APP_SECRET);
        return (user, n) -> {
            Http.Answer answer = Http.send("POST", node.realmUrl(TwoNodeCluster.REALM) + "/fintech/lending/v1/token", "application/json",
                    ("{\"token\": " + Http.jsonString(appToken) + ", \"mobile\": " + Http.jsonString(user.mobile()) + "}")
                            .getBytes(StandardCharsets.UTF_8),
                    Map.of("X-API-KEY", DemoRealm.MOB_APP, "X-API-TOKEN", appToken));
            assertThat(answer.status()).as("mobile sign-in: %s", answer.body()).isEqualTo(200);
        };
    }

    private static Login passwordGrant() {
        return (user, n) -> {
            Http.Answer answer = Http.postForm(node.realmUrl(TwoNodeCluster.REALM) + "/protocol/openid-connect/token",
                    Map.of("grant_type", "password", "client_id", NATIVE_PASSWORD_CLIENT, "username", user.email(),
                            "password", user.password(), "scope", "openid"), Map.of());
            assertThat(answer.status()).as("Keycloak's password grant: %s", answer.body()).isEqualTo(200);
        };
    }

    private static Login clientCredentialsGrant() {
        return (user, n) -> {
            Http.Answer answer = Http.postForm(node.realmUrl(TwoNodeCluster.REALM) + "/protocol/openid-connect/token",
                    Map.of("grant_type", "client_credentials"),
                    Map.of("Authorization", Http.basic(DemoRealm.MOB_APP, DemoRealm.MOB_APP_SECRET)));
            assertThat(answer.status()).as("Keycloak's client-credentials grant: %s", answer.body()).isEqualTo(200);
        };
    }

    private static String appToken(String client, String secret) {
        Http.Answer answer = Http.send("POST", node.realmUrl(TwoNodeCluster.REALM) + "/fintech/market-place/v1/token", null, null,
                Map.of("X-API-KEY", client, "X-API-SECRET", secret));
        assertThat(answer.status()).as("Get Token API: %s", answer.body()).isEqualTo(200);
        return answer.json().at("/data/token").asText();
    }

    /** What {@code logins} right logins cost, less Keycloak's idle activity over the same time. */
    private record Cost(long attemptWrites, long attemptInserts, long budgetWrites, double transactionsPerLogin) {
    }

    /**
     * Settled readings one after another, each batch's reading after it being the next one's before: Keycloak's idle
     * rate of transactions first (its own background work and these readings), then what each batch adds to it.
     */
    private static final class Meter {

        private PostgresStatistics.Reading last;
        private final double idleTransactionsPerSecond;

        Meter() throws InterruptedException {
            PostgresStatistics.Reading start = statistics.settled();
            long started = System.nanoTime();
            last = statistics.settled();
            idleTransactionsPerSecond = last.transactionsSince(start) / ((System.nanoTime() - started) / 1e9);
            figures.put("idle", String.format("%.2f transactions per second", idleTransactionsPerSecond));
        }

        Cost measure(String name, Login login, int logins) throws InterruptedException {
            PostgresStatistics.Reading before = last;
            long started = System.nanoTime();
            for (int n = 0; n < logins; n++) {
                login.run(users.get(n % users.size()), n);
            }
            long busyNanos = System.nanoTime() - started;
            last = statistics.settled();
            double windowSeconds = (busyNanos + PostgresStatistics.FLUSH_DELAY.toNanos()) / 1e9;
            double perLogin = (last.transactionsSince(before) - idleTransactionsPerSecond * windowSeconds) / logins;
            Cost cost = new Cost(last.attemptWritesSince(before), last.attemptInsertsSince(before),
                    last.budgetWritesSince(before), perLogin);
            figures.put(name, String.format("%d attempt-table writes and %d budget-table writes in %d logins, %.2f "
                    + "transactions per login", cost.attemptWrites(), cost.budgetWrites(), logins, perLogin));
            System.out.printf("right-credential cost: %s: %s%n", name, figures.get(name));
            return cost;
        }
    }

    @Test
    @Order(1)
    void aRightCredentialWithNoEarlierFailuresWritesNothingToTheAttemptTable() throws InterruptedException {
        Login pin = pinLogin();
        Login device = deviceLogin();
        Login password = emailPasswordLogin();
        Meter meter = new Meter();

        // The first check of each user and credential kind creates its counter: one insert, ever.
        Cost first = meter.measure("first logins of each user by PIN, device and password", (user, n) -> {
            pin.run(user, n);
            device.run(user, n);
            password.run(user, n);
        }, USERS);
        assertThat(first.attemptInserts()).as("counters created by the first logins of %d users by 3 kinds", USERS)
                .isEqualTo(USERS * 3L);
        assertThat(first.attemptWrites()).as("rows written by the first logins").isEqualTo(USERS * 3L);
        assertThat(first.budgetWrites()).as("success budget rows written by the first %d logins", USERS * 3)
                .isEqualTo(2L * USERS * 3);

        Cost pins = meter.measure("PIN login (mode 1)", pin, LOGINS);
        assertThat(pins.attemptWrites()).as("attempt-table rows written by %d right PINs", LOGINS).isZero();
        assertThat(pins.budgetWrites()).as("success budget rows written by %d right PINs: address and client", LOGINS)
                .isEqualTo(2L * LOGINS);
        Cost devices = meter.measure("device login (mode 2)", device, LOGINS);
        assertThat(devices.attemptWrites()).as("attempt-table rows written by %d right device proofs", LOGINS).isZero();
        assertThat(devices.budgetWrites()).as("success budget rows written by %d right device proofs", LOGINS)
                .isEqualTo(2L * LOGINS);
        Cost passwords = meter.measure("email/password API", password, LOGINS);
        assertThat(passwords.attemptWrites()).as("attempt-table rows written by %d right passwords", LOGINS).isZero();
        assertThat(passwords.budgetWrites()).as("success budget rows written by %d right passwords", LOGINS)
                .isEqualTo(2L * LOGINS);
    }

    /** Runs {@code measure} with both success budgets set to {@code value}, and puts the realm's values back. */
    private static Cost withSuccessBudgets(String value, java.util.concurrent.Callable<Cost> measure) throws Exception {
        List<String> settings = List.of(SUCCESSES_PER_ADDRESS, SUCCESSES_PER_CLIENT);
        org.keycloak.representations.idm.RealmRepresentation before = admin.realm().toRepresentation();
        org.keycloak.representations.idm.RealmRepresentation off = admin.realm().toRepresentation();
        settings.forEach(name -> off.getAttributes().put(name, value));
        admin.realm().update(off);
        try {
            return measure.call();
        } finally {
            org.keycloak.representations.idm.RealmRepresentation restored = admin.realm().toRepresentation();
            settings.forEach(name -> {
                String previous = before.getAttributes().get(name);
                // An empty value reads as "not set": the admin API keeps attributes a representation leaves out.
                restored.getAttributes().put(name, previous == null ? "" : previous);
            });
            admin.realm().update(restored);
        }
    }

    @Test
    @Order(2)
    void aRightCredentialTakesNoMoreTransactionsThanKeycloaksOwnGrants() throws Exception {
        Login mobileSignIn = mobileSignIn();
        Login pinLogin = pinLogin();
        Login deviceLogin = deviceLogin();
        Meter meter = new Meter();
        Cost passwordGrant = meter.measure("Keycloak password grant", passwordGrant(), LOGINS);
        Cost password = meter.measure("email/password API", emailPasswordLogin(), LOGINS);
        Cost clientCredentials = meter.measure("Keycloak client-credentials grant", clientCredentialsGrant(), LOGINS);
        Cost mobile = meter.measure("mobile sign-in", mobileSignIn, LOGINS);
        Cost pin = meter.measure("PIN login (mode 1)", pinLogin, LOGINS);
        Cost device = meter.measure("device login (mode 2)", deviceLogin, LOGINS);
        // The baseline that pays no success budget: the same grant with the realm's success budgets off. Every login
        // above pays them, so comparing those with each other alone would not see a transaction the count took of its
        // own (all would rise by one).
        Cost passwordGrantUncounted = withSuccessBudgets("off",
                () -> meter.measure("Keycloak password grant, success budgets off", passwordGrant(), LOGINS));
        // The demo's budgets of 100000 a window are sampled: one login in 100 written, adding 100 (SuccessSampling).
        Cost pinSampled = withSuccessBudgets("100000",
                () -> meter.measure("PIN login (mode 1), success budgets of 100000", pinLogin, LOGINS));

        // The limiter's old reservation took two transactions of its own per right credential (4.0 per PIN login where
        // mobile sign-in took 2.0); Keycloak's own background work adds a fraction of one now and then.
        assertThat(password.transactionsPerLogin()).as("transactions per email/password login, against the password grant's %.2f",
                passwordGrant.transactionsPerLogin()).isLessThan(passwordGrant.transactionsPerLogin() + 0.5);
        assertThat(pin.transactionsPerLogin()).as("transactions per PIN login, against mobile sign-in's %.2f",
                mobile.transactionsPerLogin()).isLessThan(mobile.transactionsPerLogin() + 0.5);
        assertThat(device.transactionsPerLogin()).as("transactions per device login, against mobile sign-in's %.2f",
                mobile.transactionsPerLogin()).isLessThan(mobile.transactionsPerLogin() + 0.5);
        assertThat(clientCredentials.attemptWrites() + mobile.attemptWrites() + passwordGrant.attemptWrites()).isZero();
        // The success budgets count in the login's own transaction: no transaction more than the same grant without
        // them (a count in a transaction of its own would add a whole one per login).
        assertThat(passwordGrant.transactionsPerLogin()).as("transactions per password grant paying the success "
                + "budgets, against %.2f with them off", passwordGrantUncounted.transactionsPerLogin())
                .isLessThan(passwordGrantUncounted.transactionsPerLogin() + 0.5);
        assertThat(passwordGrantUncounted.budgetWrites()).as("budget rows written with the success budgets off").isZero();
        assertThat(password.budgetWrites()).as("budget rows written by %d email/password logins", LOGINS)
                .isEqualTo(2L * LOGINS);
        assertThat(mobile.budgetWrites()).as("budget rows written by %d mobile sign-ins", LOGINS).isEqualTo(2L * LOGINS);
        assertThat(passwordGrant.budgetWrites()).as("budget rows written by %d of Keycloak's password grants", LOGINS)
                .isEqualTo(2L * LOGINS);
        assertThat(clientCredentials.budgetWrites()).as("a client-credentials grant logs no user in").isZero();
        assertThat(pinSampled.budgetWrites()).as("budget rows written by %d PIN logins against budgets of 100000, "
                + "sampled one in 100 (about 4 expected)", LOGINS).isLessThanOrEqualTo(2L * LOGINS / 10);
        assertThat(pinSampled.transactionsPerLogin()).as("transactions per sampled PIN login, against %.2f exact",
                pin.transactionsPerLogin()).isLessThan(pin.transactionsPerLogin() + 0.5);
    }

    @Test
    @Order(3)
    void twoHundredSimultaneousPinLoginsOfAsManyUsersAllSucceedOnTheDefaultPool() throws Exception {
        List<User> many = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            many.add(newUser());
        }
        String appToken = api.pinAppToken();

        Burst burst = Burst.of(BURST, i -> api.pinLoginOnOwnConnection(appToken, many.get(i).accountNumber(), PIN, DEVICE));

        figures.put("burst of " + BURST + " users", burst.summary());
        System.out.printf("right-credential cost: %d simultaneous PIN logins of %d users: %s%n", BURST, BURST, burst.summary());
        burst.assertEveryLoginSucceeded();
    }

    @Test
    @Order(4)
    void twoHundredSimultaneousPinLoginsOfOneUserTakeTurnsAndAllSucceed() throws Exception {
        User one = users.get(0);
        String appToken = api.pinAppToken();

        Burst burst = Burst.of(BURST, i -> api.pinLoginOnOwnConnection(appToken, one.accountNumber(), PIN, DEVICE));

        figures.put("burst of one user", burst.summary());
        System.out.printf("right-credential cost: %d simultaneous PIN logins of one user: %s%n", BURST, burst.summary());
        burst.assertEveryLoginSucceeded();
    }

    /** Requests sent all at once, one thread each, and what came back. */
    private record Burst(List<Http.Answer> answers, List<String> failures, long millis, long slowestMillis, int peakConnections) {

        /** Sends them, counting the node's database connections meanwhile (PostgreSQL's pg_stat_activity). */
        static Burst of(int count, IntFunction<Http.Answer> request) throws Exception {
            ExecutorService threads = Executors.newFixedThreadPool(count + 1);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<long[]>> timings = new ArrayList<>();
            List<Http.Answer> answers = Collections.synchronizedList(new ArrayList<>());
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            try {
                for (int i = 0; i < count; i++) {
                    int n = i;
                    Callable<long[]> call = () -> {
                        go.await();
                        long started = System.nanoTime();
                        try {
                            answers.add(request.apply(n));
                        } catch (RuntimeException noAnswer) {
                            // A timeout, a refused or reset connection: no answer at all.
                            failures.add(String.valueOf(noAnswer.getCause() == null ? noAnswer : noAnswer.getCause()));
                        } catch (AssertionError outsideTheContract) {
                            // An answer the API's document does not allow: a 5xx of Keycloak's own error handler.
                            failures.add(outsideTheContract.getMessage().lines().findFirst().orElse("?"));
                        }
                        return new long[] {(System.nanoTime() - started) / 1_000_000};
                    };
                    timings.add(threads.submit(call));
                }
                AtomicBoolean done = new AtomicBoolean();
                Future<Integer> peak = threads.submit(() -> {
                    int most = 0;
                    while (!done.get()) {
                        most = Math.max(most, statistics.connections());
                        Thread.sleep(20);
                    }
                    return most;
                });
                long started = System.nanoTime();
                go.countDown();
                long slowest = 0;
                for (Future<long[]> timing : timings) {
                    slowest = Math.max(slowest, timing.get()[0]);
                }
                long millis = (System.nanoTime() - started) / 1_000_000;
                done.set(true);
                return new Burst(List.copyOf(answers), List.copyOf(failures), millis, slowest, peak.get());
            } finally {
                threads.shutdownNow();
            }
        }

        String summary() {
            Map<Integer, Long> statuses = new TreeMap<>();
            answers.forEach(answer -> statuses.merge(answer.status(), 1L, Long::sum));
            return String.format("HTTP statuses %s, %d failed (%s), all answered in %d ms, slowest %d ms, at most %d database "
                    + "connections", statuses, failures.size(), failures.stream().distinct().limit(3).toList(), millis, slowestMillis,
                    peakConnections);
        }

        void assertEveryLoginSucceeded() {
            assertThat(failures).as("requests without an answer (timeouts, refused connections) or with a server error").isEmpty();
            assertThat(answers).as("answers").hasSize(BURST).allSatisfy(answer -> {
                assertThat(answer.status()).as("PIN login: %s", answer.body()).isEqualTo(200);
                assertThat(answer.json().get("resCode").asText()).isEqualTo("ONB200");
            });
        }
    }

    private static void assertOnb(Http.Answer answer, String what) {
        assertThat(answer.status()).as("%s: %s", what, answer.body()).isEqualTo(200);
        assertThat(answer.json().get("resCode").asText()).as("%s: %s", what, answer.body()).isEqualTo("ONB200");
    }
}
