package com.fintechlogin.keycloak.it.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * What PostgreSQL itself counts for the cluster's database, read as an operator would: the rows inserted, updated and
 * deleted in the extension's attempt table, and inserted and updated in its caller budget table
 * ({@code pg_stat_user_tables}), and the transactions committed and rolled
 * back in the database ({@code pg_stat_database}).
 *
 * <p>PostgreSQL 15 keeps each backend's counts in the backend until it flushes them: at the end of a transaction, at
 * most once a second, and within 10 seconds ({@code PGSTAT_IDLE_INTERVAL}) of the backend going idle. Keycloak's
 * pooled connections go idle after a burst, so a reading is taken only after that interval has passed without
 * requests ({@link #settled}), with {@code pg_stat_clear_snapshot()} so that this connection's own cached view does
 * not stand in for it.
 */
final class PostgresStatistics implements AutoCloseable {

    /** PostgreSQL 15's PGSTAT_IDLE_INTERVAL, and a second for the flush itself. */
    static final Duration FLUSH_DELAY = Duration.ofSeconds(11);

    /** One reading. */
    record Reading(long attemptInserts, long attemptUpdates, long attemptDeletes, long budgetInserts, long budgetUpdates,
                   long commits, long rollbacks) {

        /**
         * Rows inserted or updated in the caller budget table since {@code before}: a login's counts. Its deletes are the
         * periodic removal of ended windows, no login's.
         */
        long budgetWritesSince(Reading before) {
            return budgetInserts - before.budgetInserts + budgetUpdates - before.budgetUpdates;
        }

        /** Rows written to the attempt table since {@code before}. */
        long attemptWritesSince(Reading before) {
            return attemptInsertsSince(before) + (attemptUpdates - before.attemptUpdates) + (attemptDeletes - before.attemptDeletes);
        }

        long attemptInsertsSince(Reading before) {
            return attemptInserts - before.attemptInserts;
        }

        /** Transactions ended (committed or rolled back) since {@code before}. */
        long transactionsSince(Reading before) {
            return commits + rollbacks - before.commits - before.rollbacks;
        }
    }

    private final Connection connection;

    PostgresStatistics() {
        try {
            connection = DriverManager.getConnection(Postgres.url(), Postgres.ROLE, Postgres.PASSWORD);
        } catch (SQLException e) {
            throw new AssertionError("Cannot read PostgreSQL's statistics: " + e.getMessage(), e);
        }
    }

    /** A reading once every backend has flushed what it counted before this call. */
    Reading settled() throws InterruptedException {
        Thread.sleep(FLUSH_DELAY.toMillis());
        return now();
    }

    /** A reading of what the backends have flushed so far. */
    Reading now() {
        try (Statement sql = connection.createStatement()) {
            sql.execute("SELECT pg_stat_clear_snapshot()");
            long inserts;
            long updates;
            long deletes;
            try (ResultSet table = sql.executeQuery("SELECT n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables"
                    + " WHERE relname = 'fintech_credential_attempt'")) {
                if (!table.next()) {
                    throw new AssertionError("PostgreSQL has no statistics of table fintech_credential_attempt");
                }
                inserts = table.getLong(1);
                updates = table.getLong(2);
                deletes = table.getLong(3);
            }
            long budgetInserts;
            long budgetUpdates;
            try (ResultSet table = sql.executeQuery("SELECT n_tup_ins, n_tup_upd FROM pg_stat_user_tables"
                    + " WHERE relname = 'fintech_caller_budget'")) {
                if (!table.next()) {
                    throw new AssertionError("PostgreSQL has no statistics of table fintech_caller_budget");
                }
                budgetInserts = table.getLong(1);
                budgetUpdates = table.getLong(2);
            }
            try (ResultSet database = sql.executeQuery("SELECT xact_commit, xact_rollback FROM pg_stat_database"
                    + " WHERE datname = current_database()")) {
                database.next();
                return new Reading(inserts, updates, deletes, budgetInserts, budgetUpdates, database.getLong(1),
                        database.getLong(2));
            }
        } catch (SQLException e) {
            throw new AssertionError("Cannot read PostgreSQL's statistics: " + e.getMessage(), e);
        }
    }

    /** The database's connections now, this one left out: the node's pool, what it holds open. */
    int connections() {
        try (Statement sql = connection.createStatement();
             ResultSet count = sql.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                     + " AND pid <> pg_backend_pid()")) {
            count.next();
            return count.getInt(1);
        } catch (SQLException e) {
            throw new AssertionError("Cannot read PostgreSQL's connections: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
