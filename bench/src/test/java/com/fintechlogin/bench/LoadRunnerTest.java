package com.fintechlogin.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoadRunnerTest {

    private static final Duration WARMUP = Duration.ofMillis(200);
    private static final Duration WINDOW = Duration.ofMillis(500);
    private static final String LONG_ERROR = "boom " + "x".repeat(300);
    private static final Target TARGET = new Target("baseline", 0.5);

    private HttpServer server;
    private ExecutorService serverThreads;
    private HttpClient client;
    private final Map<String, AtomicLong> hits = new ConcurrentHashMap<>();
    private final Map<String, String> echoed = new ConcurrentHashMap<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ok", exchange -> answer(exchange, 200, "ok"));
        server.createContext("/fail", exchange -> answer(exchange, 500, LONG_ERROR));
        server.createContext("/slow", exchange -> {
            sleep(300);
            answer(exchange, 200, "slow");
        });
        server.createContext("/echo", exchange -> {
            echoed.put("method", exchange.getRequestMethod());
            echoed.put("header", String.valueOf(exchange.getRequestHeaders().getFirst("X-Test")));
            echoed.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer(exchange, 200, "echo");
        });
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        server.start();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        serverThreads.shutdownNow();
        client.close();
    }

    @Test
    void allAnswersOkGiveRequestsLatenciesAndNoErrors() {
        Scenario scenario = scenario("ok", (worker, n) -> get("/ok"), Success.status2xx());

        Measurement m = new LoadRunner(client, 2, WARMUP, WINDOW).run(scenario);

        assertThat(m.id()).isEqualTo("ok");
        assertThat(m.label()).isEqualTo("ok label");
        assertThat(m.target()).contains(TARGET);
        assertThat(m.concurrency()).isEqualTo(2);
        assertThat(m.seconds()).isEqualTo(0.5);
        assertThat(m.requests()).isPositive();
        assertThat(m.errors()).isZero();
        assertThat(m.firstErrors()).isEmpty();
        assertThat(m.perSecond()).isEqualTo(m.requests() / 0.5);
        assertThat(m.p50Millis()).isPositive();
        assertThat(m.p95Millis()).isGreaterThanOrEqualTo(m.p50Millis());
        assertThat(m.p99Millis()).isGreaterThanOrEqualTo(m.p95Millis());
    }

    @Test
    void serverErrorsAreCountedWithTheirFirstTextsAndTheRunGoesOn() {
        Scenario scenario = scenario("mixed",
                (worker, n) -> get(n % 2 == 0 ? "/ok" : "/fail"), Success.status2xx());

        Measurement m = new LoadRunner(client, 2, WARMUP, WINDOW).run(scenario);

        assertThat(m.errors()).isPositive();
        assertThat(m.requests()).isGreaterThan(m.errors());
        assertThat(m.firstErrors()).hasSize(3)
                .allSatisfy(error -> assertThat(error).isEqualTo("HTTP 500: " + LONG_ERROR.substring(0, 200)));
    }

    @Test
    void theSuccessCheckSeesTheBodyNotOnlyTheStatus() {
        Scenario scenario = scenario("body", (worker, n) -> get("/ok"),
                (status, body) -> status == 200 && body.equals("a token"));

        Measurement m = new LoadRunner(client, 1, Duration.ZERO, Duration.ofMillis(200)).run(scenario);

        assertThat(m.errors()).isEqualTo(m.requests()).isPositive();
        assertThat(m.firstErrors()).first().isEqualTo("HTTP 200: ok");
    }

    @Test
    void failedSendsAreErrorsNamedByTheirException() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort + "/ok");
        Scenario scenario = scenario("down", (worker, n) -> new BenchRequest("GET", nowhere, null, null),
                Success.status2xx());

        Measurement m = new LoadRunner(client, 1, Duration.ZERO, Duration.ofMillis(200)).run(scenario);

        assertThat(m.requests()).isPositive();
        assertThat(m.errors()).isEqualTo(m.requests());
        assertThat(m.firstErrors()).isNotEmpty().allSatisfy(error -> assertThat(error).startsWith("java.net."));
    }

    @Test
    void requestsOfTheWarmupAreNotCounted() {
        // Every request sent in the first 100 ms fails; they all complete long before the 400 ms warmup ends.
        AtomicLong firstCall = new AtomicLong();
        Scenario scenario = scenario("warm", (worker, n) -> {
            long now = System.nanoTime();
            firstCall.compareAndSet(0, now);
            return get(now - firstCall.get() < Duration.ofMillis(100).toNanos() ? "/fail" : "/ok");
        }, Success.status2xx());

        Measurement m = new LoadRunner(client, 2, Duration.ofMillis(400), Duration.ofMillis(300)).run(scenario);

        assertThat(hits("/fail")).as("failures sent during the warmup").isPositive();
        assertThat(m.errors()).isZero();
        assertThat(m.requests()).isPositive().isLessThan(hits("/ok"));
    }

    @Test
    void requestsStillInFlightWhenTheWindowClosesAreNotCounted() {
        // 300 ms per answer in a 500 ms window: each worker completes one request inside it, the second one after.
        Scenario scenario = scenario("slow", (worker, n) -> get("/slow"), Success.status2xx());

        Measurement m = new LoadRunner(client, 2, Duration.ZERO, WINDOW).run(scenario);

        assertThat(m.requests()).isEqualTo(2);
        assertThat(hits("/slow")).isEqualTo(4);
        assertThat(m.perSecond()).isEqualTo(4.0);
        assertThat(m.p50Millis()).isGreaterThanOrEqualTo(300.0);
    }

    @Test
    void methodHeadersAndBodyReachTheServerAndHeadersTheClientOwnsAreSkipped() {
        byte[] body = "{\"pin\":\"1234\"}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = Map.of("X-Test", "yes", "Content-Length", "999", "Host", "elsewhere");
        Scenario scenario = scenario("echo",
                (worker, n) -> new BenchRequest("PUT", uri("/echo"), headers, body), Success.status2xx());

        Measurement m = new LoadRunner(client, 1, Duration.ZERO, Duration.ofMillis(100)).run(scenario);

        assertThat(m.errors()).isZero();
        assertThat(echoed).containsEntry("method", "PUT").containsEntry("header", "yes")
                .containsEntry("body", "{\"pin\":\"1234\"}");
    }

    @Test
    void eachWorkerCountsItsOwnSequenceFromZero() {
        Map<Integer, Long> firstSequence = new ConcurrentHashMap<>();
        Scenario scenario = scenario("seq", (worker, n) -> {
            firstSequence.putIfAbsent(worker, n);
            return get("/ok");
        }, Success.status2xx());

        new LoadRunner(client, 3, Duration.ZERO, Duration.ofMillis(100)).run(scenario);

        assertThat(firstSequence).containsExactlyInAnyOrderEntriesOf(Map.of(0, 0L, 1, 0L, 2, 0L));
    }

    @Test
    void aRequestSourceThatThrowsEndsTheRunWithItsException() {
        Scenario scenario = scenario("broken", (worker, n) -> {
            throw new IllegalArgumentException("no such user");
        }, Success.status2xx());

        assertThatThrownBy(() -> new LoadRunner(client, 2, Duration.ZERO, Duration.ofMillis(100)).run(scenario))
                .isInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("no such user");
    }

    private Scenario scenario(String id, RequestSource requests, Success success) {
        return new Scenario(id, id + " label", Optional.of(TARGET), requests, success, false);
    }

    private BenchRequest get(String path) {
        return new BenchRequest("GET", uri(path), Map.of(), null);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private long hits(String path) {
        return hits.computeIfAbsent(path, p -> new AtomicLong()).get();
    }

    private void answer(HttpExchange exchange, int status, String body) throws IOException {
        hits.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicLong()).incrementAndGet();
        exchange.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
