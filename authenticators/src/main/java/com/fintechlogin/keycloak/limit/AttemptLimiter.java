package com.fintechlogin.keycloak.limit;

import java.util.Objects;
import java.util.function.LongSupplier;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import org.jboss.logging.Logger;

/**
 * The one attempt limiter in front of every credential check: reserve, evaluate only if reserved, report a
 * correct credential.
 *
 * <pre>{@code
 * Reservation attempt = limiter.reserve(realm, user, CredentialKinds.PIN, policy);
 * if (!attempt.reserved()) -> answer "locked", do not evaluate
 * else if (credential is right) -> limiter.succeeded(realm, user, CredentialKinds.PIN)
 * else -> answer "wrong" (attempt.attemptsLeft() left); the failure is already counted
 * }</pre>
 *
 * <p>Exact under concurrency and across nodes: the attempt is counted by a conditional UPDATE in the Keycloak
 * database <em>before</em> the credential is evaluated (see {@link AttemptStore}), so N parallel attempts
 * against limit L evaluate at most L credentials. Keycloak's brute-force detector cannot give this: it records
 * failures asynchronously, after the evaluation, and loses concurrent updates.
 *
 * <p>Every method works in a short transaction of its own that commits before it returns: a reservation is
 * durable and visible to all nodes at once, and no row lock is held while the (slow) credential check runs.
 * The price is a second database connection while the caller's transaction is suspended. A database failure
 * is thrown, never answered as RESERVED: callers fail closed by not evaluating.
 */
public final class AttemptLimiter {

    private static final Logger LOG = Logger.getLogger(AttemptLimiter.class);

    /** Transactions one call may take when its row keeps changing under it (concurrent first insert, reset). */
    static final int MAX_TRANSACTIONS = 5;

    private final Transactions transactions;
    private final LongSupplier clock;

    public AttemptLimiter(KeycloakSession session) {
        this(new KeycloakTransactions(session.getKeycloakSessionFactory()), Time::currentTimeMillis);
    }

    /** @param clock epoch millis; Keycloak's {@link Time}, so that its test time offset applies */
    AttemptLimiter(Transactions transactions, LongSupplier clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Counts an attempt before the credential is evaluated, or refuses it. RESERVED means evaluate; the attempt
     * is already a failure (and the lock already recorded if it is the last one allowed) until
     * {@link #succeeded} says otherwise. LOCKED means do not evaluate. An ended temporary lock counts as no lock
     * and no failures; it stays counted among the consecutive locks, which decide when a lock lasts.
     */
    public Reservation reserve(RealmModel realm, UserModel user, String kind, AttemptPolicy policy) {
        return reserve(key(realm, user, kind), policy);
    }

    /**
     * The credential was right: failures and consecutive locks back to 0, any lock lifted. Call it only after a
     * RESERVED attempt.
     */
    public void succeeded(RealmModel realm, UserModel user, String kind) {
        reset(key(realm, user, kind));
    }

    /**
     * An administrator (or the user's reset of a forgotten credential) lifts the lock, temporary or lasting, and
     * clears the failures and the consecutive locks.
     */
    public void unlock(RealmModel realm, UserModel user, String kind) {
        AttemptKey key = key(realm, user, kind);
        reset(key);
        LOG.debugf("Attempt counter of user %s for %s in realm %s unlocked", key.userId(), key.kind(), key.realmId());
    }

    /** An administrator unlocks the user: every credential kind's lock lifted and failures cleared. */
    public void unlockUser(String realmId, String userId) {
        transactions.inNewTransaction(store -> {
            store.deleteUser(realmId, userId);
            return null;
        });
        LOG.debugf("Attempt counters of user %s in realm %s unlocked", userId, realmId);
    }

    /** An administrator unlocks every user of the realm. */
    public void unlockRealm(String realmId) {
        transactions.inNewTransaction(store -> {
            store.deleteRealm(realmId);
            return null;
        });
        LOG.debugf("Attempt counters of realm %s unlocked", realmId);
    }

    /** Where the counter stands now, for admin views and "attempts left" messages. Reserves nothing. */
    public AttemptStatus status(RealmModel realm, UserModel user, String kind, AttemptPolicy policy) {
        return status(key(realm, user, kind), policy);
    }

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

    void reset(AttemptKey key) {
        transactions.inNewTransaction(store -> {
            store.reset(key);
            return null;
        });
    }

    AttemptStatus status(AttemptKey key, AttemptPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        long now = clock.getAsLong();
        return transactions.inNewTransaction(store -> {
            CredentialAttemptEntity row = store.find(key);
            return row == null
                    ? AttemptStatus.clean(policy)
                    : AttemptStatus.of(row.getFailures(), row.getLockedUntil(), row.getLockouts(), now, policy);
        });
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
}
