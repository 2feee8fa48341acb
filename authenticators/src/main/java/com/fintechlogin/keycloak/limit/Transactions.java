package com.fintechlogin.keycloak.limit;

import java.util.function.Function;

/**
 * Runs work on the attempt table in a transaction of its own, committed before it returns. An interface so
 * that the limiter's logic can be driven against a plain JPA database outside Keycloak.
 */
interface Transactions {

    /** Runs {@code work} and commits; on an exception, rolls back and rethrows it. */
    <T> T inNewTransaction(Function<AttemptStore, T> work);
}
