package com.fintechlogin.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Logs every user of the population in once, so that Keycloak's user cache holds each of them with its attributes
 * and credentials, as on a server that has been up a while. Straight after seeding, a random login mostly misses that
 * cache and pays Keycloak's loading of the user from the database; comparing such a window with the small
 * population's, which the warmup alone brings into the cache, would measure the cache rather than the realm's size.
 * The benchmark reports the cold figure beside the warm one.
 */
final class UserCacheWarm {

    /** What the warm pass did. */
    record Done(long logins, long failures, double seconds) {
    }

    private final HttpClient http;
    private final int workers;

    UserCacheWarm(HttpClient http, int workers) {
        this.http = http;
        this.workers = workers;
    }

    /**
     * Sends {@code users} requests of {@code everyUser}, worker {@code w} sending its sequence {@code 0, 1, …} while
     * {@code w + sequence * workers < users} (the scenario maps that to the user), and counts the answers that are
     * not successes.
     */
    Done everyUserOnce(Scenario everyUser, int users) throws Exception {
        long start = System.nanoTime();
        AtomicLong failures = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int worker = 0; worker < workers; worker++) {
                int index = worker;
                done.add(pool.submit(() -> {
                    for (long sequence = 0; index + sequence * workers < users; sequence++) {
                        if (!succeeded(everyUser, index, sequence)) {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : done) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
        return new Done(users, failures.get(), (System.nanoTime() - start) / 1e9);
    }

    private boolean succeeded(Scenario scenario, int worker, long sequence) throws InterruptedException {
        try {
            HttpResponse<String> answer = http.send(LoadRunner.toHttpRequest(scenario.requests().next(worker, sequence)),
                    HttpResponse.BodyHandlers.ofString());
            return LoadRunner.errorOf(scenario.success(), answer.statusCode(), answer.body()) == null;
        } catch (IOException failedSend) {
            return false;
        }
    }
}
