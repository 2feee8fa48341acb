package com.fintechlogin.keycloak.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Locks that lengthen, on a real database (H2, as Keycloak's dev mode runs it): someone who waits out each password
 * lock gets one guess per lock, each lock longer than the last up to the cap, as Keycloak's own detector allowed; a
 * right password, or a quiet time, starts again from the first lock. The lock's end is computed once, in Java, and
 * the statements write it only to the row it was computed for, on the request's path and on the recount's alike.
 */
class GrowingLockJpaTest {

    private static final long NOW = 1_800_000_000_000L;
    /** The integration test's realm: 3 wrong passwords, a 2-second wait increment, capped at 5 seconds. */
    private static final AttemptPolicy LINEAR = new AttemptPolicy(3, 2_000)
            .growing(LockGrowth.of(LockGrowth.Strategy.LINEAR, 5_000, LockGrowth.NEVER_FORGETS));

    private final H2Attempts database = new H2Attempts();
    private final AttemptKey key = new AttemptKey("realm", "user-" + UUID.randomUUID(), CredentialKinds.PASSWORD);

    @AfterEach
    void close() {
        database.close();
    }

    private Verdict login(AttemptPolicy policy, long now, boolean right) {
        try (H2Attempts.Request request = database.request()) {
            Verdict verdict = database.limiter(request, now).check(key, policy, () -> right);
            request.commit();
            return verdict;
        }
    }

    private long lockedUntil() {
        return database.committed(key).getLockedUntil();
    }

    @Test
    void afterTheFirstLockEveryWrongPasswordLocksAgainForLongerUpToTheCap() {
        long now = NOW;
        for (int i = 0; i < 3; i++) {
            assertThat(login(LINEAR, now, false).outcome()).isEqualTo(Verdict.Outcome.WRONG);
        }
        assertThat(lockedUntil()).as("first lock").isEqualTo(now + 2_000);
        assertThat(login(LINEAR, now + 1_999, true).outcome()).as("the right password, locked").isEqualTo(Verdict.Outcome.LOCKED);

        long[] expected = {4_000, 5_000, 5_000};
        for (long lock : expected) {
            now = lockedUntil();
            Verdict wrong = login(LINEAR, now, false);
            assertThat(wrong.locks()).as("one wrong password after a lock ends locks again").isTrue();
            assertThat(lockedUntil() - now).isEqualTo(lock);
        }
        assertThat(database.committed(key).getLockouts()).isEqualTo(4);

        now = lockedUntil();
        assertThat(login(LINEAR, now, true).outcome()).as("the right password once the lock ends").isEqualTo(Verdict.Outcome.RIGHT);
        CredentialAttemptEntity reset = database.committed(key);
        assertThat(reset.getFailures()).isZero();
        assertThat(reset.getLockouts()).isZero();
        assertThat(login(LINEAR, now, false).attemptsLeft()).as("the whole limit again").isEqualTo(2);
        login(LINEAR, now, false);
        login(LINEAR, now, false);
        assertThat(lockedUntil()).as("the first lock's length again").isEqualTo(now + 2_000);
    }

    @Test
    void keycloaksDefaultMultipleStrategyAddsAnIncrementEveryFailureFactorLocks() {
        AttemptPolicy multiple = new AttemptPolicy(2, 1_000)
                .growing(LockGrowth.of(LockGrowth.Strategy.MULTIPLE, 900_000, LockGrowth.NEVER_FORGETS));
        long now = NOW;
        login(multiple, now, false);
        login(multiple, now, false);
        List<Long> locks = new ArrayList<>(List.of(lockedUntil() - now));
        for (int lock = 2; lock <= 5; lock++) {
            now = lockedUntil();
            login(multiple, now, false);
            locks.add(lockedUntil() - now);
        }

        // Keycloak: failure n >= 2 waits 1 s × ⌊n / 2⌋ — failures 2..6 here.
        assertThat(locks).containsExactly(1_000L, 1_000L, 2_000L, 2_000L, 3_000L);
    }

    @Test
    void failuresOlderThanTheQuietTimeAreForgottenWithTheirLocks() {
        AttemptPolicy forgetting = LINEAR.growing(LockGrowth.of(LockGrowth.Strategy.LINEAR, 5_000, 10_000));
        long now = NOW;
        for (int i = 0; i < 3; i++) {
            login(forgetting, now, false);
        }
        now = lockedUntil();
        login(forgetting, now, false);
        assertThat(database.committed(key).getLockouts()).isEqualTo(2);

        long quiet = now + 10_001;
        try (H2Attempts.Request request = database.request()) {
            AttemptStatus status = database.limiter(request, quiet).status(key, forgetting);
            assertThat(status).as("what the admin view shows after the quiet time").isEqualTo(AttemptStatus.clean(forgetting));
        }
        assertThat(login(forgetting, quiet, false).attemptsLeft()).as("a fresh count").isEqualTo(2);
        assertThat(database.committed(key).getLockouts()).isZero();
        login(forgetting, quiet, false);
        login(forgetting, quiet, false);
        assertThat(lockedUntil()).as("the first lock's length again").isEqualTo(quiet + 2_000);
    }

    @Test
    void failuresWithinTheQuietTimeStayCounted() {
        AttemptPolicy forgetting = LINEAR.growing(LockGrowth.of(LockGrowth.Strategy.LINEAR, 5_000, 10_000));
        for (int i = 0; i < 3; i++) {
            login(forgetting, NOW, false);
        }
        long later = NOW + 10_000;

        assertThat(login(forgetting, later, false).locks()).as("not yet forgotten: the second lock").isTrue();
        assertThat(lockedUntil()).isEqualTo(later + 4_000);
    }

    @Test
    void aRightPasswordWithNothingToForgetStillCostsOneStatement() {
        AttemptPolicy forgetting = LINEAR.growing(LockGrowth.of(LockGrowth.Strategy.LINEAR, 5_000, 10_000));
        login(forgetting, NOW, false);
        login(forgetting, NOW, true);
        database.takeStatements();

        assertThat(login(forgetting, NOW + 86_400_000L, true)).isEqualTo(Verdict.RIGHT);

        assertThat(database.takeStatements()).as("a day later, the last failure long forgotten").singleElement()
                .satisfies(sql -> assertThat(sql.toLowerCase()).startsWith("select").endsWith("for update"));
    }

    @Test
    void theRecountInATransactionOfItsOwnGrowsTheLockAsTheCheckDoes() {
        AtomicLong clock = new AtomicLong(NOW);
        AttemptLimiter outsideAnyRequest = new AttemptLimiter(database.ownTransactions(), clock::get);
        for (int i = 0; i < 3; i++) {
            outsideAnyRequest.reserve(key, LINEAR);
        }
        assertThat(lockedUntil()).isEqualTo(NOW + 2_000);

        clock.set(lockedUntil());
        Reservation second = outsideAnyRequest.reserve(key, LINEAR);

        assertThat(second.reserved()).isTrue();
        assertThat(second.lockedUntil()).isEqualTo(clock.get() + 4_000);
        assertThat(second.lockouts()).isEqualTo(2);
        assertThat(outsideAnyRequest.reserve(key, LINEAR).reserved()).as("locked again").isFalse();
    }

    @Test
    void fiftyParallelWrongGuessesWhenAGrownLockEndsEvaluateOne() throws Exception {
        for (int i = 0; i < 3; i++) {
            login(LINEAR, NOW, false);
        }
        long ended = lockedUntil();
        int guesses = 50;
        AtomicInteger evaluated = new AtomicInteger();
        CyclicBarrier together = new CyclicBarrier(guesses);
        ExecutorService threads = Executors.newFixedThreadPool(guesses);
        try {
            List<Future<Verdict>> verdicts = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                verdicts.add(threads.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    try (H2Attempts.Request request = database.request()) {
                        Verdict verdict = database.limiter(request, ended).check(key, LINEAR, () -> {
                            evaluated.incrementAndGet();
                            return false;
                        });
                        request.commit();
                        return verdict;
                    }
                }));
            }
            for (Future<Verdict> verdict : verdicts) {
                verdict.get(30, TimeUnit.SECONDS);
            }

            assertThat(evaluated.get()).as("guesses evaluated").isEqualTo(1);
            CredentialAttemptEntity row = database.committed(key);
            assertThat(row.getLockouts()).isEqualTo(2);
            assertThat(row.getLockedUntil()).isEqualTo(ended + 4_000);
        } finally {
            threads.shutdownNow();
        }
    }
}
