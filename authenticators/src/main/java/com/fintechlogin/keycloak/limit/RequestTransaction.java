package com.fintechlogin.keycloak.limit;

/**
 * The transaction of the request a credential is checked in, which commits before its answer is written (see
 * {@link AttemptLimiter}). An interface so that the limiter's logic can be driven against a plain JPA database
 * outside Keycloak.
 */
interface RequestTransaction {

    /** The attempt table in this transaction. Throws when the request has no transaction to work in. */
    AttemptStore store();

    /**
     * Runs {@code work} if, and only if, this transaction rolls back (also when its commit fails), after the rollback
     * released its row locks, before the request's answer is written.
     */
    void afterRollback(Runnable work);
}
