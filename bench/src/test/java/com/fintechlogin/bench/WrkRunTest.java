package com.fintechlogin.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's generator against a small local server: wrk with the benchmark's script sends the built requests,
 * tells successes from failures by the API's texts, reports requests sent beyond a single-use pool, and as "wrk alone"
 * sends the fixed request unchanged. Needs Debian's wrk (the test command installs it).
 */
class WrkRunTest {

    private static final String SUCCESS = "{\"resCode\":200,\"data\":{\"token\":\"t\"}}";
    private static final Success API_SUCCESS = AnswerCheck.ok(Map.of("/resCode", "200"), "/data/token", "",
            "\"resCode\":200", "\"token\":\"");

    @TempDir
    Path dir;

    private HttpServer server;
    private ExecutorService serverThreads;
    private final Set<String> bodies = ConcurrentHashMap.newKeySet();
    private final AtomicLong hits = new AtomicLong();
    private final Map<String, String> lastHeaders = new ConcurrentHashMap<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ok", exchange -> answer(exchange, 200, SUCCESS));
        server.createContext("/refused", exchange -> answer(exchange, 200, "{\"resCode\":401,\"resDesc\":\"Unauthorized\"}"));
        server.createContext("/once", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            answer(exchange, 200, bodies.add(body) ? SUCCESS : "{\"resCode\":409,\"resDesc\":\"replayed\"}");
        });
        serverThreads = Executors.newFixedThreadPool(4);
        server.setExecutor(serverThreads);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void everyAnswerIsCheckedByTheApisTextsAndTheFirstFailureIsKept() {
        WrkRun wrk = wrk();
        Scenario scenario = scenario("mixed", (worker, n) -> post(n % 2 == 0 ? "/ok" : "/refused", "{}"), false);
        Path pool = dir.resolve("mixed");
        RequestPool.write(scenario, 0, 64, 2, wrk.threads(), pool);

        WrkRun.Result result = wrk.replay(uri(), pool, false, API_SUCCESS.bodyTexts(), Duration.ofSeconds(1));

        assertThat(result.requests()).isPositive();
        assertThat(result.failures()).as("every second request is refused").isBetween(result.requests() / 2 - 4, result.requests() / 2 + 4);
        assertThat(result.errors()).isEqualTo(result.failures());
        assertThat(result.firstFailures()).first().asString().startsWith("HTTP 200: {\"resCode\":401");
        assertThat(result.samples()).isNotEmpty().allSatisfy(body -> assertThat(API_SUCCESS.test(200, body)).isTrue());
        assertThat(result.cpuSeconds()).as("wrk's own CPU time").isPositive();
        assertThat(result.p50Millis()).isPositive();
    }

    @Test
    void requestsSentBeyondASingleUsePoolAreReportedAndRefused() {
        WrkRun wrk = wrk();
        AtomicLong unique = new AtomicLong();
        Scenario scenario = scenario("once", (worker, n) -> post("/once", "{\"n\":" + unique.incrementAndGet() + "}"), true);
        Path pool = dir.resolve("once");
        RequestPool.write(scenario, 0, 20, 2, wrk.threads(), pool);

        WrkRun.Result result = wrk.replay(uri(), pool, true, API_SUCCESS.bodyTexts(), Duration.ofSeconds(1));

        assertThat(result.sent()).isGreaterThan(20);
        assertThat(result.beyondPool()).isEqualTo(result.sent() - 20);
        assertThat(result.failures()).isPositive();
    }

    @Test
    void wrkAloneSendsTheFixedRequestWithItsHeadersAndBodyAndCountsOnlyStatuses() {
        WrkRun wrk = wrk();
        Scenario scenario = scenario("fixed", (worker, n) -> post("/refused", "grant_type=client_credentials"), false);
        Path pool = dir.resolve("fixed");
        RequestPool.write(scenario, 0, wrk.threads(), 1, wrk.threads(), pool);

        WrkRun.Result result = wrk.fixed(uri(), pool, Duration.ofSeconds(1));

        assertThat(result.mode()).isEqualTo("static");
        assertThat(result.requests()).isPositive();
        assertThat(result.errors()).as("a 200 with an error in its body counts as a success for wrk alone").isZero();
        assertThat(lastHeaders).containsEntry("x-api-key", "MOB-APP").containsEntry("body", "grant_type=client_credentials");
    }

    @Test
    void theRoundsGoOnWithTheUsersTurnsAndAnAnswerThatFoolsTheTextCheckIsAnError() {
        WrkRun wrk = wrk();
        // The texts accept the refusal (it has "resCode"), the API's own check does not: the sample check catches it.
        Success loose = new Success() {
            @Override
            public boolean test(int status, String body) {
                return API_SUCCESS.test(status, body);
            }

            @Override
            public List<String> bodyTexts() {
                return List.of("\"resCode\"");
            }
        };
        Scenario scenario = new Scenario("fooled", "fooled", Optional.of(new Target("ok", 1)), (worker, n) -> post("/refused", "{}"),
                loose, false);
        WrkMeasurement measurement = new WrkMeasurement(wrk, HttpClient.newHttpClient(), uri(), 2, Duration.ZERO,
                Duration.ofSeconds(2), CpuWatch.none(), dir, line -> { });

        Measurement m = measurement.measure(List.of(new WrkMeasurement.Load(scenario, WrkMeasurement.Generator.WRK_REPLAY)))
                .get(0);

        assertThat(m.requests()).isPositive();
        assertThat(m.errors()).isPositive();
        assertThat(m.firstErrors()).anySatisfy(error -> assertThat(error).startsWith("an answer that passed wrk's text check fails"));
        assertThat(m.cpu().generator()).isPositive();
    }

    private WrkRun wrk() {
        assumeTrue(WrkRun.executable().isPresent(), "wrk is installed (apt-get install wrk; ./test.sh installs it)");
        return WrkRun.onPath(2, 2, dir);
    }

    private Scenario scenario(String id, RequestSource requests, boolean singleUse) {
        return new Scenario(id, id, Optional.empty(), requests, API_SUCCESS, singleUse);
    }

    private BenchRequest post(String path, String body) {
        return new BenchRequest("POST", URI.create(uri() + path.substring(1)),
                Map.of("X-API-KEY", "MOB-APP", "Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void answer(HttpExchange exchange, int status, String body) throws IOException {
        hits.incrementAndGet();
        lastHeaders.put("x-api-key", String.valueOf(exchange.getRequestHeaders().getFirst("X-API-KEY")));
        byte[] received = exchange.getRequestBody().readAllBytes();
        if (received.length > 0) {
            lastHeaders.put("body", new String(received, StandardCharsets.UTF_8));
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
