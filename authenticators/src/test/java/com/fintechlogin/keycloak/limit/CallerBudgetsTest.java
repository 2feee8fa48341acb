package com.fintechlogin.keycloak.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.models.ModelException;

/**
 * The caller budgets on the H2 database Keycloak's dev mode runs: each request's read on a connection of its own,
 * without a transaction of its own, each write in a transaction of its own, as in Keycloak.
 */
class CallerBudgetsTest {

    private static final String REALM = "realm-1";
    private static final long WINDOW = 60_000;
    private static final long START = 1_800_000_000_000L;
    private static final String CLIENT = "client-1";

    private final EntityManagerFactory factory = new HibernatePersistenceConfiguration("budgets")
            .managedClass(CallerBudgetEntity.class)
            .jdbcUrl("jdbc:h2:mem:budgets-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
            .jdbcCredentials("sa", "")
            .property("hibernate.hbm2ddl.auto", "create")
            .property("hibernate.connection.pool_size", 100)
            .createEntityManagerFactory();
    private final AtomicLong now = new AtomicLong(START);
    /** Keycloak's single-use object store, as the cluster shares it. */
    private final MemoryWatchlist watchlist = new MemoryWatchlist(now::get);
    /** Transactions of their own, as every write of the budgets takes: a right login of a caller with room takes none. */
    private final AtomicInteger transactionsTaken = new AtomicInteger();
    /** Reads of the budget table in the requests' own transactions: the admissions'. */
    private final AtomicInteger reads = new AtomicInteger();
    /** A database that refuses every write from now on. */
    private final AtomicBoolean writesFail = new AtomicBoolean();
    private final BudgetTransactions transactions = new BudgetTransactions() {
        @Override
        public Watchlist watchlist() {
            return watchlist;
        }

        @Override
        public <T> T inRequest(Function<CallerBudgetStore, T> work) {
            reads.incrementAndGet();
            EntityManager em = factory.createEntityManager();
            try {
                return work.apply(new CallerBudgetStore(em));
            } finally {
                em.close();
            }
        }

        @Override
        public <T> T inNewTransaction(Function<CallerBudgetStore, T> work) {
            transactionsTaken.incrementAndGet();
            if (writesFail.get()) {
                throw new ModelException("The database refused the write");
            }
            return H2Attempts.committed(factory, em -> work.apply(new CallerBudgetStore(em)));
        }

        @Override
        public void beforeCommit(java.util.function.Consumer<CallerBudgetStore> work) {
            // Successes are counted with success budgets on, which these tests of the failure budgets leave off.
            throw new UnsupportedOperationException("A success counted with the success budgets off");
        }
    };

    /** One request's budgets, with {@code perAddress} and {@code perClient} failures per window (0: off). */
    private CallerBudgets request(int perAddress, int perClient) {
        return new CallerBudgets(transactions, now::get, REALM, settings(perAddress, perClient), () -> { });
    }

    /** A request of {@code address} through {@link #CLIENT} that fails; whether it was admitted. */
    private boolean fails(String address, int perAddress, int perClient) {
        CallerBudgets budgets = request(perAddress, perClient);
        if (budgets.admitClient(address, CLIENT) != null) {
            return false;
        }
        budgets.failed();
        return true;
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

    private long rows() {
        EntityManager em = factory.createEntityManager();
        try {
            return em.createQuery("select count(b) from " + CallerBudgetEntity.NAME + " b", Long.class).getSingleResult();
        } finally {
            em.close();
        }
    }

    private int admittedAtOnce(int requests, int threads, Callable<Boolean> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            calls.add(request);
        }
        int admitted = 0;
        try {
            for (Future<Boolean> answer : pool.invokeAll(calls)) {
                if (answer.get()) {
                    admitted++;
                }
            }
        } finally {
            pool.shutdown();
        }
        return admitted;
    }

    @AfterEach
    void close() {
        factory.close();
    }

    @Test
    void aRightLoginOfACallerWithRoomReadsAndWritesNothing() {
        fails("198.51.100.7", 100, 1000);
        transactionsTaken.set(0);

        CallerBudgets right = request(100, 1000);
        assertThat(right.admitClient("198.51.100.7", CLIENT)).isNull();
        right.succeeded();

        assertThat(transactionsTaken).as("transactions of its own").hasValue(0);
        assertThat(failuresOf("address:198.51.100.7")).isEqualTo(1);
        assertThat(failuresOf("client:" + CLIENT)).isEqualTo(1);
    }

    @Test
    void aFailureIsCountedOncePerRequestInOneTransaction() {
        CallerBudgets budgets = request(100, 1000);
        budgets.admitClient("198.51.100.7", CLIENT);
        transactionsTaken.set(0);

        budgets.failed();
        budgets.failed();
        budgets.succeeded();

        assertThat(transactionsTaken).hasValue(1);
        assertThat(failuresOf("address:198.51.100.7")).isEqualTo(1);
        assertThat(failuresOf("client:" + CLIENT)).isEqualTo(1);
    }

    @Test
    void aFailureBeforeTheFlowCountsTheAddressOnly() {
        CallerBudgets budgets = request(100, 1000);
        budgets.admitAddress("198.51.100.7");
        budgets.failed();

        assertThat(failuresOf("address:198.51.100.7")).isEqualTo(1);
        assertThat(rows()).as("no client row: the client never proved who it is").isEqualTo(1);
    }

    @Test
    void concurrentRequestsAdmittedOnAReadGoOverByNoMoreThanThoseInFlight() throws Exception {
        // A budget of 120 reserves from 70 failures on (a margin of 50). Here an evaluation takes no time, so 24
        // threads can reserve the rest of the budget while the 25th's failure, admitted on a read, waits for the row:
        // the worst case. With evaluations that take time, as a password's does, the margin absorbs them.
        int admitted = admittedAtOnce(300, 25, () -> fails("198.51.100.7", 120, 0));

        assertThat(admitted).isBetween(120, 120 + 25);
        assertThat(failuresOf("address:198.51.100.7")).isEqualTo(admitted);
    }

    @Test
    void aSmallBudgetReservesEveryRequestAndHoldsExactly() throws Exception {
        int admitted = admittedAtOnce(50, 25, () -> fails("198.51.100.7", 10, 0));

        assertThat(admitted).isEqualTo(10);
        assertThat(failuresOf("address:198.51.100.7")).isEqualTo(10);
    }

    @Test
    void aRefusalSaysWhoseBudgetAndWhenItsWindowEndsAndOnlyTheFirstIsToBeRecorded() {
        for (int i = 0; i < 3; i++) {
            assertThat(fails("198.51.100.7", 3, 0)).isTrue();
        }
        now.addAndGet(20_500);

        CallerBudgets.Refusal first = request(3, 0).admitAddress("198.51.100.7");
        CallerBudgets.Refusal second = request(3, 0).admitAddress("198.51.100.7");

        assertThat(first).isEqualTo(new CallerBudgets.Refusal(CallerBudgets.Caller.ADDRESS, CallerBudgets.Kind.FAILURES, 40, true));
        assertThat(second).isEqualTo(new CallerBudgets.Refusal(CallerBudgets.Caller.ADDRESS, CallerBudgets.Kind.FAILURES, 40, false));
        assertThat(failuresOf("address:198.51.100.7")).as("a refusal counts nothing").isEqualTo(3);
    }

    @Test
    void nearTheBudgetASuccessGivesItsReservationBack() {
        fails("198.51.100.7", 3, 0);
        CallerBudgets right = request(3, 0);
        assertThat(right.admitAddress("198.51.100.7")).isNull();
        assertThat(failuresOf("address:198.51.100.7")).as("reserved").isEqualTo(2);

        right.succeeded();

        assertThat(failuresOf("address:198.51.100.7")).isEqualTo(1);
    }

    @Test
    void aGiveBackOrAFailureTheDatabaseRefusesIsLoggedNeverThrown() {
        fails("198.51.100.7", 3, 0);
        CallerBudgets right = request(3, 0);
        right.admitAddress("198.51.100.7");
        CallerBudgets wrong = request(100, 0);
        wrong.admitAddress("198.51.100.8");
        writesFail.set(true);

        right.succeeded();
        wrong.failed();

        writesFail.set(false);
        assertThat(failuresOf("address:198.51.100.7")).as("the reservation kept until its window ends").isEqualTo(2);
        assertThat(failuresOf("address:198.51.100.8")).as("the failure not counted").isZero();
    }

    @Test
    void aClientOverItsBudgetRefusesOnlyAddressesThatFailedThreeTimesInTheirWindow() {
        // A client budget of 2; an address budget of 20, whose tenth is less than 3.
        for (int i = 0; i < 3; i++) {
            assertThat(fails("198.51.100.1", 20, 2)).as("failure %d of an address", i + 1).isTrue();
        }
        assertThat(request(20, 2).admitClient("198.51.100.1", CLIENT))
                .extracting(CallerBudgets.Refusal::by).isEqualTo(CallerBudgets.Caller.CLIENT);
        assertThat(fails("198.51.100.2", 20, 2)).as("an address that failed before only behind the same NAT").isTrue();
        assertThat(fails("198.51.100.2", 20, 2)).as("a second typo").isTrue();
        assertThat(failuresOf("client:" + CLIENT)).as("their failures count all the same").isEqualTo(5);
        CallerBudgets right = request(20, 2);
        assertThat(right.admitClient("198.51.100.2", CLIENT)).as("before it failed 3 times").isNull();
        right.succeeded();
        assertThat(fails("198.51.100.2", 20, 2)).isTrue();
        assertThat(request(20, 2).admitClient("198.51.100.2", CLIENT)).as("after 3").isNotNull();
        assertThat(request(20, 2).admitClient("198.51.100.4", CLIENT)).as("another clean address").isNull();
    }

    @Test
    void aClientRefusesAnAddressAfterATenthOfTheAddressBudgetWhenThatIsMoreThanThree() {
        assertThat(CallerBudgets.clientRefusesAfter(new CallerBudgetSettings(Optional.of(new FailureBudget(100, WINDOW)),
                Optional.of(new FailureBudget(5, WINDOW))))).isEqualTo(10);
        assertThat(CallerBudgets.clientRefusesAfter(new CallerBudgetSettings(Optional.of(new FailureBudget(20, WINDOW)),
                Optional.of(new FailureBudget(5, WINDOW))))).isEqualTo(3);
        assertThat(CallerBudgets.clientRefusesAfter(new CallerBudgetSettings(Optional.empty(),
                Optional.of(new FailureBudget(5, WINDOW))))).isEqualTo(3);
        for (int i = 0; i < 9; i++) {
            fails("198.51.100.1", 100, 1);
        }
        assertThat(request(100, 1).admitClient("198.51.100.1", CLIENT)).as("9 failures of 10").isNull();
        fails("198.51.100.1", 100, 1);
        assertThat(request(100, 1).admitClient("198.51.100.1", CLIENT)).as("10").isNotNull();
    }

    @Test
    void aCleanAddressNeverWritesOnTheRowOfAClientNearItsBudgetNorFailsWithIt() {
        // Two addresses drive a client with a budget of 3 to one failure short of it: every request of that client
        // would reserve on its row.
        assertThat(fails("198.51.100.1", 100, 3)).isTrue();
        assertThat(fails("198.51.100.2", 100, 3)).isTrue();
        transactionsTaken.set(0);

        CallerBudgets right = request(100, 3);
        assertThat(right.admitClient("198.51.100.9", CLIENT)).isNull();
        right.succeeded();
        assertThat(transactionsTaken).as("transactions of a right login from a clean address").hasValue(0);

        writesFail.set(true);
        CallerBudgets duringAnOutage = request(100, 3);
        assertThat(duringAnOutage.admitClient("198.51.100.10", CLIENT)).as("admitted with the database refusing writes")
                .isNull();
        writesFail.set(false);

        CallerBudgets wrong = request(100, 3);
        assertThat(wrong.admitClient("198.51.100.11", CLIENT)).isNull();
        wrong.failed();
        assertThat(failuresOf("client:" + CLIENT)).as("a clean address's failure still counts").isEqualTo(3);
    }

    @Test
    void aRowAConcurrentFirstFailureInsertedUnderAReservationWithRoomIsTriedAgainNotRefused() {
        CallerKey key = new CallerKey(REALM, "address:198.51.100.7");
        FailureBudget budget = new FailureBudget(3, WINDOW);
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            // The other request's first failure commits right after this one's UPDATE found no row.
            CallerBudgetStore.Reserved reserved = new CallerBudgetStore(insertingAfterTheUpdate(em, key)).tryReserve(key,
                    budget, now.get());
            em.getTransaction().rollback();

            assertThat(reserved).as("1 failure of 3: nothing to refuse, try again").isNull();
        } finally {
            em.close();
        }
        assertThat(request(3, 0).admitAddress("198.51.100.7")).as("the next round").isNull();
    }

    /** {@code em}, whose reservation UPDATE is followed by another transaction's committed first failure of {@code key}. */
    private EntityManager insertingAfterTheUpdate(EntityManager em, CallerKey key) {
        return (EntityManager) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    Object result = method.invoke(em, args);
                    if (method.getName().equals("createNamedQuery") && CallerBudgetEntity.RESERVE.equals(args[0])) {
                        jakarta.persistence.Query update = (jakarta.persistence.Query) result;
                        return java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                                new Class<?>[] {jakarta.persistence.Query.class}, (q, queryMethod, queryArgs) -> {
                                    Object answer = queryMethod.invoke(update, queryArgs);
                                    if (queryMethod.getName().equals("setParameter")) {
                                        return q;
                                    }
                                    if (queryMethod.getName().equals("executeUpdate")) {
                                        transactions.inNewTransaction(store -> {
                                            store.tryReserve(key, new FailureBudget(3, WINDOW), now.get());
                                            return null;
                                        });
                                    }
                                    return answer;
                                });
                    }
                    return result;
                });
    }

    @Test
    void aClientRefusalGivesBackWhatTheAddressReserved() {
        // An address budget of 5 reserves every request.
        for (int i = 0; i < 3; i++) {
            fails("198.51.100.1", 5, 1);
        }
        CallerBudgets refused = request(5, 1);

        assertThat(refused.admitClient("198.51.100.1", CLIENT)).isNotNull();

        assertThat(failuresOf("address:198.51.100.1")).isEqualTo(3);
    }

    @Test
    void withTheAddressBudgetOffAnAddressIsNeverRefusedByIt() {
        for (int i = 0; i < 5; i++) {
            assertThat(fails("198.51.100.7", 0, 1000)).isTrue();
        }
        assertThat(failuresOf("address:198.51.100.7")).as("counted for the client budget's sake").isEqualTo(5);
    }

    @Test
    void bothBudgetsOffWriteNothing() {
        assertThat(fails("198.51.100.7", 0, 0)).isTrue();

        assertThat(rows()).isZero();
    }

    @Test
    void theNextWindowStartsAfreshAndARefusalDoesNotProlongTheCurrentOne() {
        fails("198.51.100.7", 1, 0);
        now.addAndGet(WINDOW - 1);
        assertThat(request(1, 0).admitAddress("198.51.100.7").retryAfterSeconds()).isEqualTo(1);
        now.addAndGet(1);

        assertThat(fails("198.51.100.7", 1, 0)).isTrue();

        assertThat(failuresOf("address:198.51.100.7")).isEqualTo(1);
        assertThat(request(1, 0).admitAddress("198.51.100.7")).as("refused again, and recorded again")
                .isEqualTo(new CallerBudgets.Refusal(CallerBudgets.Caller.ADDRESS, CallerBudgets.Kind.FAILURES, 60, true));
    }

    @Test
    void aGiveBackAfterItsWindowEndedTakesNothingFromTheNextWindow() {
        CallerBudgets old = request(2, 0);
        old.admitAddress("198.51.100.7");
        now.addAndGet(WINDOW);
        fails("198.51.100.7", 2, 0);

        old.succeeded();

        assertThat(failuresOf("address:198.51.100.7")).isEqualTo(1);
    }

    @Test
    void endedWindowsAreRemovedAndTheNextFailureStartsANewRow() {
        fails("198.51.100.7", 1, 0);
        now.addAndGet(WINDOW + 1);
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            assertThat(new CallerBudgetStore(em).deleteEnded(now.get())).isEqualTo(1);
            em.getTransaction().commit();
        } finally {
            em.close();
        }

        assertThat(fails("198.51.100.7", 1, 0)).isTrue();
        assertThat(failuresOf("address:198.51.100.7")).isEqualTo(1);
    }

    @Test
    void anAddressFarFromItsBudgetsIsAdmittedWithoutAReadUntilItsFailuresReachTheWatch() {
        // 100 an address, 1000 the client: watched from 10 failures, when the client's budget could refuse it.
        assertThat(request(100, 1000).admitClient("198.51.100.9", CLIENT)).as("a clean address").isNull();
        for (int i = 0; i < 9; i++) {
            assertThat(fails("198.51.100.7", 100, 1000)).isTrue();
        }
        assertThat(reads).as("nothing read for 10 admissions").hasValue(0);
        assertThat(watchlist.listed()).isZero();

        assertThat(fails("198.51.100.7", 100, 1000)).as("the tenth failure").isTrue();
        assertThat(watchlist.listed()).as("the address, listed by the count that reached its watch").isEqualTo(1);
        assertThat(request(100, 1000).admitClient("198.51.100.7", CLIENT)).isNull();
        assertThat(reads).as("read from then on: its rows, then the client's, which may refuse it now").hasValue(2);
        assertThat(request(100, 1000).admitClient("198.51.100.9", CLIENT)).isNull();
        assertThat(reads).as("another address: not").hasValue(2);
    }

    @Test
    void aWatchedAddressIsHeldToItsBudgetExactly() {
        int admitted = 0;
        for (int i = 0; i < 130; i++) {
            admitted += fails("198.51.100.7", 100, 0) ? 1 : 0;
        }

        assertThat(admitted).isEqualTo(100);
        assertThat(failuresOf("address:198.51.100.7")).isEqualTo(100);
    }

    @Test
    void anAddressWhoseEntryWasLostIsListedAgainByItsNextFailureAndStillHeldToItsBudget() {
        for (int i = 0; i < 99; i++) {
            assertThat(fails("198.51.100.7", 100, 0)).isTrue();
        }
        watchlist.clear();
        int readsBefore = reads.get();

        assertThat(fails("198.51.100.7", 100, 0)).as("admitted unread: the hundredth failure").isTrue();
        assertThat(reads).hasValue(readsBefore);
        assertThat(watchlist.listed()).as("listed again by its count").isEqualTo(1);
        assertThat(fails("198.51.100.7", 100, 0)).as("the next: read, and refused").isFalse();
        assertThat(failuresOf("address:198.51.100.7")).isEqualTo(100);
    }

    @Test
    void aWatchEndsWithItsWindow() {
        for (int i = 0; i < 25; i++) {
            fails("198.51.100.7", 100, 0);
        }
        assertThat(watchlist.listed()).isEqualTo(1);

        now.addAndGet(WINDOW);
        assertThat(watchlist.listed()).isZero();
        int readsBefore = reads.get();
        assertThat(fails("198.51.100.7", 100, 0)).isTrue();
        assertThat(reads).as("a new window: unread again").hasValue(readsBefore);
        assertThat(failuresOf("address:198.51.100.7")).as("the first failure of a new window").isEqualTo(1);
    }

    @Test
    void aFailureCountedAfterTheLastWindowsEntryExpiredListsTheAddressForThisWindow() {
        // The window opens at START; the 25th failure, half a second later, lists the address until half a second
        // after the window ends (a lifespan is whole seconds, rounded up).
        fails("198.51.100.7", 100, 0);
        now.addAndGet(500);
        for (int i = 0; i < 24; i++) {
            fails("198.51.100.7", 100, 0);
        }
        now.set(START + WINDOW);
        for (int i = 0; i < 24; i++) {
            assertThat(fails("198.51.100.7", 100, 0)).isTrue();
        }
        // The 25th of the new window is admitted while the last window's entry is still there, and fails after it went.
        CallerBudgets admittedWhileListed = request(100, 0);
        assertThat(admittedWhileListed.admitAddress("198.51.100.7")).isNull();
        now.set(START + WINDOW + 600);
        assertThat(watchlist.listed()).as("the last window's entry, gone").isZero();
        admittedWhileListed.failed();

        assertThat(watchlist.listed()).as("this window's, listed by the count that found the row at its watch").isEqualTo(1);
        int readsBefore = reads.get();
        fails("198.51.100.7", 100, 0);
        assertThat(reads).as("read").hasValue(readsBefore + 1);
    }

    @Test
    void anUnreachableWatchlistReadsTheRowsRatherThanRefusingEveryLogin() {
        Watchlist unreachable = new Watchlist() {
            @Override
            public boolean contains(String key) {
                throw new IllegalStateException("The external Infinispan is out of reach");
            }

            @Override
            public void add(String key, long lifespanSeconds) {
                throw new IllegalStateException("The external Infinispan is out of reach");
            }
        };
        BudgetTransactions withoutTheList = new BudgetTransactions() {
            @Override
            public Watchlist watchlist() {
                return unreachable;
            }

            @Override
            public <T> T inRequest(Function<CallerBudgetStore, T> work) {
                return transactions.inRequest(work);
            }

            @Override
            public <T> T inNewTransaction(Function<CallerBudgetStore, T> work) {
                return transactions.inNewTransaction(work);
            }

            @Override
            public void beforeCommit(java.util.function.Consumer<CallerBudgetStore> work) {
                transactions.beforeCommit(work);
            }
        };
        int admitted = 0;
        for (int i = 0; i < 130; i++) {
            CallerBudgets budgets = new CallerBudgets(withoutTheList, now::get, REALM, settings(100, 0), () -> { });
            if (budgets.admitClient("198.51.100.7", CLIENT) == null) {
                admitted++;
                budgets.failed();
            }
        }

        assertThat(reads).as("every admission read").hasValue(130);
        assertThat(admitted).as("held to the budget all the same").isEqualTo(100);
    }

    @Test
    void aBudgetOfFiftyOrLessIsReadOnEveryRequest() {
        assertThat(request(50, 0).admitAddress("198.51.100.9")).isNull();
        assertThat(reads).hasValue(1);
        assertThat(CallerBudgets.failureWatchFrom(settings(50, 0))).isZero();
    }

    @Test
    void theWatchIsHalfTheBudgetLessItsMarginAndNoMoreThanTheClientNeeds() {
        assertThat(CallerBudgets.failureWatchFrom(settings(100, 0))).isEqualTo(25);
        assertThat(CallerBudgets.failureWatchFrom(settings(100, 1000))).as("the client refuses it from 10").isEqualTo(10);
        assertThat(CallerBudgets.failureWatchFrom(settings(1_000_000, 0))).isEqualTo(450_000);
        assertThat(CallerBudgets.failureWatchFrom(settings(0, 1000))).as("the address budget off").isEqualTo(3);
    }

    private static CallerBudgetSettings settings(int perAddress, int perClient) {
        return new CallerBudgetSettings(
                perAddress == 0 ? Optional.empty() : Optional.of(new FailureBudget(perAddress, WINDOW)),
                perClient == 0 ? Optional.empty() : Optional.of(new FailureBudget(perClient, WINDOW)));
    }

    @Test
    void theMarginIsATenthOfTheBudgetAtLeastFiftyAndAtMostTheBudget() {
        assertThat(CallerBudgets.margin(10)).isEqualTo(10);
        assertThat(CallerBudgets.margin(100)).isEqualTo(50);
        assertThat(CallerBudgets.margin(1000)).isEqualTo(100);
        assertThat(CallerBudgets.margin(5000)).isEqualTo(500);
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
}
