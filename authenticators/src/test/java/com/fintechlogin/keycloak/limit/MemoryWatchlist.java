package com.fintechlogin.keycloak.limit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** The watchlist as Keycloak's single-use object store keeps it, on the tests' clock: entries expire at their lifespan. */
final class MemoryWatchlist implements Watchlist {

    private final Map<String, Long> expiries = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    MemoryWatchlist(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public boolean contains(String key) {
        Long expiry = expiries.get(key);
        return expiry != null && expiry > clock.getAsLong();
    }

    @Override
    public void add(String key, long lifespanSeconds) {
        long expiry = clock.getAsLong() + lifespanSeconds * 1000;
        expiries.compute(key, (k, old) -> old != null && old > clock.getAsLong() ? old : expiry);
    }

    /** The entries listed now, whatever their key. */
    long listed() {
        return expiries.values().stream().filter(expiry -> expiry > clock.getAsLong()).count();
    }

    /** Everything forgotten, as when the cluster's caches are lost. */
    void clear() {
        expiries.clear();
    }
}
