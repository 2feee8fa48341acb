package com.fintechlogin.keycloak.limit;

import org.keycloak.models.KeycloakSession;

/**
 * The source addresses near one of their budgets in the current window, whose budget rows the admission reads
 * ({@link CallerBudgets}): every other address is admitted without a database round trip, which on the light APIs
 * cost more than the budgets may (a tenth of Get Token's throughput on PostgreSQL). An entry is only a hint to read:
 * the database's counts decide every admission, refusal and reservation, and a missing entry is put back by the next
 * count that finds the address at or over its watch.
 *
 * <p>Kept in Keycloak's single-use object store (its {@code actionTokens} cache, or the external Infinispan of a
 * multi-site setup), which every node of the cluster reads alike and which expires each entry by itself: never in a
 * map of this JVM.
 */
interface Watchlist {

    /** Whether {@code key} is listed. */
    boolean contains(String key);

    /** Lists {@code key} for {@code lifespanSeconds} (at least 1), at once and cluster-wide, unless it is listed. */
    void add(String key, long lifespanSeconds);

    /** The cluster's list, through {@code session}. */
    static Watchlist of(KeycloakSession session) {
        return new Watchlist() {
            @Override
            public boolean contains(String key) {
                return session.singleUseObjects().contains(key);
            }

            @Override
            public void add(String key, long lifespanSeconds) {
                // Immediate, not at the session's commit: a count made in a login's prepare phase lists its address too.
                session.singleUseObjects().putIfAbsent(key, lifespanSeconds);
            }
        };
    }
}
