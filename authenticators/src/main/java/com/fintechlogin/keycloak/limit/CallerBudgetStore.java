package com.fintechlogin.keycloak.limit;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The statements on the caller budget table, in whatever transaction the given entity manager is in; the budgets run
 * them in short transactions of their own ({@link CallerBudgets}), never in the login request's.
 */
final class CallerBudgetStore {

    /** What a reservation found: counted in the window ending at {@code windowEnd}, or refused until then. */
    record Reserved(boolean counted, long windowEnd) {
    }

    private final EntityManager em;

    CallerBudgetStore(EntityManager em) {
        this.em = em;
    }

    static CallerBudgetStore of(KeycloakSession session) {
        return new CallerBudgetStore(session.getProvider(JpaConnectionProvider.class).getEntityManager());
    }

    /**
     * Counts one failure of {@code key} if its window has room (or has ended: then it is the first of a new window),
     * else refuses it. A key's first failure ever inserts its row, flushed at once so that a concurrent first insert
     * fails here as a {@link org.keycloak.models.ModelDuplicateException} (Keycloak's entity manager converts it) and
     * the caller retries in a new transaction, which finds the row. Null when the row changed between the statements
     * (inserted by a concurrent first failure, or removed as ended meanwhile) and the caller must try again.
     */
    Reserved tryReserve(CallerKey key, FailureBudget budget, long now) {
        int counted = bind(em.createNamedQuery(CallerBudgetEntity.RESERVE), key)
                .setParameter("now", now)
                .setParameter("windowEnd", budget.windowEnd(now))
                .setParameter("limit", budget.limit())
                .executeUpdate();
        CallerBudgetEntity row = find(key);
        if (counted == 1) {
            // The UPDATE holds the row lock until this transaction ends: the row read is this reservation's.
            return new Reserved(true, row.getWindowEnd());
        }
        if (row == null) {
            CallerBudgetEntity first = new CallerBudgetEntity(KeycloakModelUtils.generateId(), key, 1, budget.windowEnd(now));
            em.persist(first);
            em.flush();
            em.detach(first);
            return new Reserved(true, first.getWindowEnd());
        }
        // Refused only by a full window: a row with room that the UPDATE missed was inserted by a concurrent first
        // failure after the UPDATE looked, or its window ended meanwhile; the caller tries again and the UPDATE finds it.
        return row.getWindowEnd() > now && row.getFailures() >= budget.limit() ? new Reserved(false, row.getWindowEnd())
                : null;
    }

    /** Gives back one failure reserved in the window ending at {@code windowEnd}; nothing if that window is gone. */
    void refund(CallerKey key, long windowEnd) {
        bind(em.createNamedQuery(CallerBudgetEntity.REFUND), key)
                .setParameter("windowEnd", windowEnd)
                .executeUpdate();
    }

    /**
     * Notes that a refusal of {@code key} in the window ending at {@code windowEnd} was recorded; whether this call is
     * the one that noted it (the first of that window, on any node).
     */
    boolean noteRefusal(CallerKey key, long windowEnd) {
        return bind(em.createNamedQuery(CallerBudgetEntity.NOTE_REFUSAL), key)
                .setParameter("windowEnd", windowEnd)
                .executeUpdate() == 1;
    }

    /** The stored row, detached, or null. */
    CallerBudgetEntity find(CallerKey key) {
        List<CallerBudgetEntity> rows = bind(em.createNamedQuery(CallerBudgetEntity.FIND, CallerBudgetEntity.class), key)
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        CallerBudgetEntity row = rows.get(0);
        em.detach(row);
        return row;
    }

    /** Removes the rows whose window ended before {@code now}; how many. */
    int deleteEnded(long now) {
        return em.createNamedQuery(CallerBudgetEntity.DELETE_ENDED).setParameter("now", now).executeUpdate();
    }

    void deleteRealm(String realmId) {
        em.createNamedQuery(CallerBudgetEntity.DELETE_BY_REALM).setParameter("realmId", realmId).executeUpdate();
    }

    private static <Q extends Query> Q bind(Q query, CallerKey key) {
        query.setParameter("realmId", key.realmId()).setParameter("caller", key.caller());
        return query;
    }
}
