package com.fintechlogin.keycloak.limit;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The statements on the attempt table, run in whatever transaction the given entity manager is in: the login
 * request's own ({@link AttemptLimiter#check}), or a short one of its own ({@link AttemptLimiter#reserve}).
 *
 * <p>Two ways to count exactly, both decided by the row lock of the one row per user and kind:
 * <ul>
 * <li>{@link #lockUnlessLocked} reads the row under a pessimistic write lock (Hibernate: {@code for no key update}
 * on PostgreSQL, {@code for update} on H2), held until the transaction ends. A concurrent check of the same row
 * waits, then reads the row as the first one's transaction left it (PostgreSQL READ COMMITTED re-checks the row's
 * newest committed version against the condition; H2 MVStore does the same), so checks of one counter take turns
 * and each sees every failure counted before it. What is decided under that lock may then be written with
 * {@link #count}, {@link #reset} or {@link #lockOverLimit}.</li>
 * <li>{@link #tryReserve} counts with the conditional UPDATE {@link CredentialAttemptEntity#RESERVE}
 * ({@code failures = failures + 1 ... where ... failures < limit and not locked and lockouts = locksBefore}), which
 * waits for the row lock and re-checks its WHERE clause against the committed row, so of N concurrent reservations
 * against limit L at most L are counted, and a lock's end computed for {@code locksBefore} consecutive locks is
 * written only to a row that holds that many.</li>
 * </ul>
 *
 * <p>Every row read is detached at once: the writes are bulk updates, which bypass the entity manager, so a managed
 * copy would answer later reads of the same transaction with the state before them.
 */
final class AttemptStore {

    private final EntityManager em;

    AttemptStore(EntityManager em) {
        this.em = em;
    }

    /** The store of a session's own transaction. */
    static AttemptStore of(KeycloakSession session) {
        return new AttemptStore(session.getProvider(JpaConnectionProvider.class).getEntityManager());
    }

    /**
     * The row, locked until this transaction ends, unless its lock is in force at {@code now}; null when there is no
     * row or its lock is in force (then nothing is locked). Waits while another transaction holds the row.
     */
    CredentialAttemptEntity lockUnlessLocked(AttemptKey key, long now) {
        return single(bind(em.createNamedQuery(CredentialAttemptEntity.FIND_UNLESS_LOCKED, CredentialAttemptEntity.class), key)
                .setParameter("now", now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * Creates the key's clean row, the one insert a counter ever has, flushed at once so that a concurrent insert of
     * the same key fails here as a {@link org.keycloak.models.ModelDuplicateException} (Keycloak's entity manager
     * converts it): the row is there either way.
     */
    void insertClean(AttemptKey key) {
        CredentialAttemptEntity row = new CredentialAttemptEntity(KeycloakModelUtils.generateId(), key, 0,
                AttemptStatus.NOT_LOCKED, 0, 0);
        em.persist(row);
        em.flush();
        em.detach(row);
    }

    /**
     * Counts one failure of a row this transaction holds ({@link #lockUnlessLocked}), whose lock is not in force and
     * whose consecutive locks, read under that row lock, are {@code locksBefore}: an ended lock is cleared first, then
     * the reservation's UPDATE counts it, setting the lock (grown or escalated as {@code locksBefore} says) when it
     * reaches the limit. Whether it counted: always, under the row lock, unless the limit was already reached.
     */
    boolean count(AttemptKey key, AttemptPolicy policy, long now, int locksBefore) {
        clearExpiredLock(key, policy, now);
        return reserveStatement(key, policy, now, locksBefore).executeUpdate() == 1;
    }

    /**
     * Forgets the failures and consecutive locks of a counter whose last failure is older than the policy's quiet
     * time and whose lock is not in force, as Keycloak's maximum delta time does; nothing for a policy that never
     * forgets. Whether it forgot. The check runs it only for a row it read as stale ({@link AttemptPolicy#forgets}),
     * so that a right credential with nothing to forget still costs one statement.
     */
    boolean forgetStale(AttemptKey key, AttemptPolicy policy, long now) {
        if (!policy.growth().forgets()) {
            return false;
        }
        return bind(em.createNamedQuery(CredentialAttemptEntity.FORGET_STALE), key)
                .setParameter("now", now)
                .setParameter("forgetBefore", policy.forgetBefore(now))
                .executeUpdate() == 1;
    }

    /**
     * Locks failures already at a limit lowered since, grown and escalated as the consecutive locks say. Whether it
     * did: not when the row changed since it was read (another transaction locked or counted it first).
     */
    boolean lockOverLimit(AttemptKey key, AttemptPolicy policy, long now) {
        CredentialAttemptEntity row = find(key);
        if (row == null) {
            return false;
        }
        return bind(em.createNamedQuery(CredentialAttemptEntity.LOCK_OVER_LIMIT), key)
                .setParameter("limit", policy.limit())
                .setParameter("locksBefore", row.getLockouts())
                .setParameter("lockedUntil", policy.lockedUntil(now, row.getLockouts()))
                .executeUpdate() == 1;
    }

    /**
     * Reserves one attempt, answers LOCKED, or answers null when the row changed between the statements (it
     * appeared, was reset, counted elsewhere or its lock ran out in between) and the caller must try again in a new
     * transaction, whose statements see the change. Inserting the first row of a key flushes at once, so that a
     * concurrent insert of the same key fails here as a {@link org.keycloak.models.ModelDuplicateException} (Keycloak's
     * entity manager converts it); the caller retries that too, and finds the row.
     */
    Reservation tryReserve(AttemptKey key, AttemptPolicy policy, long now) {
        forgetStale(key, policy, now);
        clearExpiredLock(key, policy, now);
        CredentialAttemptEntity seen = find(key);
        if (seen == null) {
            boolean reached = policy.limit() == 1;
            long lockedUntil = reached ? policy.lockedUntil(now, 0) : AttemptStatus.NOT_LOCKED;
            int lockouts = reached ? 1 : 0;
            CredentialAttemptEntity first = new CredentialAttemptEntity(KeycloakModelUtils.generateId(), key, 1, lockedUntil,
                    lockouts, now);
            em.persist(first);
            em.flush();
            em.detach(first);
            return new Reservation(Reservation.Outcome.RESERVED, 1, policy.limit(), lockedUntil, lockouts);
        }
        // Not read under a lock: the UPDATE counts only if the row still holds the consecutive locks seen here.
        int counted = reserveStatement(key, policy, now, seen.getLockouts()).executeUpdate();
        CredentialAttemptEntity row = find(key);
        if (counted == 1) {
            // The UPDATE took the row lock, held until commit: the row read is this reservation's.
            return new Reservation(Reservation.Outcome.RESERVED, row.getFailures(), policy.limit(),
                    row.getLockedUntil(), row.getLockouts());
        }
        if (row == null) {
            return null;
        }
        if (row.getLockedUntil() > now) {
            return new Reservation(Reservation.Outcome.LOCKED, row.getFailures(), policy.limit(),
                    row.getLockedUntil(), row.getLockouts());
        }
        if (row.getLockedUntil() == AttemptStatus.NOT_LOCKED && row.getFailures() >= policy.limit()
                && lockOverLimit(key, policy, now)) {
            // Read again under the row lock the UPDATE took.
            CredentialAttemptEntity locked = find(key);
            return new Reservation(Reservation.Outcome.LOCKED, locked.getFailures(), policy.limit(),
                    locked.getLockedUntil(), locked.getLockouts());
        }
        return null;
    }

    /** Clears the failures, any lock and the count of consecutive locks; no write when the counter is already clean. */
    void reset(AttemptKey key) {
        bind(em.createNamedQuery(CredentialAttemptEntity.RESET), key).executeUpdate();
    }

    /** {@link #reset} of every credential kind of the user; the rows stay, for the next check to lock. */
    void resetUser(String realmId, String userId) {
        em.createNamedQuery(CredentialAttemptEntity.RESET_USER)
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .executeUpdate();
    }

    /** {@link #reset} of every counter of the realm. */
    void resetRealm(String realmId) {
        em.createNamedQuery(CredentialAttemptEntity.RESET_REALM)
                .setParameter("realmId", realmId)
                .executeUpdate();
    }

    /** The stored row, or null. Reads committed data and takes no lock unless this transaction holds one. */
    CredentialAttemptEntity find(AttemptKey key) {
        return single(bind(em.createNamedQuery(CredentialAttemptEntity.FIND, CredentialAttemptEntity.class), key));
    }

    /** The rows of a removed user go with it. */
    void deleteUser(String realmId, String userId) {
        em.createNamedQuery(CredentialAttemptEntity.DELETE_BY_USER)
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .executeUpdate();
    }

    /** The rows of a removed realm go with it. */
    void deleteRealm(String realmId) {
        em.createNamedQuery(CredentialAttemptEntity.DELETE_BY_REALM)
                .setParameter("realmId", realmId)
                .executeUpdate();
    }

    /** An ended lock cleared, its failures left as the policy says ({@link AttemptPolicy#failuresAfterLock}). */
    private void clearExpiredLock(AttemptKey key, AttemptPolicy policy, long now) {
        bind(em.createNamedQuery(CredentialAttemptEntity.CLEAR_EXPIRED_LOCK), key)
                .setParameter("failuresAfterLock", policy.failuresAfterLock())
                .setParameter("now", now)
                .executeUpdate();
    }

    private Query reserveStatement(AttemptKey key, AttemptPolicy policy, long now, int locksBefore) {
        return bind(em.createNamedQuery(CredentialAttemptEntity.RESERVE), key)
                .setParameter("limit", policy.limit())
                .setParameter("locksBefore", locksBefore)
                .setParameter("lockedUntil", policy.lockedUntil(now, locksBefore))
                .setParameter("now", now);
    }

    /** The one row a query by key finds, detached, or null. */
    private CredentialAttemptEntity single(TypedQuery<CredentialAttemptEntity> query) {
        List<CredentialAttemptEntity> rows = query.getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        CredentialAttemptEntity row = rows.get(0);
        em.detach(row);
        return row;
    }

    private static <Q extends Query> Q bind(Q query, AttemptKey key) {
        query.setParameter("realmId", key.realmId())
                .setParameter("userId", key.userId())
                .setParameter("kind", key.kind());
        return query;
    }
}
