package com.fintechlogin.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The database figures of the report are what the database did: against the local PostgreSQL of the cluster test
 * ({@code scripts/postgres.sh}: role keycloak, password keycloak, port 5432), in a database of this test's own, a known
 * number of row writes reads as exactly that and a known number of transactions as that plus at most an autovacuum
 * worker's visit (PostgreSQL counts its transactions in the database it visits), the reader's own snapshots left out.
 * Skipped where that PostgreSQL is not running.
 */
class PostgresStatisticsTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String CREDENTIALS = "?user=keycloak&password=keycloak";
    private static final String DATABASE = "fintech_bench_statistics_test";
    /** Transactions an autovacuum worker may run in a small database while it checks it. */
    private static final long AUTOVACUUM_VISIT = 6;

    private void createDatabase() throws SQLException {
        try (Connection maintenance = DriverManager.getConnection(SERVER + "postgres" + CREDENTIALS);
                Statement sql = maintenance.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException notRunning) {
            assumeTrue(false, "the local PostgreSQL of scripts/postgres.sh is running: " + notRunning.getMessage());
        }
        try (Connection connection = DriverManager.getConnection(SERVER + DATABASE + CREDENTIALS);
                Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE attempt (id int PRIMARY KEY, failures int)");
        }
    }

    @AfterEach
    void dropDatabase() {
        try (Connection maintenance = DriverManager.getConnection(SERVER + "postgres" + CREDENTIALS);
                Statement sql = maintenance.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        } catch (SQLException notRunning) {
            // nothing was created
        }
    }

    @Test
    void transactionsAndRowWritesBetweenTwoSnapshotsAreCountedExactly() throws SQLException {
        createDatabase();
        try (PostgresStatistics statistics = new PostgresStatistics(SERVER + DATABASE + CREDENTIALS, Duration.ofMillis(1500))) {
            statistics.settle();
            PostgresStatistics.Snapshot before = statistics.snapshot();
            // A client that connects, writes and leaves: 3 inserts, 1 update, 1 read, 5 transactions, and 2 more that
            // PostgreSQL counts for a connection's start and end (Keycloak's pooled connections pay them once).
            try (Connection client = DriverManager.getConnection(SERVER + DATABASE + CREDENTIALS);
                    Statement sql = client.createStatement()) {
                for (int i = 1; i <= 3; i++) {
                    sql.execute("INSERT INTO attempt VALUES (" + i + ", 0)");
                }
                sql.execute("UPDATE attempt SET failures = 1 WHERE id = 2");
                sql.execute("SELECT count(*) FROM attempt");
            }
            statistics.settle();
            PostgresStatistics.Delta delta = statistics.between(before, statistics.snapshot());

            assertThat(delta.transactions()).isBetween(5L + 2, 5L + 2 + AUTOVACUUM_VISIT);
            assertThat(delta.writes()).isEqualTo(new PostgresStatistics.Writes(3, 1, 0));
            assertThat(delta.tables()).containsOnlyKeys("attempt");
            assertThat(statistics.database()).isEqualTo(DATABASE);
            assertThat(statistics.serverVersion()).matches("\\d+(\\.\\d+)?");
        }
    }
}
