package com.fintechlogin.keycloak.limit;

import java.util.function.Function;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Where the caller budgets run their statements: a plain read in the login request's own transaction (no transaction
 * of its own, nothing written), and every write in a transaction of its own, committed before it returns (as
 * {@link Transactions} does for the attempt table). An interface so that the budgets' logic can be driven against a
 * plain JPA database outside Keycloak.
 */
interface BudgetTransactions {

    /** Runs read-only {@code work} in the request's transaction. */
    <T> T inRequest(Function<CallerBudgetStore, T> work);

    /** Runs {@code work} and commits; on an exception, rolls back and rethrows it. */
    <T> T inNewTransaction(Function<CallerBudgetStore, T> work);

    /**
     * Reads in {@code session}'s transaction; writes in a new Keycloak session and transaction per unit of work, on a
     * connection of its own, the login request's transaction suspended meanwhile, so that a budget's row lock lasts
     * only as long as its own short transaction.
     */
    static BudgetTransactions of(KeycloakSession session) {
        return new BudgetTransactions() {
            @Override
            public <T> T inRequest(Function<CallerBudgetStore, T> work) {
                return work.apply(CallerBudgetStore.of(session));
            }

            @Override
            public <T> T inNewTransaction(Function<CallerBudgetStore, T> work) {
                return KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), null,
                        other -> work.apply(CallerBudgetStore.of(other)), "fintech caller budgets");
            }
        };
    }
}
