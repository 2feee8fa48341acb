package com.fintechlogin.keycloak.limit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.persistence.EntityExistsException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.ModelException;

/**
 * The attempt table in an H2 database of its own, as Keycloak's dev mode runs it (H2 2.4, MVStore, READ COMMITTED,
 * H2's own 2-second lock timeout), mapped by Keycloak's Hibernate ORM: login requests, each in its own transaction,
 * and transactions of the limiter's own, with every SQL statement recorded.
 */
final class H2Attempts implements AutoCloseable {

    private final EntityManagerFactory factory;
    private final List<String> statements = new ArrayList<>();
    private final AtomicInteger ownTransactions = new AtomicInteger();

    H2Attempts() {
        StatementInspector recorder = sql -> {
            synchronized (statements) {
                statements.add(sql);
            }
            return sql;
        };
        factory = new HibernatePersistenceConfiguration("attempts")
                .managedClass(CredentialAttemptEntity.class)
                .jdbcUrl("jdbc:h2:mem:attempts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE")
                .jdbcCredentials("sa", "")
                .property("hibernate.hbm2ddl.auto", "create")
                // One connection per request and per own transaction, as a database pool gives them.
                .property("hibernate.connection.pool_size", 200)
                .property("hibernate.session_factory.statement_inspector", recorder)
                .createEntityManagerFactory();
    }

    /** A login request's transaction, begun. */
    Request request() {
        return new Request(factory.createEntityManager());
    }

    /** Transactions of the limiter's own, counted. */
    Transactions ownTransactions() {
        return new Transactions() {
            @Override
            public <T> T inNewTransaction(Function<AttemptStore, T> work) {
                ownTransactions.incrementAndGet();
                return committed(factory, em -> work.apply(new AttemptStore(em)));
            }
        };
    }

    /** A limiter checking in {@code request}, with this database's own transactions and the given clock. */
    AttemptLimiter limiter(Request request, long now) {
        return new AttemptLimiter(request, ownTransactions(), () -> now);
    }

    int ownTransactionCount() {
        return ownTransactions.get();
    }

    /** The statements run so far on the attempt table, and forgets them. */
    List<String> takeStatements() {
        synchronized (statements) {
            List<String> taken = statements.stream().filter(sql -> sql.toUpperCase(Locale.ROOT).contains("FINTECH_CREDENTIAL_ATTEMPT")).toList();
            statements.clear();
            return taken;
        }
    }

    /** The counter as committed, read in a transaction of its own; null when there is none. */
    CredentialAttemptEntity committed(AttemptKey key) {
        EntityManager em = factory.createEntityManager();
        try {
            return new AttemptStore(em).find(key);
        } finally {
            em.close();
        }
    }

    /**
     * Runs {@code work} in a transaction of its own on {@code factory}'s database and commits; on an exception, rolls
     * back and rethrows it as Keycloak's JPA layer would (a duplicate key as {@link ModelDuplicateException}).
     */
    static <T> T committed(EntityManagerFactory factory, Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        EntityTransaction transaction = em.getTransaction();
        try {
            transaction.begin();
            T result = work.apply(em);
            transaction.commit();
            return result;
        } catch (RuntimeException failure) {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            throw converted(failure);
        } finally {
            em.close();
        }
    }

    /** What Keycloak's entity manager does with a duplicate (EntityManagerProxy#convert). */
    private static RuntimeException converted(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ModelException) {
                return failure;
            }
            if (cause instanceof ConstraintViolationException || cause instanceof EntityExistsException) {
                return new ModelDuplicateException("Duplicate resource error", failure);
            }
        }
        return failure;
    }

    @Override
    public void close() {
        factory.close();
    }

    /**
     * A login request's transaction, as Keycloak runs one: committed or rolled back at the end, and what was
     * registered for a rollback run after the rollback (or a failed commit) released its locks.
     */
    static final class Request implements RequestTransaction, AutoCloseable {

        private final EntityManager em;
        private final List<Runnable> afterRollback = new ArrayList<>();

        private Request(EntityManager em) {
            this.em = em;
            em.getTransaction().begin();
        }

        @Override
        public AttemptStore store() {
            if (!em.getTransaction().isActive()) {
                throw new IllegalStateException("no request transaction");
            }
            return new AttemptStore(em);
        }

        @Override
        public void afterRollback(Runnable work) {
            afterRollback.add(work);
        }

        void commit() {
            try {
                em.getTransaction().commit();
            } catch (RuntimeException failedCommit) {
                afterRollback.forEach(Runnable::run);
                throw failedCommit;
            }
        }

        void rollback() {
            em.getTransaction().rollback();
            afterRollback.forEach(Runnable::run);
        }

        @Override
        public void close() {
            if (em.getTransaction().isActive()) {
                rollback();
            }
            em.close();
        }
    }
}
