package com.fintechlogin.keycloak.limit;

import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakTransactionManager;

/**
 * The Keycloak session's own transaction: its entity manager, and its transaction manager's after-completion list.
 *
 * <p>Keycloak 26.7.3 ({@code DefaultKeycloakTransactionManager}) completes the transactions it enlisted first —
 * the JTA transaction of the database, enlisted when it began — and only then those enlisted for after completion:
 * their {@code commit()} when everything committed, their {@code rollback()} when the request rolled back or a commit
 * failed. So work run from {@code rollback()} finds the request's row locks released. It runs while the request's
 * session closes, which Quarkus does in a response filter ({@code CloseSessionFilter}), before the answer's body is
 * written.
 */
final class KeycloakRequestTransaction implements RequestTransaction {

    private final KeycloakSession session;

    KeycloakRequestTransaction(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public AttemptStore store() {
        if (!session.getTransactionManager().isActive()) {
            // Never evaluate a credential that nothing would count.
            throw new IllegalStateException("The attempt limiter needs the request's transaction, and there is none");
        }
        return AttemptStore.of(session);
    }

    @Override
    public void afterRollback(Runnable work) {
        KeycloakTransactionManager transactions = session.getTransactionManager();
        transactions.enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                // Committed with the request: nothing to redo.
            }

            @Override
            protected void rollbackImpl() {
                work.run();
            }
        });
    }
}
