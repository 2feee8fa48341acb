package com.fintechlogin.keycloak.it.support;

/**
 * Success windows are aligned to the epoch (a window of an hour ends on the hour), so a test that straddled a boundary
 * would see its caller's count start again midway and fail. The tests run the server on this host's clock.
 */
public final class SuccessWindows {

    /** Time a success-budget test needs within one window: its logins take seconds; the rest covers a slow machine. */
    private static final long ROOM_MILLIS = 120_000;

    private SuccessWindows() {
    }

    /**
     * Before a test that counts successes in windows of {@code windowSeconds}: with less than two minutes left in the
     * current one, waits until the next has begun (a second past its start), polling the clock.
     */
    public static void awaitRoom(long windowSeconds) {
        long window = windowSeconds * 1000;
        long boundary = (System.currentTimeMillis() / window + 1) * window;
        if (boundary - System.currentTimeMillis() >= ROOM_MILLIS) {
            return;
        }
        for (long left = boundary + 1000 - System.currentTimeMillis(); left > 0;
             left = boundary + 1000 - System.currentTimeMillis()) {
            try {
                Thread.sleep(Math.min(left, 1000));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
        }
    }
}
