package com.fintechlogin.keycloak.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import jakarta.persistence.EntityExistsException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.ModelException;

/**
 * The caller budgets on the H2 database Keycloak's dev mode runs, each admission and refund in a transaction of its
 * own on a connection of its own, as in Keycloak.
 */
class CallerBudgetsTest {

    private static final String REALM = "realm-1";
    private static final long WINDOW = 60_000;
    private static final long START = 1_800_000_000_000L;

    private final EntityManagerFactory factory = new HibernatePersistenceConfiguration("budgets")
            .managedClass(CallerBudgetEntity.class)
            .jdbcUrl("jdbc:h2:mem:budgets-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
            .jdbcCredentials("sa", "")
            .property("hibernate.hbm2ddl.auto", "create")
            .property("hibernate.connection.pool_size", 100)
            .createEntityManagerFactory();
    private final AtomicLong now = new AtomicLong(START);
    private final CallerBudgets budgets = new CallerBudgets(new BudgetTransactions() {
        @Override
        public <T> T inNewTransaction(Function<CallerBudgetStore, T> work) {
            EntityManager em = factory.createEntityManager();
            EntityTransaction transaction = em.getTransaction();
            try {
                transaction.begin();
                T result = work.apply(new CallerBudgetStore(em));
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
    }, now::get);

    @AfterEach
    void close() {
        factory.close();
    }

    private static CallerBudgets.Charge address(String address, int limit) {
        return CallerBudgets.Charge.address(address, new FailureBudget(limit, WINDOW));
    }

    private static CallerBudgets.Charge client(String id, int limit) {
        return CallerBudgets.Charge.client(id, new FailureBudget(limit, WINDOW));
    }

    private CallerBudgets.Admission admit(CallerBudgets.Charge... charges) {
        return budgets.admit(REALM, List.of(charges));
    }

    private int failuresOf(String caller) {
        EntityManager em = factory.createEntityManager();
        try {
            CallerBudgetEntity row = new CallerBudgetStore(em).find(new CallerKey(REALM, caller));
            return row == null ? 0 : row.getFailures();
        } finally {
            em.close();
        }
    }

    @Test
    void fiftyRequestsAtOnceAreAdmittedNoMoreThanTheBudgetAllows() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(25);
        List<Callable<CallerBudgets.Admission>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(() -> admit(address("198.51.100.7", 10)));
        }
        int admitted = 0;
        try {
            for (Future<CallerBudgets.Admission> answer : pool.invokeAll(calls)) {
                if (answer.get().admitted()) {
                    admitted++;
                }
            }
        } finally {
            pool.shutdown();
        }

        assertThat(admitted).isEqualTo(10);
        assertThat(failuresOf("address:198.51.100.7")).isEqualTo(10);
    }

    @Test
    void aRefusalSaysWhoseBudgetAndWhenItsWindowEnds() {
        for (int i = 0; i < 3; i++) {
            assertThat(admit(address("198.51.100.7", 3)).admitted()).isTrue();
        }
        now.addAndGet(20_500);

        CallerBudgets.Admission refused = admit(address("198.51.100.7", 3));

        assertThat(refused.admitted()).isFalse();
        assertThat(refused.refusedBy()).isEqualTo(CallerBudgets.Caller.ADDRESS);
        assertThat(refused.retryAfterSeconds()).isEqualTo(40);
        assertThat(refused.held()).isEmpty();
        assertThat(failuresOf("address:198.51.100.7")).as("a refusal counts nothing").isEqualTo(3);
    }

    @Test
    void aSuccessGivesItsReservationBack() {
        for (int i = 0; i < 2; i++) {
            admit(address("198.51.100.7", 3), client("app-1", 100));
        }
        CallerBudgets.Admission right = admit(address("198.51.100.7", 3), client("app-1", 100));
        budgets.refund(right);

        assertThat(failuresOf("address:198.51.100.7")).isEqualTo(2);
        assertThat(failuresOf("client:app-1")).isEqualTo(2);
        assertThat(admit(address("198.51.100.7", 3)).admitted()).as("the third failure still has room").isTrue();
        assertThat(admit(address("198.51.100.7", 3)).admitted()).isFalse();
    }

    @Test
    void aClientOverBudgetRefusesWithoutSpendingTheAddressBudget() {
        assertThat(admit(address("198.51.100.7", 5), client("app-1", 1)).admitted()).isTrue();

        CallerBudgets.Admission refused = admit(address("198.51.100.7", 5), client("app-1", 1));

        assertThat(refused.refusedBy()).isEqualTo(CallerBudgets.Caller.CLIENT);
        assertThat(failuresOf("address:198.51.100.7")).isEqualTo(1);
        assertThat(failuresOf("client:app-1")).isEqualTo(1);
    }

    @Test
    void otherCallersKeepTheirOwnBudgets() {
        admit(address("198.51.100.7", 1));

        assertThat(admit(address("198.51.100.7", 1)).admitted()).isFalse();
        assertThat(admit(address("198.51.100.8", 1)).admitted()).isTrue();
    }

    @Test
    void theNextWindowStartsAfreshAndARefusalDoesNotProlongTheCurrentOne() {
        admit(address("198.51.100.7", 1));
        now.addAndGet(WINDOW - 1);
        assertThat(admit(address("198.51.100.7", 1)).retryAfterSeconds()).isEqualTo(1);
        now.addAndGet(1);

        CallerBudgets.Admission next = admit(address("198.51.100.7", 1));

        assertThat(next.admitted()).isTrue();
        assertThat(next.held().get(0).windowEnd()).isEqualTo(START + 2 * WINDOW);
        assertThat(failuresOf("address:198.51.100.7")).isEqualTo(1);
    }

    @Test
    void aRefundAfterItsWindowEndedTakesNothingFromTheNextWindow() {
        CallerBudgets.Admission old = admit(address("198.51.100.7", 2));
        now.addAndGet(WINDOW);
        admit(address("198.51.100.7", 2));

        budgets.refund(old);

        assertThat(failuresOf("address:198.51.100.7")).isEqualTo(1);
    }

    @Test
    void noChargesWriteNothing() {
        CallerBudgets.Admission admission = admit();

        assertThat(admission.admitted()).isTrue();
        budgets.refund(admission);
        EntityManager em = factory.createEntityManager();
        try {
            assertThat(em.createQuery("select count(b) from " + CallerBudgetEntity.NAME + " b", Long.class).getSingleResult())
                    .isZero();
        } finally {
            em.close();
        }
    }

    @Test
    void endedWindowsAreRemovedAndTheNextFailureStartsANewRow() {
        admit(address("198.51.100.7", 1));
        now.addAndGet(WINDOW + 1);
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            assertThat(new CallerBudgetStore(em).deleteEnded(now.get())).isEqualTo(1);
            em.getTransaction().commit();
        } finally {
            em.close();
        }

        assertThat(admit(address("198.51.100.7", 1)).admitted()).isTrue();
        assertThat(failuresOf("address:198.51.100.7")).isEqualTo(1);
    }

    @Test
    void anIpv6AddressCountsWithItsWholeSlash64() {
        assertThat(CallerBudgets.sourceOf("2001:db8:aa:bb:1:2:3:4")).isEqualTo("2001:db8:aa:bb::/64");
        assertThat(CallerBudgets.sourceOf("2001:db8:aa:bb::ffff")).isEqualTo("2001:db8:aa:bb::/64");
        assertThat(CallerBudgets.sourceOf("127.0.0.2")).isEqualTo("127.0.0.2");
        assertThat(CallerBudgets.sourceOf(null)).isEqualTo("unknown");
    }

    @Test
    void retryAfterRoundsUpToWholeSeconds() {
        assertThat(CallerBudgets.retryAfterSeconds(START + 1, START)).isEqualTo(1);
        assertThat(CallerBudgets.retryAfterSeconds(START + 1000, START)).isEqualTo(1);
        assertThat(CallerBudgets.retryAfterSeconds(START + 1001, START)).isEqualTo(2);
        assertThat(CallerBudgets.retryAfterSeconds(START, START)).isEqualTo(1);
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
}
