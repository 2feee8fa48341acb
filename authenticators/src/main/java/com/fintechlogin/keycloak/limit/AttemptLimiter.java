package com.fintechlogin.keycloak.limit;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import org.jboss.logging.Logger;

/**
 * The one attempt limiter in front of every credential check: {@link #check} locks the user's counter of the
 * credential kind, evaluates the credential only if the counter is not locked, and writes only when the count
 * changes. A right credential with no earlier failures writes nothing and needs no connection of its own.
 *
 * <h2>Where it works: the request's own transaction</h2>
 * The counter's row is read under a pessimistic write lock in the transaction of the request that checks the
 * credential ({@link AttemptStore#lockUnlessLocked}), and the lock is held until that transaction ends. This rests on
 * what Keycloak 26.7.3 does with that transaction (its sources, as shipped in the distribution's JARs):
 * <ol>
 * <li><b>Every route commits a wrong credential's answer.</b> The request's transaction begins before the resource
 * method runs ({@code org.keycloak.quarkus.runtime.integration.resteasy.TransactionalSessionHandler}) and ends when the
 * session closes: committed unless marked rollback-only ({@code DefaultKeycloakSession#closeTransactionManager}).
 * Keycloak marks it rollback-only only where an error escapes as an exception: {@code KeycloakErrorHandler} (every
 * exception it maps: unexpected ones, an {@code AuthenticationFlowException} thrown out of a resource, a
 * {@code WebApplicationException} without an entity), {@code ErrorResponseException#getResponse} and
 * {@code ErrorPageException#getResponse}. A wrong credential is answered as a returned response on every route of this
 * project: the REST adapters ({@code login/LoginService} catches the flow's failure and the endpoint returns its
 * answer), the token endpoint's direct grant ({@code ResourceOwnerPasswordCredentialsGrantType#process} returns the
 * flow's challenge, built by {@code LoginFailures}) and the browser forms (the form with its error is the flow's
 * challenge); a {@code CorsErrorResponseException} carries an entity, so RESTEasy Reactive's
 * {@code RuntimeExceptionMapper} answers it without any mapper and nothing marks rollback-only. Should some path
 * still roll back a request whose failure was counted (an exception after the check, a failed commit, a later change
 * elsewhere), the failure is counted again in a transaction of its own after the rollback
 * ({@link RequestTransaction#afterRollback}), before the answer goes out. Not earlier: until the rollback the request
 * holds the row, which the recount would wait for. So a check of the same counter that takes the row in between sees
 * the count one lower, and such a rollback can let one evaluation past the limit; none of the routes rolls back
 * ({@code WrongCredentialsCommitTest}).</li>
 * <li><b>The count commits before the answer is written.</b> Quarkus closes the session, and so commits, in a JAX-RS
 * response filter ({@code org.keycloak.quarkus.runtime.integration.jaxrs.CloseSessionFilter}), and RESTEasy Reactive
 * runs the response filters before its {@code ResponseWriterHandler} writes the body
 * ({@code RuntimeResourceDeployment}); the abort chain of a failed request does the same. (The filter defers the
 * close until after writing only for a {@code StreamingOutput} or {@code Stream} entity; no answer to a credential
 * check is one: the adapters answer with strings, the token endpoint with its representations, the forms with
 * rendered pages.) A commit that fails throws from the filter, and the caller gets an error instead of the verdict. So no caller learns "wrong" before its
 * failure is durable; a request that dies before it commits answers nothing.</li>
 * <li><b>The row lock serializes the checks of one counter, on every node.</b> On PostgreSQL (READ COMMITTED, the
 * default) and on H2 (MVStore) a second {@code select ... for update} of the row waits for the first transaction and
 * then reads the row as it committed it, so N parallel wrong guesses against limit L evaluate at most L. A user's
 * first check finds no row to lock: the row is created first, once per user and kind ever, in a short transaction
 * of its own ({@link #createCounter}), because a duplicate insert by a concurrent first check would abort the whole
 * request transaction on PostgreSQL; in its own transaction the duplicate fails alone (the unique constraint makes
 * the second insert wait for the first and then fail), and both checks then lock the one row. One check locks one
 * row. No flow of the project checks two kinds in one request (PIN and device mode are alternatives); one an admin
 * builds that does (a password step, then a PIN step) takes the locks in step order, so only two flows with opposite
 * orders, for the same user at the same moment, could deadlock. Both databases detect that and fail one request
 * with an error at its second lock, before its second credential is evaluated; its first one was right (a wrong one
 * ends the flow), so nothing counted is lost.</li>
 * <li><b>The lock is held until the request commits</b>, across the rest of the flow and token issuance. Checks of
 * the same user and credential kind take turns for that time (200 PIN logins of one user sent at once took 1.7 s on
 * two cores and PostgreSQL, about 8 ms each); other users and other kinds never wait. A person logs in from one app
 * at a time, so that costs nothing in use; an attacker who floods one account is limited to L evaluations anyway, and
 * once the account is locked the locked read does not wait for the row (a row whose lock is in force is not read for
 * update), so a flood against a locked account takes no turns. A waiting request holds its worker thread and its one
 * database connection, which is why the pool must be at least as large as the worker threads
 * (docs/operations.md).</li>
 * </ol>
 *
 * <h2>What keeps transactions of its own</h2>
 * The insert of a counter's first row (above), and the recount after a rolled-back request ({@link #reserve}): the
 * request's transaction is gone then. Unlocks, resets and status reads run in the request's transaction: an unlock
 * that rolls back with the admin's request did not happen, a reset that rolls back leaves failures counted (the safe
 * side), and a status read writes nothing. Running them in a transaction of their own would wait for the request's
 * own row lock after a check in the same request (a PIN change checks the old PIN, then clears the counter).
 *
 * <p>Keycloak's brute-force detector cannot give this exactness: it records failures asynchronously, after the
 * evaluation, and loses concurrent updates. A database failure is thrown, never answered as a verdict: callers fail
 * closed.
 */
public final class AttemptLimiter {

    private static final Logger LOG = Logger.getLogger(AttemptLimiter.class);

    /** Rounds one call may take when its row keeps changing under it (concurrent first insert, reset, unlock). */
    static final int MAX_TRANSACTIONS = 5;

    private final RequestTransaction request;
    private final Transactions transactions;
    private final LongSupplier clock;

    public AttemptLimiter(KeycloakSession session) {
        this(new KeycloakRequestTransaction(session), new KeycloakTransactions(session.getKeycloakSessionFactory()),
                Time::currentTimeMillis);
    }

    /**
     * @param request the request's transaction, for checks, unlocks and status reads
     * @param transactions transactions of its own, for a counter's first row and a recount after a rollback
     * @param clock epoch millis; Keycloak's {@link Time}, so that its test time offset applies
     */
    AttemptLimiter(RequestTransaction request, Transactions transactions, LongSupplier clock) {
        this.request = request;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A limiter outside any request: only {@link #reserve}, which works in transactions of its own, is available. */
    AttemptLimiter(Transactions transactions, LongSupplier clock) {
        this(NoRequestTransaction.INSTANCE, transactions, clock);
    }

    /**
     * Checks a credential of the user behind the {@code kind} counter: LOCKED (not evaluated) while its lock is in
     * force; else {@code evaluation} runs under the counter's row lock, and a wrong answer is counted (setting the lock
     * when it reaches the limit), a right one resets the counter if it holds anything. An exception from the
     * evaluation is counted as a failure and propagates: a request that dies mid-check gets no free guess.
     */
    public Verdict check(RealmModel realm, UserModel user, String kind, AttemptPolicy policy, BooleanSupplier evaluation) {
        return check(key(realm, user, kind), policy, evaluation);
    }

    /**
     * Takes the turn of a credential check that someone else makes later in this request — Keycloak's own password
     * page and password grant, which evaluate the password themselves and report the verdict afterwards: the counter's
     * row is locked in the request's transaction until it ends, as {@link #check} locks it, so that the password is
     * evaluated under that lock and the verdict, counted by {@link #check} in the same transaction, is seen by the next
     * check of the counter. Without it parallel requests all passed a read of the counter before any had counted, and
     * each got its password evaluated. Whether the counter is locked: then nothing is held and the caller must refuse
     * without evaluating.
     */
    public boolean lockedElseHold(RealmModel realm, UserModel user, String kind, AttemptPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        AttemptKey key = key(realm, user, kind);
        AttemptStore store = request.store();
        for (int round = 1; round <= MAX_TRANSACTIONS; round++) {
            long now = clock.getAsLong();
            CredentialAttemptEntity row = store.lockUnlessLocked(key, now);
            if (row != null) {
                return lockOverLimit(store, key, policy, forgetStale(store, key, policy, row, now), now) != null;
            }
            CredentialAttemptEntity seen = store.find(key);
            if (seen == null) {
                createCounter(key);
            } else if (seen.getLockedUntil() > now) {
                return true;
            }
        }
        throw new ModelException("The attempt counter of user " + key.userId() + " for " + key.kind()
                + " changed under " + MAX_TRANSACTIONS + " reads in a row");
    }

    /**
     * An administrator (or the user's reset of a forgotten credential) lifts the lock, temporary or lasting, and
     * clears the failures and the consecutive locks. In the request's transaction.
     */
    public void unlock(RealmModel realm, UserModel user, String kind) {
        unlock(key(realm, user, kind));
    }

    /** An administrator unlocks the user: every credential kind's lock lifted and failures cleared. */
    public void unlockUser(String realmId, String userId) {
        request.store().resetUser(realmId, userId);
        LOG.debugf("Attempt counters of user %s in realm %s unlocked", userId, realmId);
    }

    /** An administrator unlocks every user of the realm. */
    public void unlockRealm(String realmId) {
        request.store().resetRealm(realmId);
        LOG.debugf("Attempt counters of realm %s unlocked", realmId);
    }

    /** Where the counter stands now, for admin views and "attempts left" messages. Locks and writes nothing. */
    public AttemptStatus status(RealmModel realm, UserModel user, String kind, AttemptPolicy policy) {
        return status(key(realm, user, kind), policy);
    }

    void unlock(AttemptKey key) {
        request.store().reset(key);
        LOG.debugf("Attempt counter of user %s for %s in realm %s unlocked", key.userId(), key.kind(), key.realmId());
    }

    Verdict check(AttemptKey key, AttemptPolicy policy, BooleanSupplier evaluation) {
        Objects.requireNonNull(policy, "policy");
        AttemptStore store = request.store();
        for (int round = 1; round <= MAX_TRANSACTIONS; round++) {
            long now = clock.getAsLong();
            CredentialAttemptEntity row = store.lockUnlessLocked(key, now);
            if (row != null) {
                return checkHeld(store, key, policy, row, now, evaluation);
            }
            CredentialAttemptEntity seen = store.find(key);
            if (seen == null) {
                createCounter(key);
            } else if (seen.getLockedUntil() > now) {
                LOG.debugf("Attempt of user %s for %s in realm %s refused: locked until %d",
                        key.userId(), key.kind(), key.realmId(), seen.getLockedUntil());
                return Verdict.locked(locked(seen, policy));
            }
            // Otherwise its lock ended or was lifted between the two reads: lock it again.
        }
        throw new ModelException("The attempt counter of user " + key.userId() + " for " + key.kind()
                + " changed under " + MAX_TRANSACTIONS + " reads in a row");
    }

    /** The check proper, with the row locked by the request's transaction and its lock not in force. */
    private Verdict checkHeld(AttemptStore store, AttemptKey key, AttemptPolicy policy, CredentialAttemptEntity row,
            long now, BooleanSupplier evaluation) {
        row = forgetStale(store, key, policy, row, now);
        Reservation overLimit = lockOverLimit(store, key, policy, row, now);
        if (overLimit != null) {
            return Verdict.locked(overLimit);
        }
        boolean right;
        try {
            right = evaluation.getAsBoolean();
        } catch (RuntimeException failedMidCheck) {
            countFailure(store, key, policy, now, row.getLockouts());
            throw failedMidCheck;
        }
        if (!right) {
            return Verdict.wrong(countFailure(store, key, policy, now, row.getLockouts()));
        }
        if (row.getFailures() != 0 || row.getLockedUntil() != AttemptStatus.NOT_LOCKED || row.getLockouts() != 0) {
            store.reset(key);
        }
        return Verdict.RIGHT;
    }

    /** The held row, with failures older than the policy's quiet time forgotten, and the locks they set. */
    private static CredentialAttemptEntity forgetStale(AttemptStore store, AttemptKey key, AttemptPolicy policy,
            CredentialAttemptEntity row, long now) {
        if ((row.getFailures() != 0 || row.getLockouts() != 0) && policy.forgets(row.getLastFailure(), now)
                && store.forgetStale(key, policy, now)) {
            return store.find(key);
        }
        return row;
    }

    /**
     * The lock of a held row whose failures were counted under a higher limit than today's, set now as reaching the
     * limit would have set it; null if the row is under the limit or its lock is already recorded.
     */
    private static Reservation lockOverLimit(AttemptStore store, AttemptKey key, AttemptPolicy policy,
            CredentialAttemptEntity row, long now) {
        if (row.getLockedUntil() != AttemptStatus.NOT_LOCKED || row.getFailures() < policy.limit()) {
            return null;
        }
        if (!store.lockOverLimit(key, policy, now)) {
            throw new IllegalStateException("The held attempt counter of user " + key.userId() + " did not lock");
        }
        Reservation locked = locked(store.find(key), policy);
        logLock(key, locked);
        return locked;
    }

    /**
     * Counts a failure in the request's transaction, under the row lock it holds, and has it counted again should
     * that transaction roll back. The recount is registered first, so that a failing count statement is covered too.
     */
    private Reservation countFailure(AttemptStore store, AttemptKey key, AttemptPolicy policy, long now, int locksBefore) {
        request.afterRollback(() -> recountAfterRollback(key, policy));
        // The consecutive locks as read under the row lock this request holds: the lock's end is computed for them.
        if (!store.count(key, policy, now, locksBefore)) {
            throw new IllegalStateException("The held attempt counter of user " + key.userId() + " was not counted");
        }
        CredentialAttemptEntity counted = store.find(key);
        Reservation failure = new Reservation(Reservation.Outcome.RESERVED, counted.getFailures(), policy.limit(),
                counted.getLockedUntil(), counted.getLockouts());
        logLock(key, failure);
        return failure;
    }

    /**
     * A request rolled back after it counted a failure: the caller may have learnt the verdict, so the failure is
     * counted again, in a transaction of its own (the request's is gone). Counted as a reservation would be: not
     * counted if the lock is in force by now. Keycloak ignores what this throws, so it is logged here.
     */
    private void recountAfterRollback(AttemptKey key, AttemptPolicy policy) {
        try {
            Reservation again = reserve(key, policy);
            LOG.warnf("A request that counted a wrong credential of user %s for %s in realm %s rolled back; counted again "
                    + "in a transaction of its own (%s)", key.userId(), key.kind(), key.realmId(), again.outcome());
        } catch (RuntimeException lost) {
            LOG.errorf(lost, "A request that counted a wrong credential of user %s for %s in realm %s rolled back, and "
                    + "counting it again failed", key.userId(), key.kind(), key.realmId());
        }
    }

    /**
     * Creates the counter's clean row in a transaction of its own, so that the next read can lock it. Another check
     * that created it meanwhile is no failure: the row is there.
     */
    private void createCounter(AttemptKey key) {
        try {
            transactions.inNewTransaction(store -> {
                store.insertClean(key);
                return null;
            });
        } catch (ModelDuplicateException concurrentFirstCheck) {
            LOG.debugf("First attempt counter of user %s for %s created concurrently", key.userId(), key.kind());
        }
    }

    /**
     * Counts one failure in a transaction of its own, committed before it returns, or refuses it as LOCKED: the
     * recount of a failure whose request rolled back. RESERVED means counted (with the lock already recorded if it
     * reached the limit). An ended temporary lock counts as no lock and no failures (one short of the limit where
     * locks grow); it stays counted among the consecutive locks, which decide how long the next lock lasts.
     */
    Reservation reserve(AttemptKey key, AttemptPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        for (int transaction = 1; transaction <= MAX_TRANSACTIONS; transaction++) {
            long now = clock.getAsLong();
            Reservation reservation;
            try {
                reservation = transactions.inNewTransaction(store -> store.tryReserve(key, policy, now));
            } catch (ModelDuplicateException concurrentFirstAttempt) {
                LOG.debugf("First attempt counter of user %s for %s inserted concurrently; counting again",
                        key.userId(), key.kind());
                continue;
            }
            if (reservation != null) {
                logLock(key, reservation);
                return reservation;
            }
        }
        throw new ModelException("The attempt counter of user " + key.userId() + " for " + key.kind()
                + " changed under " + MAX_TRANSACTIONS + " transactions in a row");
    }

    AttemptStatus status(AttemptKey key, AttemptPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        CredentialAttemptEntity row = request.store().find(key);
        return row == null
                ? AttemptStatus.clean(policy)
                : AttemptStatus.of(row.getFailures(), row.getLockedUntil(), row.getLockouts(), row.getLastFailure(),
                        clock.getAsLong(), policy);
    }

    private static Reservation locked(CredentialAttemptEntity row, AttemptPolicy policy) {
        return new Reservation(Reservation.Outcome.LOCKED, row.getFailures(), policy.limit(), row.getLockedUntil(),
                row.getLockouts());
    }

    private static AttemptKey key(RealmModel realm, UserModel user, String kind) {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(user, "user");
        return new AttemptKey(realm.getId(), user.getId(), kind);
    }

    private static void logLock(AttemptKey key, Reservation reservation) {
        if (reservation.reserved() && reservation.lockedUntil() != AttemptStatus.NOT_LOCKED) {
            LOG.debugf("Attempt %d of user %s for %s in realm %s reached the limit; lock %d in a row, until %s unless right",
                    reservation.failures(), key.userId(), key.kind(), key.realmId(), reservation.lockouts(),
                    reservation.untilAdminUnlock() ? "an admin unlocks" : Long.toString(reservation.lockedUntil()));
        } else if (!reservation.reserved()) {
            LOG.debugf("Attempt of user %s for %s in realm %s refused: locked until %d",
                    key.userId(), key.kind(), key.realmId(), reservation.lockedUntil());
        }
    }

    /** What a limiter outside any request has instead of a request transaction: nothing to check in. */
    private enum NoRequestTransaction implements RequestTransaction {
        INSTANCE;

        @Override
        public AttemptStore store() {
            throw new IllegalStateException("This attempt limiter works outside any request");
        }

        @Override
        public void afterRollback(Runnable work) {
            throw new IllegalStateException("This attempt limiter works outside any request");
        }
    }
}
