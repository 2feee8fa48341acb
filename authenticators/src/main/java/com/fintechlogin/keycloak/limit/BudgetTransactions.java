package com.fintechlogin.keycloak.limit;

import java.util.function.Consumer;
import java.util.function.Function;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Where the caller budgets run their statements: a plain read in the login request's own transaction (no transaction
 * of its own, nothing written), and every write in a transaction of its own, committed before it returns (as
 * {@link Transactions} does for the attempt table). An interface so that the budgets' logic can be driven against a
 * plain JPA database outside Keycloak.
 */
interface BudgetTransactions {

    /** The cluster's {@link Watchlist}, read and written through the request's session. */
    Watchlist watchlist();

    /** Runs read-only {@code work} in the request's transaction. */
    <T> T inRequest(Function<CallerBudgetStore, T> work);

    /** Runs {@code work} and commits; on an exception, rolls back and rethrows it. */
    <T> T inNewTransaction(Function<CallerBudgetStore, T> work);

    /**
     * Runs {@code work} in the request's transaction, as the last statements before it commits; never if it rolls
     * back. {@code work} must not throw.
     */
    void beforeCommit(Consumer<CallerBudgetStore> work);

    /**
     * Reads in {@code session}'s transaction; writes in a new Keycloak session and transaction per unit of work, on a
     * connection of its own, the login request's transaction suspended meanwhile, so that a budget's row lock lasts
     * only as long as its own short transaction. Work before the commit is enlisted as Keycloak's "prepare"
     * transactions are, which commit before the database's: the entity manager is flushed first, so that a row this
     * work locks is the last lock the request takes and is held for the commit only.
     */
    static BudgetTransactions of(KeycloakSession session) {
        Watchlist watchlist = Watchlist.of(session);
        return new BudgetTransactions() {
            @Override
            public Watchlist watchlist() {
                return watchlist;
            }

            @Override
            public <T> T inRequest(Function<CallerBudgetStore, T> work) {
                return work.apply(CallerBudgetStore.of(session));
            }

            @Override
            public <T> T inNewTransaction(Function<CallerBudgetStore, T> work) {
                return KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), null,
                        other -> work.apply(CallerBudgetStore.of(other)), "fintech caller budgets");
            }

            @Override
            public void beforeCommit(Consumer<CallerBudgetStore> work) {
                session.getTransactionManager().enlistPrepare(new AbstractKeycloakTransaction() {
                    @Override
                    protected void commitImpl() {
                        // The login's own writes (attempt rows, sessions) first: their locks come before the budget's.
                        session.getProvider(JpaConnectionProvider.class).getEntityManager().flush();
                        work.accept(CallerBudgetStore.of(session));
                    }

                    @Override
                    protected void rollbackImpl() {
                        // The login did not complete: nothing to count.
                    }
                });
            }
        };
    }
}
