package com.fintechlogin.bench;

import java.util.List;

/**
 * Whether an answer counts as a success. A status alone is not enough for the APIs measured here: several answer
 * HTTP 200 with an error code in the body, and a benchmark that counted those as logins would flatter the result.
 * An exception thrown here counts the request as an error.
 */
@FunctionalInterface
public interface Success {

    boolean test(int status, String body);

    /**
     * Texts that every success's body contains, for a load generator that cannot run {@link #test} on each answer
     * (wrk checks them, with HTTP 200, in its own script; the benchmark runs {@link #test} on a sample of the answers
     * wrk accepted, so the two cannot drift apart unnoticed). Empty: any 2xx counts for such a generator.
     */
    default List<String> bodyTexts() {
        return List.of();
    }

    /** Any 2xx status, whatever the body. */
    static Success status2xx() {
        return (status, body) -> status >= 200 && status < 300;
    }
}
