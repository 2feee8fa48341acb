package com.fintechlogin.bench;

/**
 * How long a user session of the soak's logins can stay in Keycloak's store, and so how many sessions the store may
 * hold at a time. Facts of Keycloak 26.7.3 with persistent user sessions (the default), read in its sources:
 * <ul>
 * <li>A session expires {@code min(ssoSessionIdleTimeout, ssoSessionMaxLifespan)} after its last refresh; the
 * soak's logins are never refreshed, so after their creation.</li>
 * <li>Expired rows are deleted by the user-session provider's own expiration task
 * ({@code InfinispanUserSessionProviderFactory}, option {@code spi-user-sessions--infinispan--session-expiration-period},
 * default 180 s, at least 60 s; each run is scheduled that long after the previous one ends). The older
 * {@code ClearExpiredUserSessions} scheduled task ({@code scheduled.interval}, 900 s) is deprecated since 26.5 and
 * leaves persistent sessions to that task.</li>
 * <li>That task deletes a session only once it is older than its timeout plus a window of 180 s
 * ({@code SessionTimeoutHelper.PERIODIC_CLEANER_IDLE_TIMEOUT_WINDOW_SECONDS}).</li>
 * </ul>
 * So a session is gone at the latest {@link #retentionSeconds()} after its login; the margin covers the purge's own
 * running time (batches of 512 deletes) and the time the count takes.
 *
 * @param idleSeconds         the realm's {@code ssoSessionIdleTimeout}
 * @param maxLifespanSeconds  the realm's {@code ssoSessionMaxLifespan}; 0 or less means none
 * @param purgePeriodSeconds  the expiration task's period
 */
record SessionRetention(int idleSeconds, int maxLifespanSeconds, int purgePeriodSeconds) {

    static final int CLEANER_WINDOW_SECONDS = 180;
    static final int DEFAULT_PURGE_PERIOD_SECONDS = 180;
    static final int MARGIN_SECONDS = 60;

    SessionRetention {
        if (idleSeconds <= 0) {
            throw new IllegalArgumentException("ssoSessionIdleTimeout must be positive: " + idleSeconds);
        }
        if (purgePeriodSeconds <= 0) {
            throw new IllegalArgumentException("the purge period must be positive: " + purgePeriodSeconds);
        }
    }

    /** When a never-refreshed session expires, in seconds after its creation. */
    int lifetimeSeconds() {
        return maxLifespanSeconds > 0 ? Math.min(idleSeconds, maxLifespanSeconds) : idleSeconds;
    }

    /** The longest a session of a login can remain in the store (expired but not yet purged included). */
    int retentionSeconds() {
        return lifetimeSeconds() + CLEANER_WINDOW_SECONDS + purgePeriodSeconds + MARGIN_SECONDS;
    }

    /**
     * The most sessions the store may hold {@code atSecond} seconds after the load started: the sessions it held at the
     * start (they can only go) plus every session-making login sent within the retention window before that moment.
     *
     * @param loginsPerSecond session-making logins sent in each second since the start (index = second)
     */
    long boundAt(long sessionsAtStart, long[] loginsPerSecond, double atSecond) {
        int last = (int) Math.min(loginsPerSecond.length - 1, Math.floor(atSecond));
        int first = (int) Math.max(0, Math.floor(atSecond - retentionSeconds()));
        long logins = 0;
        for (int second = first; second <= last; second++) {
            logins += loginsPerSecond[second];
        }
        return sessionsAtStart + logins;
    }
}
