package com.fintechlogin.bench;

import java.net.URI;
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
 * at most once a second, else once it has been idle for 10 seconds, so {@link #awaitQuiet} waits until the counts
 * have not moved for longer than that. This
 * reader's own polling runs on a connection to another database ({@code postgres}), so it never counts; its snapshots
 * of the tables (which only a connection to the database itself can read) are one transaction each, and the one
 * transaction of the "before" snapshot is subtracted. What Keycloak does while idle (its cluster's discovery table,
 * timers) is in every difference too; {@link #idle} measures it so the report can show how little it is.
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

    /** What the database did between two snapshots, with the idle background and this reader's own share taken out. */
    record Delta(double seconds, long transactions, Writes writes, Map<String, Writes> tables) {
    }

    /**
     * Counts must stand still this long before a snapshot. A backend that has flushed in the last second keeps its
     * counts and goes idle with a 10-second timer (PostgreSQL 15's {@code PGSTAT_IDLE_INTERVAL}) before it sends them,
     * so a shorter stillness can end just before a late batch lands.
     */
    static final Duration QUIET = Duration.ofSeconds(11);
    private static final Duration MOST_WAIT = Duration.ofSeconds(90);
    private static final Duration POLL = Duration.ofMillis(250);

    private final Duration quiet;
    private final String database;
    private final Connection target;
    private final Connection maintenance;

    /**
     * @param jdbcUrl e.g. {@code jdbc:postgresql://127.0.0.1:5432/keycloak_bench?user=keycloak&password=keycloak}:
     *                Keycloak's database; the role needs no rights beyond reading the statistics views
     */
    PostgresStatistics(String jdbcUrl) throws SQLException {
        this(jdbcUrl, QUIET);
    }

    /** @param quiet how long the counters must stand still; shorter than {@link #QUIET} only where no backend stays idle */
    PostgresStatistics(String jdbcUrl, Duration quiet) throws SQLException {
        this.quiet = quiet;
        this.target = DriverManager.getConnection(jdbcUrl);
        this.database = target.getCatalog();
        this.maintenance = DriverManager.getConnection(otherDatabase(jdbcUrl, "postgres"));
    }

    /** The same server and parameters, another database. */
    static String otherDatabase(String jdbcUrl, String other) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return "jdbc:" + uri.getScheme() + "://" + uri.getRawAuthority() + "/" + other + query;
    }

    String database() {
        return database;
    }

    /** The server's version, e.g. {@code 15.18}. */
    String serverVersion() throws SQLException {
        try (Statement sql = maintenance.createStatement(); ResultSet rows = sql.executeQuery("SHOW server_version")) {
            rows.next();
            return rows.getString(1).split(" ")[0];
        }
    }

    /** What the idle server does over {@code duration}: the background every other difference also holds. */
    Delta idle(Duration duration) throws SQLException {
        awaitQuiet();
        Snapshot before = snapshot();
        LockSupport.parkNanos(duration.toNanos());
        awaitQuiet();
        return between(before, snapshot());
    }

    /** Waits until the database's counters have stood still for the quiet time, or 90 seconds have passed. */
    void awaitQuiet() throws SQLException {
        long deadline = System.nanoTime() + MOST_WAIT.toNanos();
        String last = databaseCounters();
        long stillSince = System.nanoTime();
        while (System.nanoTime() - stillSince < quiet.toNanos() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL.toNanos());
            String now = databaseCounters();
            if (!now.equals(last)) {
                last = now;
                stillSince = System.nanoTime();
            }
        }
    }

    /**
     * One statement, in a transaction of its own, that reads the database's transactions and every table's writes:
     * one transaction exactly, which {@link #between} subtracts.
     */
    Snapshot snapshot() throws SQLException {
        long transactions = -1;
        Map<String, Writes> tables = new TreeMap<>();
        try (Statement sql = target.createStatement(); ResultSet rows = sql.executeQuery(
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

    /** After minus before, less the "before" snapshot's own transaction. */
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

    private String databaseCounters() throws SQLException {
        try (Statement sql = maintenance.createStatement(); ResultSet rows = sql.executeQuery(
                "SELECT xact_commit, xact_rollback, tup_inserted, tup_updated, tup_deleted FROM pg_stat_database WHERE datname = '"
                        + database.replace("'", "''") + "'")) {
            return rows.next() ? rows.getString(1) + "/" + rows.getString(2) + "/" + rows.getString(3) + "/"
                    + rows.getString(4) + "/" + rows.getString(5) : "";
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            target.close();
        } finally {
            maintenance.close();
        }
    }
}
