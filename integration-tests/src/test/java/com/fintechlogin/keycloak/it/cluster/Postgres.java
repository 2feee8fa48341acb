package com.fintechlogin.keycloak.it.cluster;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The cluster's one database: a local PostgreSQL prepared by {@code scripts/postgres.sh} (run only when the role
 * cannot connect), and the cluster's database recreated empty for every run.
 */
public final class Postgres {

    public static final String ROLE = "keycloak";
    public static final String PASSWORD = "keycloak";
    static final String DATABASE = "keycloak_cluster";
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private Postgres() {
    }

    /** The JDBC URL the nodes use. */
    static String url() {
        return url(DATABASE);
    }

    /** The JDBC URL of another database of the same server. */
    public static String url(String database) {
        return SERVER + database;
    }

    /** Makes PostgreSQL ready (installing and starting it through the script when needed) and the database empty. */
    static void recreateDatabase(Path script, Path log) {
        recreateDatabase(DATABASE, script, log);
    }

    /** As {@link #recreateDatabase(Path, Path)}, for another database of the same role. */
    public static void recreateDatabase(String database, Path script, Path log) {
        if (!canConnect()) {
            Commands.run(List.of("bash", script.toString()), script.getParent(), Map.of(), log, Duration.ofMinutes(10));
        }
        try (Connection connection = maintenanceConnection(); Statement sql = connection.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + database + " OWNER " + ROLE);
        } catch (SQLException e) {
            throw new AssertionError("Could not recreate database " + database + " as role " + ROLE + ": " + e.getMessage(), e);
        }
    }

    private static boolean canConnect() {
        try (Connection ignored = maintenanceConnection()) {
            return true;
        } catch (SQLException e) {
            // Not installed, not started, or no such role yet: what the script is for.
            return false;
        }
    }

    /** A connection to the {@code postgres} database, from which the cluster's database can be dropped. */
    private static Connection maintenanceConnection() throws SQLException {
        return DriverManager.getConnection(SERVER + "postgres", ROLE, PASSWORD);
    }
}
