package com.fintechlogin.keycloak.limit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Savepoint;
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

    /**
     * What a reservation found: counted in the window ending at {@code windowEnd}, or refused until then;
     * {@code failures}: the row's count after it.
     */
    record Reserved(boolean counted, long windowEnd, int failures) {
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
            return new Reserved(true, row.getWindowEnd(), row.getFailures());
        }
        if (row == null) {
            CallerBudgetEntity first = new CallerBudgetEntity(KeycloakModelUtils.generateId(), key, 1, budget.windowEnd(now));
            em.persist(first);
            em.flush();
            em.detach(first);
            return new Reserved(true, first.getWindowEnd(), 1);
        }
        // Refused only by a full window: a row with room that the UPDATE missed was inserted by a concurrent first
        // failure after the UPDATE looked, or its window ended meanwhile; the caller tries again and the UPDATE finds it.
        return row.getWindowEnd() > now && row.getFailures() >= budget.limit()
                ? new Reserved(false, row.getWindowEnd(), row.getFailures())
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

    /** The stored row, or null. */
    CallerBudgetEntity find(CallerKey key) {
        return findAll(key.realmId(), List.of(key.caller())).get(key.caller());
    }

    /**
     * The stored rows of {@code callers} of {@code realmId}, by caller, as values (never managed); one SELECT. Every
     * login that the budgets admit asks this first, so it is plain JDBC on the transaction's connection: through
     * Hibernate the IN list's query was translated anew on each call, the row hydrated into the persistence context
     * and the statement given a timer for the transaction's timeout — in the benchmark on PostgreSQL, the admission
     * read cost more than the rest of Get Token's database work.
     */
    Map<String, CallerBudgetEntity> findAll(String realmId, Collection<String> callers) {
        Map<String, CallerBudgetEntity> rows = new HashMap<>();
        if (callers.isEmpty()) {
            return rows;
        }
        String sql = "SELECT CALLER, FAILURES, SUCCESSES, WINDOW_END, NOTED_WINDOW_END FROM "
                + JpaUtils.getTableNameForNativeQuery(TABLE, em) + " WHERE REALM_ID = ? AND CALLER IN ("
                + String.join(", ", java.util.Collections.nCopies(callers.size(), "?")) + ")";
        return em.callWithConnection((Connection connection) -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, realmId);
                int index = 2;
                for (String caller : callers) {
                    select.setString(index++, caller);
                }
                try (ResultSet found = select.executeQuery()) {
                    while (found.next()) {
                        CallerBudgetEntity row = CallerBudgetEntity.read(realmId, found.getString(1), found.getInt(2),
                                found.getInt(3), found.getLong(4), found.getLong(5));
                        rows.put(row.getCaller(), row);
                    }
                }
            }
            return rows;
        });
    }

    /**
     * Adds each of {@code tallies} to its row (one realm's, at most two: the address's row first, then the client's
     * shard), in the transaction the entity manager is in: per row, in that order, an UPDATE, and an INSERT if the row
     * was missing ({@code knownAbsent}, which the admission read, is inserted without the UPDATE). The window is
     * {@code windowEnd}'s: a row whose window ended starts the new one at the tally. A tally with a watch
     * ({@link Tally#watchFrom()}) is added by an UPDATE that changes its row only while the row stays under it; a row
     * at or over it, or inserted at or over it, is reported ({@link Counted#watchReached()}), and costs a second
     * UPDATE ({@code knownPresent}, which the admission read, goes to it without the INSERT).
     *
     * <p>Nothing here may abort the login's transaction: on PostgreSQL any failed statement does, so the whole count
     * runs under a savepoint, and each INSERT under one of its own, since a concurrent first login of the same caller
     * may insert the row first (a unique violation; then the row is there and is updated instead). A failure is rolled
     * back to the outer savepoint and thrown, for the caller to log. Native SQL, on the connection of the entity
     * manager's transaction (JPA has no savepoints); the table named as Keycloak's own native queries name theirs, so
     * that a database schema option applies.
     *
     * @return rows counted, and whether a watched row reached its watch
     */
    Counted countSuccesses(List<Tally> tallies, CallerKey knownAbsent, CallerKey knownPresent, long now, long windowEnd) {
        String table = JpaUtils.getTableNameForNativeQuery(TABLE, em);
        // A thrown SQLException comes back wrapped in a plain RuntimeException (Hibernate 7.2's callWithConnection wraps
        // whatever the function throws), its cause the database's. The statements run on the database's own
        // connection, unwrapped from the pool's: Keycloak's pool (Agroal) refuses a rollback to a savepoint on a
        // connection enlisted in a JTA transaction, and marks the connection broken, though the database (and
        // Keycloak's non-XA datasource, one connection per transaction) take it as any statement of the transaction.
        return em.callWithConnection((Connection pooled) -> new SuccessCount(pooled.unwrap(Connection.class), table, now,
                windowEnd).count(tallies, knownAbsent, knownPresent));
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

    /**
     * What one login adds to one success row: 1, or a sampled budget's weight ({@link SuccessSampling}); from
     * {@code watchFrom} successes on, its caller is to be {@link Watchlist watched} (0: never).
     */
    record Tally(CallerKey key, int amount, int watchFrom) {
    }

    /** What a {@link #countSuccesses} did: rows counted; whether a tally's row is at or over its watch. */
    record Counted(int rows, boolean watchReached) {
    }

    /** The statements of one {@link #countSuccesses}, on the login transaction's connection. */
    private record SuccessCount(Connection connection, String table, long now, long windowEnd) {

        private static final String H2_CONCURRENT_UPDATE = "90131";

        Counted count(List<Tally> tallies, CallerKey knownAbsent, CallerKey knownPresent) throws SQLException {
            Savepoint outer = connection.setSavepoint();
            try {
                Counted counted = countUnder(tallies, knownAbsent, knownPresent);
                release(outer);
                return counted;
            } catch (SQLException | RuntimeException failed) {
                connection.rollback(outer);
                throw failed;
            }
        }

        /**
         * One statement per row, in the order of {@code keys}: the address's row first, always, as its key sorts first
         * in the unique index. Two logins that locked their rows in different orders (one UPDATE of both rows locks them
         * in whatever order the plan visits them, a scan of a small table in storage order; an INSERT of a missing
         * address row after the shard's UPDATE) could deadlock, and the database would drop one count. A second round
         * trip is the price, inside the transaction and after its flush.
         */
        private Counted countUnder(List<Tally> tallies, CallerKey knownAbsent, CallerKey knownPresent) throws SQLException {
            int counted = 0;
            boolean reached = false;
            for (Tally tally : tallies) {
                boolean watched = tally.watchFrom() > 0;
                boolean absent = tally.key().equals(knownAbsent);
                if (!absent && update(tally, true)) {
                    counted++;
                } else if (watched && tally.key().equals(knownPresent) && update(tally, false)) {
                    // There, and at or over its watch: the conditional UPDATE left it alone.
                    counted++;
                    reached = true;
                } else if (insertNew(tally)) {
                    counted++;
                    reached |= watched && tally.amount() >= tally.watchFrom();
                } else if (update(tally, false)) {
                    // There after all: a concurrent first login inserted it meanwhile (a unique violation), or it is
                    // at or over its watch. Neither inserted nor updated: removed meanwhile as an ended window's, by
                    // the cleanup.
                    counted++;
                    reached |= watched;
                }
            }
            return new Counted(counted, reached);
        }

        /**
         * Releases a savepoint whose statements succeeded. Oracle's and SQL Server's drivers do not support releasing
         * one (their savepoints end with the transaction): that refusal is no failure of the count, which must not be
         * rolled back for it.
         */
        private void release(Savepoint savepoint) throws SQLException {
            try {
                connection.releaseSavepoint(savepoint);
            } catch (SQLFeatureNotSupportedException keptUntilTheCommit) {
                // Nothing to do: the savepoint goes with the transaction.
            }
        }

        /**
         * The tally added to its row; whether the row was there. {@code underWatch}, for a tally with a watch: only
         * while the row stays under it (a row whose window ended starts anew under it).
         */
        private boolean update(Tally tally, boolean underWatch) throws SQLException {
            boolean conditional = underWatch && tally.watchFrom() > 0;
            // SUCCESSES is assigned before WINDOW_END, so that both read the old WINDOW_END on MySQL/MariaDB too.
            String sql = "UPDATE " + table + " SET SUCCESSES = CASE WHEN WINDOW_END <= ? THEN ? ELSE SUCCESSES + ? END,"
                    + " WINDOW_END = CASE WHEN WINDOW_END <= ? THEN ? ELSE WINDOW_END END"
                    + " WHERE REALM_ID = ? AND CALLER = ?"
                    // A row whose window ended starts anew at the tally: under the watch only if the tally is.
                    + (conditional ? " AND (" + (tally.amount() < tally.watchFrom() ? "WINDOW_END <= ? OR " : "")
                            + "(WINDOW_END > ? AND SUCCESSES + ? < ?))" : "");
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                update.setLong(1, now);
                update.setInt(2, tally.amount());
                update.setInt(3, tally.amount());
                update.setLong(4, now);
                update.setLong(5, windowEnd);
                update.setString(6, tally.key().realmId());
                update.setString(7, tally.key().caller());
                if (conditional) {
                    int index = 8;
                    if (tally.amount() < tally.watchFrom()) {
                        update.setLong(index++, now);
                    }
                    update.setLong(index++, now);
                    update.setInt(index++, tally.amount());
                    update.setInt(index, tally.watchFrom());
                }
                return update.executeUpdate() == 1;
            }
        }

        /** The tally's row inserted with it; false when the row exists already (nothing changed). */
        private boolean insertNew(Tally tally) throws SQLException {
            Savepoint beforeInsert = connection.setSavepoint();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                    + " (ID, REALM_ID, CALLER, FAILURES, SUCCESSES, WINDOW_END, NOTED_WINDOW_END) VALUES (?, ?, ?, 0, ?, ?, 0)")) {
                insert.setString(1, KeycloakModelUtils.generateId());
                insert.setString(2, tally.key().realmId());
                insert.setString(3, tally.key().caller());
                insert.setInt(4, tally.amount());
                insert.setLong(5, windowEnd);
                insert.executeUpdate();
            } catch (SQLException notInserted) {
                connection.rollback(beforeInsert);
                if (isIntegrityViolation(notInserted)) {
                    return false;
                }
                throw notInserted;
            }
            release(beforeInsert);
            return true;
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
