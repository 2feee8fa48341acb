package com.fintechlogin.keycloak.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The success budgets on H2, as Keycloak's dev mode runs it: each login in a transaction of its own (the request's),
 * whose reads the admission makes and whose last statements count the success, as Keycloak's prepare phase runs them
 * before the commit.
 */
class CallerSuccessBudgetsTest {

    private static final String REALM = "realm-1";
    private static final long WINDOW = 60_000;
    /** The start of a window: success windows are aligned to the epoch. */
    private static final long START = 1_800_000_000_000L;
    private static final String CLIENT = "client-1";

    /** Every statement sent to the database, Hibernate's and the store's own, as sent. */
    private final List<String> statements = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Every prepared statement executed, with its values. */
    private final List<RecordingDataSource.Executed> executed = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final EntityManagerFactory factory = new HibernatePersistenceConfiguration("success-budgets")
            .managedClass(CallerBudgetEntity.class)
            .property("hibernate.connection.datasource", RecordingDataSource.of(
                    "jdbc:h2:mem:success-budgets-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", statements, executed))
            .property("hibernate.hbm2ddl.auto", "create")
            .createEntityManagerFactory();
    private final AtomicLong now = new AtomicLong(START);
    /** Keycloak's single-use object store, as the cluster shares it. */
    private final MemoryWatchlist watchlist = new MemoryWatchlist(now::get);
    /** Transactions besides the logins' own: a right login must take none. */
    private final AtomicInteger ownTransactions = new AtomicInteger();

    /** One login request: its transaction, begun, and what it runs before its commit. */
    private final class Login {

        private final EntityManager em = factory.createEntityManager();
        private final List<Consumer<CallerBudgetStore>> beforeCommit = new ArrayList<>();
        private final CallerBudgets budgets;

        Login(int successesPerAddress, int successesPerClient) {
            this(successesPerAddress, successesPerClient, new SplittableRandom(1));
        }

        Login(int successesPerAddress, int successesPerClient, RandomGenerator random) {
            em.getTransaction().begin();
            CallerBudgetSettings settings = new CallerBudgetSettings(Optional.empty(), Optional.empty(),
                    budget(successesPerAddress), budget(successesPerClient));
            budgets = new CallerBudgets(new BudgetTransactions() {
                @Override
                public Watchlist watchlist() {
                    return watchlist;
                }

                @Override
                public <T> T inRequest(Function<CallerBudgetStore, T> work) {
                    return work.apply(new CallerBudgetStore(em));
                }

                @Override
                public <T> T inNewTransaction(Function<CallerBudgetStore, T> work) {
                    ownTransactions.incrementAndGet();
                    return H2Attempts.committed(factory, other -> work.apply(new CallerBudgetStore(other)));
                }

                @Override
                public void beforeCommit(Consumer<CallerBudgetStore> work) {
                    beforeCommit.add(work);
                }
            }, now::get, REALM, settings, () -> { }, () -> random);
        }

        /** Admitted through {@link #CLIENT} from {@code address}, or the refusal. */
        CallerBudgets.Refusal admit(String address) {
            return budgets.admitClient(address, CLIENT);
        }

        /** A step found the login's credential right. */
        void rightCredential() {
            budgets.rightCredential();
        }

        /** The request's prepare phase, as Keycloak runs it: flush, the counts, then the database's commit. */
        void runBeforeCommit() {
            em.flush();
            beforeCommit.forEach(work -> work.accept(new CallerBudgetStore(em)));
        }

        void commit() {
            em.getTransaction().commit();
            em.close();
        }
    }

    private static Optional<FailureBudget> budget(int limit) {
        return limit == 0 ? Optional.empty() : Optional.of(new FailureBudget(limit, WINDOW));
    }

    /** A whole right login from {@code address}; whether it was admitted. */
    private boolean logsIn(String address, int perAddress, int perClient) {
        Login login = new Login(perAddress, perClient);
        if (login.admit(address) != null) {
            login.em.getTransaction().rollback();
            login.em.close();
            return false;
        }
        login.rightCredential();
        login.runBeforeCommit();
        login.commit();
        return true;
    }

    private CallerBudgetEntity row(String caller) {
        EntityManager em = factory.createEntityManager();
        try {
            return new CallerBudgetStore(em).find(new CallerKey(REALM, caller));
        } finally {
            em.close();
        }
    }

    private int successesOf(String caller) {
        CallerBudgetEntity row = row(caller);
        return row == null ? 0 : row.getSuccesses();
    }

    private List<CallerBudgetEntity> clientShards() {
        EntityManager em = factory.createEntityManager();
        try {
            return em.createQuery("select b from " + CallerBudgetEntity.NAME + " b where b.caller like :prefix",
                    CallerBudgetEntity.class).setParameter("prefix", "success:client:" + CLIENT + "#%").getResultList();
        } finally {
            em.close();
        }
    }

    /**
     * Whether {@code thread} waits for a row another transaction inserted and has not committed: H2 waits by running the
     * statement again until that transaction ends (or its lock timeout), each time finding the key held uncommitted.
     */
    private static boolean waitsForAnotherTransaction(Thread thread) {
        return thread != null && Arrays.stream(thread.getStackTrace()).anyMatch(frame ->
                frame.getClassName().equals("org.h2.command.dml.Insert")
                        || frame.getMethodName().equals("filterConcurrentUpdate"));
    }

    private long rows() {
        EntityManager em = factory.createEntityManager();
        try {
            return em.createQuery("select count(b) from " + CallerBudgetEntity.NAME + " b", Long.class).getSingleResult();
        } finally {
            em.close();
        }
    }

    @AfterEach
    void close() {
        factory.close();
    }

    @Test
    void aLoginCountsInTheAddresssAndTheClientsRowsInsideItsOwnTransactionAndTakesNoOther() {
        Login login = new Login(1000, 1000);
        assertThat(login.admit("198.51.100.7")).isNull();
        login.rightCredential();
        login.runBeforeCommit();

        assertThat(row("success:address:198.51.100.7")).as("not committed yet: the login's own transaction").isNull();
        login.commit();

        assertThat(successesOf("success:address:198.51.100.7")).isEqualTo(1);
        assertThat(clientShards()).extracting(CallerBudgetEntity::getSuccesses).containsExactly(1);
        assertThat(row("address:198.51.100.7")).as("the failure row is another").isNull();
        assertThat(ownTransactions).as("transactions of its own").hasValue(0);

        assertThat(logsIn("198.51.100.7", 1000, 1000)).isTrue();
        assertThat(successesOf("success:address:198.51.100.7")).as("the existing rows, updated").isEqualTo(2);
        assertThat(clientShards()).extracting(CallerBudgetEntity::getSuccesses).containsExactly(2);
        assertThat(ownTransactions).hasValue(0);
    }

    @Test
    void aLoginWritesItsAddresssRowBeforeItsClientsShard() {
        // Two logins that locked the two rows in opposite orders could deadlock, and the database would drop a count:
        // every login locks the address's row first, whether it inserts the rows (its first) or updates them.
        executed.clear();
        assertThat(logsIn("198.51.100.7", 1000, 1000)).isTrue();
        List<String> first = budgetWrites();
        executed.clear();
        assertThat(logsIn("198.51.100.7", 1000, 1000)).isTrue();
        List<String> second = budgetWrites();

        String shard = "success:client:" + CLIENT + "#" + Math.floorMod("198.51.100.7".hashCode(), CallerBudgets.SUCCESS_SHARDS);
        assertThat(first).as("a first login: each row tried, then inserted, the address's first")
                .containsExactly("update success:address:198.51.100.7", "insert success:address:198.51.100.7",
                        "update " + shard, "insert " + shard);
        assertThat(second).as("the next: both rows updated, the address's first")
                .containsExactly("update success:address:198.51.100.7", "update " + shard);
    }

    /** The writes on the budget table since {@link #executed} was cleared: the statement's verb and the row's caller. */
    private List<String> budgetWrites() {
        return executed.stream()
                .filter(statement -> statement.sql().toLowerCase(java.util.Locale.ROOT).contains("fintech_caller_budget"))
                .filter(statement -> !statement.sql().toLowerCase(java.util.Locale.ROOT).startsWith("select"))
                .map(statement -> statement.sql().strip().split(" ")[0].toLowerCase(java.util.Locale.ROOT) + " "
                        + statement.values().values().stream().filter(value -> value instanceof String text
                                && text.startsWith("success:")).findFirst().orElse("?"))
                .toList();
    }

    @Test
    void aLoginThatRollsBackCountsNothing() {
        Login login = new Login(1000, 1000);
        login.admit("198.51.100.7");
        login.rightCredential();
        // The count ran, and the login's transaction then failed to commit: the count was in it.
        login.runBeforeCommit();
        login.em.getTransaction().rollback();
        login.em.close();

        assertThat(rows()).isZero();
    }

    @Test
    void aRequestThatChecksTwoRightCredentialsCountsOnce() {
        Login login = new Login(1000, 1000);
        assertThat(login.admit("198.51.100.7")).isNull();
        login.rightCredential();
        login.budgets.rightCredentialIf(() -> true);
        login.runBeforeCommit();
        login.commit();

        assertThat(successesOf("success:address:198.51.100.7")).isEqualTo(1);
        assertThat(clientShards()).extracting(CallerBudgetEntity::getSuccesses).containsExactly(1);
    }

    @Test
    void aCredentialFoundWrongByTheCommitCountsNothing() {
        Login login = new Login(1000, 1000);
        assertThat(login.admit("198.51.100.7")).isNull();
        login.budgets.rightCredentialIf(() -> false);
        login.runBeforeCommit();
        login.commit();

        assertThat(rows()).isZero();
    }

    @Test
    void anAddressThatCompletedItsBudgetIsRefusedUntilTheWindowEndsThenCountsAfresh() {
        now.set(START + 20_500);
        assertThat(logsIn("198.51.100.7", 2, 0)).isTrue();
        assertThat(logsIn("198.51.100.7", 2, 0)).isTrue();

        CallerBudgets.Refusal first = new Login(2, 0).admit("198.51.100.7");
        CallerBudgets.Refusal second = new Login(2, 0).admit("198.51.100.7");

        assertThat(first).isEqualTo(new CallerBudgets.Refusal(CallerBudgets.Caller.ADDRESS, CallerBudgets.Kind.SUCCESSES,
                40, true));
        assertThat(second).as("one event per caller and window").isEqualTo(new CallerBudgets.Refusal(
                CallerBudgets.Caller.ADDRESS, CallerBudgets.Kind.SUCCESSES, 40, false));
        assertThat(logsIn("198.51.100.8", 2, 0)).as("another address").isTrue();

        now.set(START + WINDOW);
        assertThat(logsIn("198.51.100.7", 2, 0)).as("the next window").isTrue();
        assertThat(successesOf("success:address:198.51.100.7")).isEqualTo(1);
        assertThat(row("success:address:198.51.100.7").getWindowEnd()).isEqualTo(START + 2 * WINDOW);
    }

    @Test
    void twoFirstLoginsOfOneNewAddressAtOnceBothCommitAndCountTwo() throws Exception {
        Login first = new Login(1000, 1000);
        Login second = new Login(1000, 1000);
        // Both read no row at admission: each will insert the address's row.
        assertThat(first.admit("198.51.100.7")).isNull();
        assertThat(second.admit("198.51.100.7")).isNull();
        first.rightCredential();
        second.rightCredential();
        first.runBeforeCommit();

        // The second's INSERT meets the first's uncommitted row and waits for it; once the first commits, it fails as
        // a duplicate, rolls back to its savepoint and counts with an UPDATE, its login's transaction intact.
        Thread[] secondThread = new Thread[1];
        CompletableFuture<Void> secondDone = CompletableFuture.runAsync(() -> {
            secondThread[0] = Thread.currentThread();
            second.runBeforeCommit();
            second.commit();
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
        while (!waitsForAnotherTransaction(secondThread[0]) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(waitsForAnotherTransaction(secondThread[0])).as("the second login waits for the first's row").isTrue();
        first.commit();
        secondDone.get(10, TimeUnit.SECONDS);

        assertThat(successesOf("success:address:198.51.100.7")).isEqualTo(2);
        assertThat(clientShards()).extracting(CallerBudgetEntity::getSuccesses).containsExactly(2);
    }

    @Test
    void twoFirstLoginsOfOneNewAddressOneAfterTheOtherBothCount() {
        Login first = new Login(1000, 1000);
        Login second = new Login(1000, 1000);
        first.admit("198.51.100.7");
        second.admit("198.51.100.7");
        first.rightCredential();
        first.runBeforeCommit();
        first.commit();
        // The second read no row, and the first's is committed now: its INSERT fails at once.
        second.rightCredential();
        second.runBeforeCommit();
        second.commit();

        assertThat(successesOf("success:address:198.51.100.7")).isEqualTo(2);
        assertThat(clientShards()).extracting(CallerBudgetEntity::getSuccesses).containsExactly(2);
    }

    @Test
    void anAddressKnownToTheAdmissionAndAShardNotYetWrittenAreBothCountedOnce() {
        // The address's row exists (a login with the client budget off); the client's shard does not: the one UPDATE
        // changes one row, and the shard's INSERT tells which.
        assertThat(logsIn("198.51.100.7", 1000, 0)).isTrue();
        assertThat(clientShards()).isEmpty();

        assertThat(logsIn("198.51.100.7", 1000, 1000)).isTrue();

        assertThat(successesOf("success:address:198.51.100.7")).isEqualTo(2);
        assertThat(clientShards()).extracting(CallerBudgetEntity::getSuccesses).containsExactly(1);
    }

    @Test
    void aClientsStandingIsTheSumOfItsShardsAndRefusesOnlyABusyAddress() {
        // An address success budget of 20, whose tenth is less than 3: over the client's budget, an address that
        // completed 3 logins itself is refused.
        for (int i = 1; i <= 5; i++) {
            for (int j = 0; j < 2; j++) {
                assertThat(logsIn("198.51.100." + i, 20, 10)).as("login %d from 198.51.100.%d", j + 1, i).isTrue();
            }
        }
        assertThat(clientShards()).as("the client's logins, spread over shards by address").hasSizeGreaterThan(1)
                .extracting(CallerBudgetEntity::getSuccesses)
                .matches(counts -> counts.stream().mapToInt(Integer::intValue).sum() == 10, "10 in all");

        assertThat(logsIn("198.51.100.1", 20, 10)).as("an address with 2 logins, the client at its budget").isTrue();
        CallerBudgets.Refusal busy = new Login(20, 10).admit("198.51.100.1");
        assertThat(busy).as("an address with 3 logins, the client over its budget").isNotNull();
        assertThat(busy.by()).isEqualTo(CallerBudgets.Caller.CLIENT);
        assertThat(busy.kind()).isEqualTo(CallerBudgets.Kind.SUCCESSES);
        assertThat(busy.firstInWindow()).isTrue();
        assertThat(new Login(20, 10).admit("198.51.100.1").firstInWindow()).as("noted once").isFalse();
        assertThat(logsIn("198.51.100.99", 20, 10)).as("a clean address").isTrue();
    }

    @Test
    void aCleanAddressNeverReadsTheClientsShards() {
        // Three logins make the address busy enough for the client's shards to be read at its next admission.
        for (int i = 0; i < CallerBudgets.MIN_ADDRESS_SUCCESSES; i++) {
            assertThat(logsIn("198.51.100.7", 20, 10)).isTrue();
        }

        statements.clear();
        assertThat(new Login(20, 10).admit("198.51.100.8")).isNull();
        List<String> clean = budgetReads();
        statements.clear();
        assertThat(new Login(20, 10).admit("198.51.100.7")).isNull();
        List<String> busy = budgetReads();

        assertThat(clean).as("a clean address: one read, of its own row").hasSize(1);
        assertThat(placeholders(clean.get(0))).as("keys read").isEqualTo(1);
        assertThat(busy).as("an address with logins of its own: its row, then the client's shards").hasSize(2);
        assertThat(placeholders(busy.get(1))).as("the client's shards, in one read")
                .isEqualTo(CallerBudgets.SUCCESS_SHARDS);
        assertThat(CallerBudgets.clientRefusesAfterSuccesses(new CallerBudgetSettings(Optional.empty(), Optional.empty(),
                budget(1000), budget(10000)))).as("a tenth of the address's budget").isEqualTo(100);
        assertThat(CallerBudgets.clientRefusesAfterSuccesses(new CallerBudgetSettings(Optional.empty(), Optional.empty(),
                budget(20), budget(10)))).isEqualTo(3);
    }

    /** The SELECTs on the budget table since {@link #statements} was cleared. */
    private List<String> budgetReads() {
        return statements.stream().map(sql -> sql.toLowerCase(java.util.Locale.ROOT))
                .filter(sql -> sql.startsWith("select") && sql.contains("fintech_caller_budget")).toList();
    }

    /** The keys one read asked for: the placeholders of its statement (one per key of the IN list, plus the realm). */
    private static long placeholders(String sql) {
        return sql.chars().filter(c -> c == '?').count() - 1;
    }

    @Test
    void successRowsOfEndedWindowsAreRemoved() {
        logsIn("198.51.100.7", 1000, 1000);
        logsIn("198.51.100.8", 1000, 1000);
        assertThat(rows()).isGreaterThanOrEqualTo(3);

        now.set(START + WINDOW + 1);
        long removed = H2Attempts.committed(factory, em -> (long) new CallerBudgetStore(em).deleteEnded(now.get()));

        assertThat(removed).isGreaterThanOrEqualTo(3);
        assertThat(rows()).isZero();
    }

    @Test
    void successWindowsAreAlignedSoThatAClientsShardsShareOne() {
        assertThat(CallerBudgets.successWindowEnd(START, WINDOW)).isEqualTo(START + WINDOW);
        assertThat(CallerBudgets.successWindowEnd(START + WINDOW - 1, WINDOW)).isEqualTo(START + WINDOW);
        assertThat(CallerBudgets.successWindowEnd(START + WINDOW, WINDOW)).isEqualTo(START + 2 * WINDOW);
    }

    @Test
    void aBudgetOverAThousandIsWrittenForASampleOfLoginsEachAddingItsWeight() {
        // A partner's server behind one address, allowed 100,000 logins a window: every login written would make its
        // logins commit one at a time on the address's row across the cluster.
        int perAddress = 100_000;
        int logins = 3000;
        RandomGenerator random = new SplittableRandom(21);
        int written = 0;
        for (int i = 0; i < logins; i++) {
            Login login = new Login(perAddress, 0, random);
            assertThat(login.admit("198.51.100.40")).isNull();
            login.rightCredential();
            login.runBeforeCommit();
            login.commit();
            int after = successesOf("success:address:198.51.100.40");
            assertThat(after % 100).as("each written login adds the budget's weight, 100").isZero();
            if (after > written * 100) {
                written++;
            }
        }
        assertThat(written).as("logins written, of %d, at one in 100", logins).isBetween(15, 45);
        assertThat(successesOf("success:address:198.51.100.40")).as("the count, unbiased: about the logins")
                .isEqualTo(written * 100).isBetween(logins / 2, logins * 2);
        assertThat(ownTransactions).as("transactions of its own").hasValue(0);
    }

    @Test
    void aBudgetOfAThousandOrLessIsCountedExactly() {
        for (int i = 0; i < 25; i++) {
            assertThat(logsIn("198.51.100.41", 1000, 0)).isTrue();
        }
        assertThat(successesOf("success:address:198.51.100.41")).isEqualTo(25);
    }

    @Test
    void anAddressFarFromItsSuccessBudgetLogsInUnreadUntilItReachesTheWatchAndIsRefusedAtItsBudget() {
        // 100 logins an address, the client's budget off: watched from 25, half the budget less its margin of 50.
        statements.clear();
        for (int i = 0; i < 25; i++) {
            assertThat(logsIn("198.51.100.42", 100, 0)).isTrue();
        }
        assertThat(budgetReads()).as("25 logins, none read").isEmpty();
        assertThat(watchlist.listed()).as("listed by the 25th login's count").isEqualTo(1);

        int admitted = 25;
        for (int i = 0; i < 100; i++) {
            admitted += logsIn("198.51.100.42", 100, 0) ? 1 : 0;
        }
        assertThat(budgetReads()).as("read from the 26th on").hasSize(100);
        assertThat(admitted).isEqualTo(100);
        assertThat(successesOf("success:address:198.51.100.42")).isEqualTo(100);
        assertThat(CallerBudgets.successWatchFrom(new CallerBudgetSettings(Optional.empty(), Optional.empty(),
                budget(1000), budget(10000)))).as("the client refuses it from a tenth of its budget").isEqualTo(100);
        assertThat(CallerBudgets.successWatchFrom(new CallerBudgetSettings(Optional.empty(), Optional.empty(),
                budget(20), budget(0)))).as("a budget of 50 or less: read always").isZero();
    }

    @Test
    void theSuccessWatchIsPerWindow() {
        for (int i = 0; i < 25; i++) {
            logsIn("198.51.100.43", 100, 0);
        }
        assertThat(watchlist.listed()).isEqualTo(1);

        now.addAndGet(WINDOW);
        statements.clear();
        assertThat(logsIn("198.51.100.43", 100, 0)).isTrue();
        assertThat(budgetReads()).as("the next window: unread").isEmpty();
        assertThat(successesOf("success:address:198.51.100.43")).isEqualTo(1);
    }
}
