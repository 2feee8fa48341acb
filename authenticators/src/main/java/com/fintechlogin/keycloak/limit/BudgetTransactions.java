package com.fintechlogin.keycloak.limit;

import java.util.function.Function;

import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Runs work on the caller budget table in a transaction of its own, committed before it returns (as
 * {@link Transactions} does for the attempt table). An interface so that the budgets' logic can be driven against a
 * plain JPA database outside Keycloak.
 */
interface BudgetTransactions {

    /** Runs {@code work} and commits; on an exception, rolls back and rethrows it. */
    <T> T inNewTransaction(Function<CallerBudgetStore, T> work);

    /**
     * A new Keycloak session and transaction per unit of work, on a connection of its own; the login request's
     * transaction is suspended meanwhile, so a budget's row lock lasts only as long as its own short transaction.
     */
    static BudgetTransactions of(KeycloakSessionFactory factory) {
        return new BudgetTransactions() {
            @Override
            public <T> T inNewTransaction(Function<CallerBudgetStore, T> work) {
                return KeycloakModelUtils.runJobInTransactionWithResult(factory, null,
                        session -> work.apply(CallerBudgetStore.of(session)), "fintech caller budgets");
            }
        };
    }
}
