package com.fintechlogin.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Drives one scenario with a fixed number of workers, each sending its next request as soon as the previous answer
 * is read (a closed loop), and measures what completes inside a fixed window after a warmup.
 *
 * <p>A closed loop measures the server's capacity at a given concurrency: throughput and latency are both results,
 * and comparing two APIs at the same concurrency on the same server gives their cost ratio. Each worker is a platform
 * thread that records into its own {@link LatencyRecorder}, so measuring adds no contention; the records are merged
 * once the workers have ended.
 *
 * <p>Every worker follows one shared timeline: warmup from the start, then the measured window. A request is counted
 * when it <em>completes</em> inside the window, whenever it started; requests still in flight when the window closes
 * are not counted. Latency runs from just before {@code send} until the body has been read.
 *
 * <p>The {@link HttpClient} is the caller's, so that connection reuse and HTTP version are chosen once for a whole
 * run (use HTTP/1.1 against a plain-HTTP Keycloak: the JDK client would otherwise try an h2c upgrade).
 */
public final class LoadRunner {

    /** How long one request may take before it counts as an error. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final int BODY_CHARS_IN_ERROR = 200;

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade");

    private final HttpClient client;
    private final int concurrency;
    private final Duration warmup;
    private final Duration measure;

    public LoadRunner(HttpClient client, int concurrency, Duration warmup, Duration measure) {
        this.client = Objects.requireNonNull(client, "client");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("warmup must not be negative: " + warmup);
        }
        if (measure.isNegative() || measure.isZero()) {
            throw new IllegalArgumentException("measure must be positive: " + measure);
        }
        this.concurrency = concurrency;
        this.warmup = warmup;
        this.measure = measure;
    }

    /**
     * Runs the warmup (not recorded), then the measured window, and returns what completed inside the window. Server
     * errors and failed sends are counted and the run goes on; an exception thrown by the scenario's
     * {@link RequestSource} is a fault of the scenario and is rethrown once the workers have stopped.
     */
    public Measurement run(Scenario scenario) {
        List<LatencyRecorder> recorders = new ArrayList<>(concurrency);
        List<Thread> workers = new ArrayList<>(concurrency);
        CountDownLatch ready = new CountDownLatch(concurrency);
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<RuntimeException> fault = new AtomicReference<>();
        long[] timeline = new long[2]; // warmup end, window end; written before go, read after it

        for (int worker = 0; worker < concurrency; worker++) {
            LatencyRecorder recorder = new LatencyRecorder();
            recorders.add(recorder);
            int index = worker;
            Thread thread = Thread.ofPlatform()
                    .name("bench-" + scenario.id() + "-" + worker)
                    .daemon(true)
                    .unstarted(() -> {
                        ready.countDown();
                        awaitQuietly(go);
                        try {
                            work(scenario, index, timeline[0], timeline[1], recorder, fault);
                        } catch (RuntimeException e) {
                            fault.compareAndSet(null, e);
                        }
                    });
            workers.add(thread);
            thread.start();
        }

        awaitQuietly(ready);
        long start = System.nanoTime();
        timeline[0] = start + warmup.toNanos();
        timeline[1] = timeline[0] + measure.toNanos();
        go.countDown();
        for (Thread thread : workers) {
            joinQuietly(thread);
        }
        if (fault.get() != null) {
            throw new IllegalStateException("scenario " + scenario.id() + " failed to make a request", fault.get());
        }
        return measurement(scenario, recorders);
    }

    private void work(Scenario scenario, int worker, long warmupEnd, long windowEnd, LatencyRecorder recorder,
            AtomicReference<RuntimeException> fault) {
        for (long sequence = 0; fault.get() == null && System.nanoTime() < windowEnd; sequence++) {
            HttpRequest request = toHttpRequest(scenario.requests().next(worker, sequence));
            String error;
            long sent = System.nanoTime();
            long completed;
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                completed = System.nanoTime();
                error = errorOf(scenario.success(), response.statusCode(), response.body());
            } catch (IOException e) {
                completed = System.nanoTime();
                error = describe(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (completed < warmupEnd || completed >= windowEnd) {
                continue;
            }
            if (error == null) {
                recorder.success(completed - sent);
            } else {
                recorder.error(completed - sent, completed, error);
            }
        }
    }

    /** The error text of an answer, or {@code null} when it is a success. */
    static String errorOf(Success success, int status, String body) {
        try {
            if (success.test(status, body)) {
                return null;
            }
        } catch (RuntimeException e) {
            return "success check threw " + describe(e) + " on HTTP " + status + ": " + head(body);
        }
        return "HTTP " + status + ": " + head(body);
    }

    private static String head(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= BODY_CHARS_IN_ERROR ? body : body.substring(0, BODY_CHARS_IN_ERROR);
    }

    static String describe(Exception e) {
        return e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    static HttpRequest toHttpRequest(BenchRequest request) {
        HttpRequest.BodyPublisher body = request.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .timeout(REQUEST_TIMEOUT)
                .method(request.method(), body);
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            if (!RESTRICTED_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                builder.header(header.getKey(), header.getValue());
            }
        }
        return builder.build();
    }

    private Measurement measurement(Scenario scenario, List<LatencyRecorder> recorders) {
        Stats stats = Stats.ofNanos(LatencyRecorder.mergedLatencies(recorders));
        long requests = stats.count();
        long errors = recorders.stream().mapToLong(LatencyRecorder::errors).sum();
        double seconds = measure.toNanos() / 1e9;
        return new Measurement(scenario.id(), scenario.label(), scenario.target(), concurrency, seconds,
                requests, errors, requests / seconds,
                stats.percentileMillis(50), stats.percentileMillis(95), stats.percentileMillis(99),
                LatencyRecorder.mergedFirstErrors(recorders), CpuShares.UNKNOWN);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        uninterruptibly(latch::await);
    }

    private static void joinQuietly(Thread thread) {
        uninterruptibly(thread::join);
    }

    /** A blocking call that may be interrupted. */
    private interface Blocking {
        void run() throws InterruptedException;
    }

    /**
     * Waits for the call to return even if interrupted, then restores the interrupt flag: a half-joined run would
     * leave workers sending requests into the next scenario's measurement.
     */
    private static void uninterruptibly(Blocking call) {
        boolean interrupted = false;
        while (true) {
            try {
                call.run();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
