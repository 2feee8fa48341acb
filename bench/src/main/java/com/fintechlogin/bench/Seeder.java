package com.fintechlogin.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Seeds the benchmark's population through Keycloak's partial import: the fast path, not one admin call per user. */
final class Seeder {

    /**
     * Users per partial import. Small on purpose: Keycloak imports a request in one transaction, and Hibernate's
     * automatic flushes walk every entity of it, so the cost per user grows with the chunk (measured: 15 ms per
     * user in chunks of 20, 37 ms in chunks of 1,000).
     */
    private static final int SEED_CHUNK = 100;
    private static final int SEED_REQUESTS_AT_ONCE = 2;

    private final AdminClient admin;
    private final Consumer<String> log;

    Seeder(AdminClient admin, Consumer<String> log) {
        this.admin = admin;
        this.log = log;
    }

    /** Adds population users {@code from..to-1} by partial import, a chunk per request, a few requests at once. */
    void seed(int from, int to) throws Exception {
        long start = System.nanoTime();
        AtomicLong nextChunk = new AtomicLong(from);
        ExecutorService importers = Executors.newFixedThreadPool(SEED_REQUESTS_AT_ONCE);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < SEED_REQUESTS_AT_ONCE; i++) {
                done.add(importers.submit(() -> {
                    for (long chunk = nextChunk.getAndAdd(SEED_CHUNK); chunk < to; chunk = nextChunk.getAndAdd(SEED_CHUNK)) {
                        admin.partialImport(Users.populationImport((int) chunk, (int) Math.min(to, chunk + SEED_CHUNK)));
                        if (chunk > from && (chunk - from) % 10_000 == 0) {
                            log.accept(String.format("  seeded %d of %d users", chunk, to));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            importers.shutdown();
        }
        if (to > from) {
            log.accept(String.format("Seeded users %d..%d in %.1f s", from, to - 1, (System.nanoTime() - start) / 1e9));
        }
    }
}
