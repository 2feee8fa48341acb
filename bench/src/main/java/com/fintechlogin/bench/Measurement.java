package com.fintechlogin.bench;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one measured window of one scenario produced: the numbers a report compares, plus the first errors so that a
 * bad run explains itself instead of only showing a count.
 *
 * @param target      the scenario's {@link Scenario#target()}
 * @param seconds     the length of the measured window
 * @param requests    requests completed inside the window, successes and errors together
 * @param errors      of those, the ones that failed (the success check said no, or the send threw)
 * @param perSecond   {@code requests / seconds}
 * @param firstErrors up to 3 texts: {@code "HTTP <status>: <first 200 chars of body>"} or the exception's class and
 *                    message
 * @param cpu         the CPU shares of generator, server and database during the window
 */
public record Measurement(String id, String label, Optional<Target> target, int concurrency, double seconds,
        long requests, long errors, double perSecond, double p50Millis, double p95Millis, double p99Millis,
        List<String> firstErrors, CpuShares cpu) {

    public Measurement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(target, "target");
        firstErrors = firstErrors == null ? List.of() : List.copyOf(firstErrors);
        cpu = cpu == null ? CpuShares.UNKNOWN : cpu;
    }
}
