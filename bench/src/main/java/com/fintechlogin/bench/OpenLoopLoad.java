package com.fintechlogin.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Offers a fixed request rate per scenario, all scenarios at once, for a fixed time (an open loop): a dispatcher
 * thread per scenario follows its {@link PacingSchedule} and hands each request to a virtual thread of its own, which
 * waits for the answer. Slow answers therefore never hold back the next request; the only limit is
 * {@link #MAX_WAITING} requests waiting for answers at once, past which a due request is not sent and is counted as
 * such. A request sent more than {@link #LATE_TOLERANCE} after it was due (the dispatcher was not scheduled in time on
 * a busy machine) is sent and counted as late. Latency runs from the actual send to the end of the body.
 */
final class OpenLoopLoad {

    static final Duration LATE_TOLERANCE = Duration.ofMillis(100);
    /** Far above what a soak at half capacity keeps waiting; reached only if the server stalls. */
    static final int MAX_WAITING = 1000;

    /** A scenario and the rate to offer it at. */
    record Paced(Scenario scenario, double perSecond) {
    }

    private final HttpClient http;
    private final List<Paced> plan;
    private final int workerUsers;
    private final Duration length;
    private final SoakTally tally;
    private final Semaphore waiting = new Semaphore(MAX_WAITING);
    private final ExecutorService answersAwaited = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Thread> dispatchers = new ArrayList<>();
    private final AtomicReference<RuntimeException> fault = new AtomicReference<>();

    /**
     * @param workerUsers the concurrency the worker users were seeded for: request {@code k} is made as worker
     *                    {@code k % workerUsers}, so the password-based scenarios take their users in turn
     */
    OpenLoopLoad(HttpClient http, List<Paced> plan, int workerUsers, Duration length, SoakTally tally) {
        this.http = http;
        this.plan = List.copyOf(plan);
        this.workerUsers = workerUsers;
        this.length = length;
        this.tally = tally;
    }

    /** Starts every scenario's dispatcher; request 0 of each is due at {@code startNanos} ({@link System#nanoTime}). */
    void start(long startNanos) {
        for (int i = 0; i < plan.size(); i++) {
            int index = i;
            dispatchers.add(Thread.ofPlatform().name("soak-" + plan.get(i).scenario().id()).daemon(true)
                    .start(() -> dispatch(index, startNanos)));
        }
    }

    /**
     * Waits until every request is sent and answered (or timed out). An exception of a scenario's request source is
     * a fault of the scenario, not of the server, and is rethrown here.
     */
    void awaitEnd() {
        try {
            for (Thread dispatcher : dispatchers) {
                dispatcher.join();
            }
            answersAwaited.shutdown();
            if (!answersAwaited.awaitTermination(LoadRunner.REQUEST_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Requests still unanswered after the client's own timeout");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the soak's load ran", e);
        }
        if (fault.get() != null) {
            throw new IllegalStateException("A scenario failed to make a request", fault.get());
        }
    }

    private void dispatch(int index, long start) {
        Scenario scenario = plan.get(index).scenario();
        PacingSchedule schedule = new PacingSchedule(plan.get(index).perSecond());
        boolean makesSession = Scenarios.makesUserSession(scenario.id());
        long end = length.toNanos();
        for (long k = 0; fault.get() == null; k++) {
            long due = schedule.dueNanos(k);
            if (due >= end) {
                return;
            }
            waitUntil(start + due);
            boolean late = System.nanoTime() - (start + due) > LATE_TOLERANCE.toNanos();
            if (!waiting.tryAcquire()) {
                tally.scheduled(index, due, late, false);
                continue;
            }
            tally.scheduled(index, due, late, true);
            long sequence = k;
            answersAwaited.execute(() -> {
                try {
                    send(index, scenario, sequence, start, due, makesSession);
                } catch (RuntimeException e) {
                    fault.compareAndSet(null, e);
                } finally {
                    waiting.release();
                }
            });
        }
    }

    private void send(int index, Scenario scenario, long k, long start, long due, boolean makesSession) {
        var request = LoadRunner.toHttpRequest(scenario.requests().next((int) (k % workerUsers), k / workerUsers));
        long sent = System.nanoTime();
        if (makesSession) {
            tally.sessionLoginSent(sent - start);
        }
        String error;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            error = LoadRunner.errorOf(scenario.success(), response.statusCode(), response.body());
        } catch (IOException e) {
            error = LoadRunner.describe(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted while waiting for the answer";
        }
        long completed = System.nanoTime();
        tally.answered(index, due, completed - sent, completed, error);
    }

    private static void waitUntil(long nanoTime) {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
