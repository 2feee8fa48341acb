package com.fintechlogin.keycloak.limit;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The statements on the attempt table, run in whatever transaction the given entity manager is in.
 *
 * <p>The exactness of the limit rests on {@link #tryReserve}: an attempt is counted only by the conditional
 * UPDATE {@link CredentialAttemptEntity#RESERVE} ({@code failures = failures + 1 ... where ... failures < limit
 * and not locked}, which also decides, in the same statement, whether the lock it may set lasts), or by the one
 * insert of a key's first row that the unique constraint lets through. A concurrent UPDATE of the same row waits for the row lock and then re-checks its WHERE clause against the
 * committed row (PostgreSQL READ COMMITTED, H2 MVStore), so of N concurrent reservations against limit L at most
 * L are counted; every other answer is LOCKED or a retry, never a reservation.
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
     * Reserves one attempt, answers LOCKED, or answers null when the row changed between the statements (it
     * appeared, was reset or its lock ran out in between) and the caller must try again in a new transaction,
     * whose statements see the change. Inserting the first row of a key flushes at once, so that a concurrent
     * insert of the same key fails here as a {@link org.keycloak.models.ModelDuplicateException} (Keycloak's
     * entity manager converts it); the caller retries that too, and finds the row.
     */
    Reservation tryReserve(AttemptKey key, AttemptPolicy policy, long now) {
        long lockIfReached = policy.lockEnd(now);
        bind(em.createNamedQuery(CredentialAttemptEntity.CLEAR_EXPIRED_LOCK), key)
                .setParameter("now", now)
                .executeUpdate();
        int counted = bind(em.createNamedQuery(CredentialAttemptEntity.RESERVE), key)
                .setParameter("limit", policy.limit())
                .setParameter("temporaryLocks", policy.temporaryLocks())
                .setParameter("untilAdminUnlock", AttemptStatus.UNTIL_ADMIN_UNLOCK)
                .setParameter("lockedUntil", lockIfReached)
                .setParameter("now", now)
                .executeUpdate();
        CredentialAttemptEntity row = find(key);
        if (counted == 1) {
            // The UPDATE took the row lock, held until commit: the row read is this reservation's.
            return new Reservation(Reservation.Outcome.RESERVED, row.getFailures(), policy.limit(),
                    row.getLockedUntil(), row.getLockouts());
        }
        if (row == null) {
            boolean reached = policy.limit() == 1;
            long lockedUntil = reached ? policy.lockedUntil(now, 0) : AttemptStatus.NOT_LOCKED;
            int lockouts = reached ? 1 : 0;
            em.persist(new CredentialAttemptEntity(KeycloakModelUtils.generateId(), key, 1, lockedUntil, lockouts, now));
            em.flush();
            return new Reservation(Reservation.Outcome.RESERVED, 1, policy.limit(), lockedUntil, lockouts);
        }
        if (row.getLockedUntil() > now) {
            return new Reservation(Reservation.Outcome.LOCKED, row.getFailures(), policy.limit(),
                    row.getLockedUntil(), row.getLockouts());
        }
        if (row.getLockedUntil() == AttemptStatus.NOT_LOCKED && row.getFailures() >= policy.limit()) {
            int locked = bind(em.createNamedQuery(CredentialAttemptEntity.LOCK_OVER_LIMIT), key)
                    .setParameter("limit", policy.limit())
                    .setParameter("temporaryLocks", policy.temporaryLocks())
                    .setParameter("untilAdminUnlock", AttemptStatus.UNTIL_ADMIN_UNLOCK)
                    .setParameter("lockedUntil", lockIfReached)
                    .executeUpdate();
            if (locked == 1) {
                // Read again under the row lock the UPDATE took, past the entity manager's copy (bulk updates
                // bypass it): whether the lock escalated was decided in the database.
                em.refresh(row);
                return new Reservation(Reservation.Outcome.LOCKED, row.getFailures(), policy.limit(),
                        row.getLockedUntil(), row.getLockouts());
            }
        }
        return null;
    }

    /** Clears the failures, any lock and the count of consecutive locks; no write when the counter is already clean. */
    void reset(AttemptKey key) {
        bind(em.createNamedQuery(CredentialAttemptEntity.RESET), key).executeUpdate();
    }

    /** The stored row, or null. Reads committed data and takes no lock unless this transaction holds one. */
    CredentialAttemptEntity find(AttemptKey key) {
        List<CredentialAttemptEntity> rows = bind(
                em.createNamedQuery(CredentialAttemptEntity.FIND, CredentialAttemptEntity.class), key)
                .getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    void deleteUser(String realmId, String userId) {
        em.createNamedQuery(CredentialAttemptEntity.DELETE_BY_USER)
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .executeUpdate();
    }

    void deleteRealm(String realmId) {
        em.createNamedQuery(CredentialAttemptEntity.DELETE_BY_REALM)
                .setParameter("realmId", realmId)
                .executeUpdate();
    }

    private static <Q extends Query> Q bind(Q query, AttemptKey key) {
        query.setParameter("realmId", key.realmId())
                .setParameter("userId", key.userId())
                .setParameter("kind", key.kind());
        return query;
    }
}
