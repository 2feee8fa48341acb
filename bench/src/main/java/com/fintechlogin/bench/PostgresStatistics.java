package com.fintechlogin.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;

/**
 * PostgreSQL's own count of what Keycloak's database did: transactions ({@code pg_stat_database}: commits and
 * rollbacks) and rows written per table ({@code pg_stat_user_tables}: inserted, updated, deleted). Read before and
 * after a counted number of logins, the difference per login is what a login costs the database, whoever wrote it
 * (the extension's attempt table, Keycloak's sessions, events, brute-force records).
 *
 * <p>Two things make the difference exact. A backend sends its counts to the statistics at the end of a transaction
 * at most once a second, else once it has been idle for 10 seconds (PostgreSQL 15's {@code PGSTAT_IDLE_INTERVAL}),
 * so {@link #settle} waits longer than that after the last login before a snapshot. And each snapshot is one
 * statement in a transaction of its own, which the next difference holds and {@link #between} subtracts. What the
 * server does meanwhile without any login (autovacuum visits, the cluster's discovery table) is in every difference
 * too; {@link #idle} measures it so the report can show how little it is.
 */
final class PostgresStatistics implements AutoCloseable {

    /** Rows one table saw written. */
    record Writes(long inserted, long updated, long deleted) {

        static final Writes NONE = new Writes(0, 0, 0);

        long total() {
            return inserted + updated + deleted;
        }

        Writes minus(Writes other) {
            return new Writes(inserted - other.inserted, updated - other.updated, deleted - other.deleted);
        }
    }

    /** The counters at one moment. */
    record Snapshot(long nanoTime, long transactions, Map<String, Writes> tables) {

        Writes allTables() {
            return tables.values().stream().reduce(Writes.NONE,
                    (a, b) -> new Writes(a.inserted + b.inserted, a.updated + b.updated, a.deleted + b.deleted));
        }
    }

    /** What the database did between two snapshots, this reader's own transaction taken out. */
    record Delta(double seconds, long transactions, Writes writes, Map<String, Writes> tables) {
    }

    /** How long after the last login a snapshot waits: longer than an idle backend keeps its counts. */
    static final Duration FLUSHED = Duration.ofSeconds(12);

    private final Duration flushed;
    private final String database;
    private final Connection connection;

    /**
     * @param jdbcUrl e.g. {@code jdbc:postgresql://127.0.0.1:5432/keycloak_bench?user=keycloak&password=keycloak}:
     *                Keycloak's database; the role needs no rights beyond reading the statistics views
     */
    PostgresStatistics(String jdbcUrl) throws SQLException {
        this(jdbcUrl, FLUSHED);
    }

    /** @param flushed the wait of {@link #settle}; shorter than {@link #FLUSHED} only where every writer has disconnected */
    PostgresStatistics(String jdbcUrl, Duration flushed) throws SQLException {
        this.flushed = flushed;
        this.connection = DriverManager.getConnection(jdbcUrl);
        this.database = connection.getCatalog();
    }

    String database() {
        return database;
    }

    /** The server's version, e.g. {@code 15.18}. */
    String serverVersion() throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery("SHOW server_version")) {
            rows.next();
            return rows.getString(1).split(" ")[0];
        }
    }

    /** What the server does over {@code duration} without a login: the background every difference also holds. */
    Delta idle(Duration duration) throws SQLException {
        settle();
        Snapshot before = snapshot();
        LockSupport.parkNanos(duration.toNanos());
        settle();
        return between(before, snapshot());
    }

    /** Waits until every backend has sent the counts of what it did so far. */
    void settle() {
        LockSupport.parkNanos(flushed.toNanos());
    }

    /**
     * One statement, in a transaction of its own, that reads the database's transactions and every table's writes:
     * one transaction exactly, which {@link #between} subtracts.
     */
    Snapshot snapshot() throws SQLException {
        long transactions = -1;
        Map<String, Writes> tables = new TreeMap<>();
        try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery(
                "SELECT NULL, xact_commit + xact_rollback, 0, 0 FROM pg_stat_database WHERE datname = current_database() "
                        + "UNION ALL SELECT relname, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables")) {
            while (rows.next()) {
                if (rows.getString(1) == null) {
                    transactions = rows.getLong(2);
                } else {
                    tables.put(rows.getString(1), new Writes(rows.getLong(2), rows.getLong(3), rows.getLong(4)));
                }
            }
        }
        if (transactions < 0) {
            throw new SQLException("pg_stat_database has no row for " + database);
        }
        return new Snapshot(System.nanoTime(), transactions, Map.copyOf(tables));
    }

    /** After minus before, less the "before" snapshot's own transaction (which the after snapshot's settling let through). */
    Delta between(Snapshot before, Snapshot after) {
        double seconds = (after.nanoTime() - before.nanoTime()) / 1e9;
        Map<String, Writes> tables = new TreeMap<>();
        after.tables().forEach((name, writes) -> {
            Writes delta = writes.minus(before.tables().getOrDefault(name, Writes.NONE));
            if (delta.total() != 0) {
                tables.put(name, delta);
            }
        });
        return new Delta(seconds, after.transactions() - before.transactions() - 1,
                after.allTables().minus(before.allTables()), Map.copyOf(tables));
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
