package com.fintechlogin.keycloak.limit;

import java.util.function.Function;

import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * A new Keycloak session and transaction per unit of work. Under JTA the caller's transaction is suspended
 * meanwhile and resumed after, so the work neither waits for nor joins the login around it.
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
