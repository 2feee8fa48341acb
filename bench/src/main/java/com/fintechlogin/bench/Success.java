package com.fintechlogin.bench;

/**
 * Whether an answer counts as a success. A status alone is not enough for the APIs measured here: several answer
 * HTTP 200 with an error code in the body, and a benchmark that counted those as logins would flatter the result.
 * An exception thrown here counts the request as an error.
 */
@FunctionalInterface
public interface Success {

    boolean test(int status, String body);

    /** Any 2xx status, whatever the body. */
    static Success status2xx() {
        return (status, body) -> status >= 200 && status < 300;
    }
}
