package com.fintechlogin.keycloak.limit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.connections.jpa.util.JpaUtils;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The statements on the caller budget table, in whatever transaction the given entity manager is in. The budgets run
 * failures' writes in short transactions of their own ({@link CallerBudgets}); a success is counted in the login's own
 * transaction, at its end ({@link #countSuccesses}).
 */
final class CallerBudgetStore {

    /** What a reservation found: counted in the window ending at {@code windowEnd}, or refused until then. */
    record Reserved(boolean counted, long windowEnd) {
    }

    static final String TABLE = "FINTECH_CALLER_BUDGET";

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

    /** The stored rows of {@code callers} of {@code realmId}, detached, by caller; one SELECT. */
    Map<String, CallerBudgetEntity> findAll(String realmId, Collection<String> callers) {
        Map<String, CallerBudgetEntity> rows = new HashMap<>();
        if (callers.isEmpty()) {
            return rows;
        }
        for (CallerBudgetEntity row : em.createNamedQuery(CallerBudgetEntity.FIND_ALL, CallerBudgetEntity.class)
                .setParameter("realmId", realmId).setParameter("callers", callers).getResultList()) {
            em.detach(row);
            rows.put(row.getCaller(), row);
        }
        return rows;
    }

    /**
     * Counts one completed login in each of {@code keys} (one realm's, at most two: the address's row first, then the
     * client's shard), in the transaction the entity manager is in: one UPDATE of the rows believed to exist
     * ({@code keys} but {@code knownAbsent}), then an INSERT of each row that was missing. The window is {@code windowEnd}'s: a row whose window ended starts the new one at 1.
     *
     * <p>Nothing here may abort the login's transaction: on PostgreSQL any failed statement does, so the whole count
     * runs under a savepoint, and each INSERT under one of its own, since a concurrent first login of the same caller
     * may insert the row first (a unique violation; then the row is there and is updated instead). A failure is rolled
     * back to the outer savepoint and thrown, for the caller to log. Native SQL, on the connection of the entity
     * manager's transaction (JPA has no savepoints); the table named as Keycloak's own native queries name theirs, so
     * that a database schema option applies.
     *
     * @return rows counted
     */
    int countSuccesses(List<CallerKey> keys, CallerKey knownAbsent, long now, long windowEnd) {
        String table = JpaUtils.getTableNameForNativeQuery(TABLE, em);
        // Thrown SQLExceptions come back wrapped in a PersistenceException. The statements run on the database's own
        // connection, unwrapped from the pool's: Keycloak's pool (Agroal) refuses a rollback to a savepoint on a
        // connection enlisted in a JTA transaction, and marks the connection broken, though the database (and
        // Keycloak's non-XA datasource, one connection per transaction) take it as any statement of the transaction.
        return em.callWithConnection((Connection pooled) -> new SuccessCount(pooled.unwrap(Connection.class), table, now,
                windowEnd).count(keys, knownAbsent));
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

    /** The statements of one {@link #countSuccesses}, on the login transaction's connection. */
    private record SuccessCount(Connection connection, String table, long now, long windowEnd) {

        private static final String H2_CONCURRENT_UPDATE = "90131";

        int count(List<CallerKey> keys, CallerKey knownAbsent) throws SQLException {
            Savepoint outer = connection.setSavepoint();
            try {
                int counted = countUnder(keys, knownAbsent);
                connection.releaseSavepoint(outer);
                return counted;
            } catch (SQLException | RuntimeException failed) {
                connection.rollback(outer);
                throw failed;
            }
        }

        private int countUnder(List<CallerKey> keys, CallerKey knownAbsent) throws SQLException {
            List<CallerKey> updated = new ArrayList<>(keys);
            updated.remove(knownAbsent);
            List<CallerKey> inserted = new ArrayList<>();
            if (knownAbsent != null && keys.contains(knownAbsent)) {
                inserted.add(knownAbsent);
            }
            int counted = update(updated);
            if (counted < updated.size()) {
                if (counted == 0) {
                    inserted.addAll(updated);
                } else {
                    // One of two rows was missing, and a count does not say which: the second (a client's shard, whose
                    // existence the admission never read) is the usual one. Its INSERT succeeding proves it was absent,
                    // so the UPDATE counted the first; a unique violation leaves both cases open, and the first row's
                    // existence decides (it could have gone only as an ended window's, under the cleanup).
                    CallerKey second = updated.get(1);
                    if (insertNew(second)) {
                        counted++;
                    } else if (exists(updated.get(0))) {
                        counted += update(List.of(second));
                    } else {
                        inserted.add(updated.get(0));
                    }
                }
            }
            for (CallerKey key : inserted) {
                // A unique violation: a concurrent first login inserted it meanwhile, and it is there to update.
                counted += insertNew(key) ? 1 : update(List.of(key));
            }
            return counted;
        }

        /** One statement for every row of {@code keys}; the rows it changed. */
        private int update(List<CallerKey> keys) throws SQLException {
            if (keys.isEmpty()) {
                return 0;
            }
            // SUCCESSES is assigned before WINDOW_END, so that both read the old WINDOW_END on MySQL/MariaDB too.
            String sql = "UPDATE " + table + " SET SUCCESSES = CASE WHEN WINDOW_END <= ? THEN 1 ELSE SUCCESSES + 1 END,"
                    + " WINDOW_END = CASE WHEN WINDOW_END <= ? THEN ? ELSE WINDOW_END END"
                    + " WHERE REALM_ID = ? AND CALLER IN (" + String.join(", ", keys.stream().map(key -> "?").toList()) + ")";
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                update.setLong(1, now);
                update.setLong(2, now);
                update.setLong(3, windowEnd);
                update.setString(4, keys.get(0).realmId());
                for (int i = 0; i < keys.size(); i++) {
                    update.setString(5 + i, keys.get(i).caller());
                }
                return update.executeUpdate();
            }
        }

        /** The row of {@code key} inserted with its first success; false when it exists already (nothing changed). */
        private boolean insertNew(CallerKey key) throws SQLException {
            Savepoint beforeInsert = connection.setSavepoint();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                    + " (ID, REALM_ID, CALLER, FAILURES, SUCCESSES, WINDOW_END, NOTED_WINDOW_END) VALUES (?, ?, ?, 0, 1, ?, 0)")) {
                insert.setString(1, KeycloakModelUtils.generateId());
                insert.setString(2, key.realmId());
                insert.setString(3, key.caller());
                insert.setLong(4, windowEnd);
                insert.executeUpdate();
            } catch (SQLException notInserted) {
                connection.rollback(beforeInsert);
                if (isIntegrityViolation(notInserted)) {
                    return false;
                }
                throw notInserted;
            }
            connection.releaseSavepoint(beforeInsert);
            return true;
        }

        private boolean exists(CallerKey key) throws SQLException {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT 1 FROM " + table + " WHERE REALM_ID = ? AND CALLER = ?")) {
                select.setString(1, key.realmId());
                select.setString(2, key.caller());
                try (var rows = select.executeQuery()) {
                    return rows.next();
                }
            }
        }

        /**
         * SQLSTATE class 23: the unique constraint, on every database Keycloak supports; and H2's report of an INSERT
         * that waited for another transaction's uncommitted row of the same key ({@value #H2_CONCURRENT_UPDATE}, under a
         * lock timeout), which H2 gives instead of the duplicate key once that transaction committed.
         */
        private static boolean isIntegrityViolation(SQLException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && sql.getSQLState() != null
                        && (sql.getSQLState().startsWith("23") || sql.getSQLState().equals(H2_CONCURRENT_UPDATE))) {
                    return true;
                }
            }
            return false;
        }
    }
}
