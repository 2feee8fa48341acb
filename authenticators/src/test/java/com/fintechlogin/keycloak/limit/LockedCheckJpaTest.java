package com.fintechlogin.keycloak.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The attempt limiter's check on a real database (H2, as Keycloak's dev mode runs it): exact under concurrency, free
 * for a right credential, and safe on the paths where a login request does not commit. Each test is an attack on the
 * check done in the request's own transaction.
 */
class LockedCheckJpaTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final AttemptPolicy POLICY = new AttemptPolicy(5, 60_000, 3);

    private final H2Attempts database = new H2Attempts();
    private final AttemptKey key = new AttemptKey("realm", "user-" + UUID.randomUUID(), CredentialKinds.PIN);

    @AfterEach
    void close() {
        database.close();
    }

    /** One whole login request: check, then commit. */
    private Verdict login(boolean right) {
        try (H2Attempts.Request request = database.request()) {
            Verdict verdict = database.limiter(request, NOW).check(key, POLICY, () -> right);
            request.commit();
            return verdict;
        }
    }

    @Test
    void aRightCredentialWithNoEarlierFailuresWritesNothingAndTakesNoTransactionOfItsOwn() {
        login(true);
        int ownBefore = database.ownTransactionCount();
        database.takeStatements();

        for (int i = 0; i < 3; i++) {
            assertThat(login(true)).isEqualTo(Verdict.RIGHT);
        }

        assertThat(database.ownTransactionCount()).as("transactions of the limiter's own").isEqualTo(ownBefore);
        List<String> statements = database.takeStatements();
        assertThat(statements).as("statements of three right logins").hasSize(3)
                .allSatisfy(sql -> assertThat(sql.toLowerCase()).startsWith("select").endsWith("for update"));
    }

    @Test
    void theFirstCheckOfAUserCreatesItsCounterOnceInATransactionOfItsOwn() {
        assertThat(database.committed(key)).isNull();

        login(true);
        login(true);

        assertThat(database.ownTransactionCount()).isEqualTo(1);
        CredentialAttemptEntity row = database.committed(key);
        assertThat(row.getFailures()).isZero();
        assertThat(row.getLockedUntil()).isZero();
    }

    @Test
    void fiftyParallelWrongGuessesAtAFreshUserEvaluateAtMostTheLimit() throws Exception {
        int guesses = 50;
        AtomicInteger evaluated = new AtomicInteger();
        CyclicBarrier together = new CyclicBarrier(guesses);
        ExecutorService threads = Executors.newFixedThreadPool(guesses);
        List<Future<Verdict>> verdicts = new ArrayList<>();
        try {
            for (int i = 0; i < guesses; i++) {
                verdicts.add(threads.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    try (H2Attempts.Request request = database.request()) {
                        Verdict verdict = database.limiter(request, NOW).check(key, POLICY, () -> {
                            evaluated.incrementAndGet();
                            return false;
                        });
                        request.commit();
                        return verdict;
                    }
                }));
            }
            List<Verdict.Outcome> outcomes = new ArrayList<>();
            for (Future<Verdict> verdict : verdicts) {
                outcomes.add(verdict.get(30, TimeUnit.SECONDS).outcome());
            }

            assertThat(evaluated.get()).as("guesses evaluated").isEqualTo(POLICY.limit());
            assertThat(outcomes).filteredOn(Verdict.Outcome.WRONG::equals).hasSize(POLICY.limit());
            assertThat(outcomes).filteredOn(outcome -> outcome != Verdict.Outcome.WRONG).containsOnly(Verdict.Outcome.LOCKED);
            CredentialAttemptEntity row = database.committed(key);
            assertThat(row.getFailures()).isEqualTo(POLICY.limit());
            assertThat(row.getLockedUntil()).isEqualTo(NOW + POLICY.lockMillis());
            assertThat(row.getLockouts()).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theRightCredentialAfterTheLockIsRefusedUnevaluated() {
        for (int i = 0; i < POLICY.limit(); i++) {
            assertThat(login(false).outcome()).isEqualTo(Verdict.Outcome.WRONG);
        }
        AtomicInteger evaluated = new AtomicInteger();

        try (H2Attempts.Request request = database.request()) {
            Verdict verdict = database.limiter(request, NOW).check(key, POLICY, () -> evaluated.incrementAndGet() > 0);
            request.commit();
            assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.LOCKED);
        }
        assertThat(evaluated.get()).isZero();
    }

    @Test
    void aCheckWaitsForTheRequestHoldingTheCounterAndSeesItsFailure() throws Exception {
        AttemptPolicy oneGuess = new AttemptPolicy(1, 60_000);
        ExecutorService second = Executors.newSingleThreadExecutor();
        try (H2Attempts.Request first = database.request()) {
            database.limiter(first, NOW).check(key, oneGuess, () -> false);
            AtomicInteger evaluated = new AtomicInteger();
            CountDownLatch started = new CountDownLatch(1);
            Future<Verdict> waiting = second.submit(() -> {
                try (H2Attempts.Request request = database.request()) {
                    started.countDown();
                    Verdict verdict = database.limiter(request, NOW).check(key, oneGuess, () -> evaluated.incrementAndGet() > 0);
                    request.commit();
                    return verdict;
                }
            });
            started.await();
            Thread.sleep(300);
            assertThat(waiting).as("the second check, while the first request holds the counter").isNotDone();

            first.commit();

            assertThat(waiting.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Verdict.Outcome.LOCKED);
            assertThat(evaluated.get()).isZero();
        } finally {
            second.shutdownNow();
        }
    }

    @Test
    void aWrongCredentialWhoseRequestRollsBackIsCountedAllTheSame() {
        try (H2Attempts.Request request = database.request()) {
            Verdict verdict = database.limiter(request, NOW).check(key, POLICY, () -> false);
            assertThat(verdict.attemptsLeft()).isEqualTo(POLICY.limit() - 1);
            // E.g. an exception after the check, which Keycloak's error handler answers marking the transaction
            // rollback-only, or a failed commit.
            request.rollback();
        }

        assertThat(database.committed(key).getFailures()).isEqualTo(1);
    }

    @Test
    void theLastWrongCredentialsLockSurvivesARollbackOfItsRequest() {
        for (int i = 0; i < POLICY.limit() - 1; i++) {
            login(false);
        }
        try (H2Attempts.Request request = database.request()) {
            assertThat(database.limiter(request, NOW).check(key, POLICY, () -> false).locks()).isTrue();
            request.rollback();
        }

        CredentialAttemptEntity row = database.committed(key);
        assertThat(row.getFailures()).isEqualTo(POLICY.limit());
        assertThat(row.getLockedUntil()).isEqualTo(NOW + POLICY.lockMillis());
        assertThat(login(true).outcome()).isEqualTo(Verdict.Outcome.LOCKED);
    }

    @Test
    void aRequestThatDiesMidCheckIsCountedWhetherItRollsBackOrCommits() {
        try (H2Attempts.Request request = database.request()) {
            AttemptLimiter limiter = database.limiter(request, NOW);
            assertThatThrownBy(() -> limiter.check(key, POLICY, () -> {
                throw new IllegalStateException("the credential store is unavailable");
            })).hasMessage("the credential store is unavailable");
            request.rollback();
        }
        try (H2Attempts.Request request = database.request()) {
            AttemptLimiter limiter = database.limiter(request, NOW);
            assertThatThrownBy(() -> limiter.check(key, POLICY, () -> {
                throw new IllegalStateException("the pepper is unavailable");
            })).isInstanceOf(IllegalStateException.class);
            // Caught and answered as "not configured": the request commits.
            request.commit();
        }

        assertThat(database.committed(key).getFailures()).isEqualTo(2);
    }

    @Test
    void aRightCredentialWhoseRequestRollsBackCostsNothingAndCountsNothing() {
        login(false);
        try (H2Attempts.Request request = database.request()) {
            assertThat(database.limiter(request, NOW).check(key, POLICY, () -> true)).isEqualTo(Verdict.RIGHT);
            request.rollback();
        }

        assertThat(database.committed(key).getFailures()).as("the reset rolled back; nothing counted").isEqualTo(1);
        assertThat(login(true)).isEqualTo(Verdict.RIGHT);
        assertThat(database.committed(key).getFailures()).isZero();
    }

    @Test
    void anUnlockInTheRequestThatCheckedDoesNotWaitForItsOwnRowLock() {
        login(false);
        try (H2Attempts.Request request = database.request()) {
            AttemptLimiter limiter = database.limiter(request, NOW);
            // A PIN change: the old PIN checked, the new one set, the counter cleared, all in one request.
            assertThat(limiter.check(key, POLICY, () -> true)).isEqualTo(Verdict.RIGHT);
            assertThat(limiter.status(key, POLICY).failures()).isZero();
            limiter.unlock(key);
            request.commit();
        }
        try (H2Attempts.Request request = database.request()) {
            AttemptLimiter limiter = database.limiter(request, NOW);
            assertThat(limiter.check(key, POLICY, () -> false).outcome()).isEqualTo(Verdict.Outcome.WRONG);
            limiter.unlockUser(key.realmId(), key.userId());
            request.commit();
        }

        assertThat(database.committed(key).getFailures()).isZero();
    }

    @Test
    void aStatusReadDoesNotWaitForARequestHoldingTheCounter() throws Exception {
        login(false);
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (H2Attempts.Request holder = database.request()) {
            database.limiter(holder, NOW).check(key, POLICY, () -> false);
            Future<AttemptStatus> status = reader.submit(() -> {
                try (H2Attempts.Request request = database.request()) {
                    return database.limiter(request, NOW).status(key, POLICY);
                }
            });

            assertThat(status.get(Duration.ofSeconds(1).toMillis(), TimeUnit.MILLISECONDS).failures())
                    .as("the committed count, read while another request holds the row").isEqualTo(1);
            holder.commit();
        } finally {
            reader.shutdownNow();
        }
    }

    @Test
    void locksEscalateAndEndedLocksCountAsNoFailuresAsTheReservationDoes() {
        AttemptPolicy policy = new AttemptPolicy(2, 1_000, 1);
        long now = NOW;
        for (int lock = 1; lock <= 2; lock++) {
            for (int i = 0; i < 2; i++) {
                try (H2Attempts.Request request = database.request()) {
                    database.limiter(request, now).check(key, policy, () -> false);
                    request.commit();
                }
            }
            CredentialAttemptEntity row = database.committed(key);
            assertThat(row.getLockouts()).isEqualTo(lock);
            assertThat(row.getLockedUntil()).isEqualTo(lock == 1 ? now + 1_000 : AttemptStatus.UNTIL_ADMIN_UNLOCK);
            now += 1_001;
        }

        try (H2Attempts.Request request = database.request()) {
            assertThat(database.limiter(request, now + 86_400_000L).check(key, policy, () -> true).outcome())
                    .as("a lasting lock, a day later").isEqualTo(Verdict.Outcome.LOCKED);
            request.commit();
        }
    }

    @Test
    void failuresOverALimitLoweredSinceLockWithoutEvaluation() {
        for (int i = 0; i < 3; i++) {
            login(false);
        }
        AttemptPolicy lowered = new AttemptPolicy(2, 60_000, 3);
        AtomicInteger evaluated = new AtomicInteger();

        try (H2Attempts.Request request = database.request()) {
            Verdict verdict = database.limiter(request, NOW).check(key, lowered, () -> evaluated.incrementAndGet() > 0);
            request.commit();
            assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.LOCKED);
        }

        assertThat(evaluated.get()).isZero();
        assertThat(database.committed(key).getLockedUntil()).isEqualTo(NOW + 60_000);
    }

    @Test
    void theRecountInATransactionOfItsOwnCountsLikeTheCheck() {
        AttemptLimiter outsideAnyRequest = new AttemptLimiter(database.ownTransactions(), () -> NOW);

        for (int i = 1; i <= POLICY.limit(); i++) {
            assertThat(outsideAnyRequest.reserve(key, POLICY).failures()).isEqualTo(i);
        }

        assertThat(outsideAnyRequest.reserve(key, POLICY).reserved()).isFalse();
        assertThat(login(true).outcome()).isEqualTo(Verdict.Outcome.LOCKED);
    }
}
