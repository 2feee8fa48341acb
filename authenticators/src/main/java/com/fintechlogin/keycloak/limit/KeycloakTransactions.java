package com.fintechlogin.keycloak.limit;

import java.util.function.Function;

import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * A new Keycloak session and transaction per unit of work, on a connection of its own. Under JTA the caller's
 * transaction is suspended meanwhile and resumed after, so the work does not join the login around it; it must not
 * touch a row that login holds, or it would wait for it forever. The limiter uses it only where the login holds none:
 * to create a counter that does not exist yet, and after the login's transaction rolled back.
 */
final class KeycloakTransactions implements Transactions {

    private static final String TASK_NAME = "fintech attempt limiter";

    private final KeycloakSessionFactory factory;

    KeycloakTransactions(KeycloakSessionFactory factory) {
        this.factory = factory;
    }

    @Override
    public <T> T inNewTransaction(Function<AttemptStore, T> work) {
        return KeycloakModelUtils.runJobInTransactionWithResult(factory, null,
                session -> work.apply(AttemptStore.of(session)), TASK_NAME);
    }
}
