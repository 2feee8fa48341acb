package com.fintechlogin.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The benchmark's command line: {@code --name value} pairs over {@link Benchmark.Options#defaults}. The pair reading
 * and number checks are shared with the soak's command line ({@link SoakCommandLine}).
 */
final class CommandLine {

    private static final Set<String> NAMES = Set.of("--url", "--realm", "--admin", "--concurrency", "--warmup-seconds",
            "--seconds", "--users", "--scale-users", "--memory-logins", "--out", "--pg-stats", "--db-logins", "--server",
            "--only");
    /** The one section that runs alone: the caller budgets' on/off rounds. */
    static final String ONLY_BUDGETS = "budgets";

    private CommandLine() {
    }

    static Benchmark.Options parse(String[] args) {
        Map<String, String> given = pairs(args, NAMES, Benchmark.usage());
        String url = url(given);
        // Each database has its results' directory: a run with PostgreSQL's statistics is a PostgreSQL run.
        Path out = Path.of(given.containsKey("--pg-stats") ? "bench-results/postgres" : "bench-results/h2");
        Benchmark.Options d = Benchmark.Options.defaults(url, out, "./bench.sh " + String.join(" ", args));
        String[] admin = admin(given, d.adminUser() + ":" + d.adminPassword());
        return new Benchmark.Options(url, given.getOrDefault("--realm", d.realm()), admin[0], admin[1],
                number(given, "--concurrency", d.concurrency(), 1),
                Duration.ofSeconds(number(given, "--warmup-seconds", (int) d.warmup().toSeconds(), 0)),
                Duration.ofSeconds(number(given, "--seconds", (int) d.window().toSeconds(), 1)),
                number(given, "--users", d.users(), 1),
                number(given, "--scale-users", d.scaleUsers(), 0),
                number(given, "--memory-logins", d.memoryLogins(), 0),
                Path.of(given.getOrDefault("--out", d.out().toString())), d.command(),
                given.getOrDefault("--server", d.server()),
                Optional.ofNullable(given.get("--pg-stats")).map(CommandLine::jdbcUrl),
                number(given, "--db-logins", d.dbLogins(), 1), d.mostProfiles(), budgetsOnly(given));
    }

    /** {@code --only budgets}; any other section is refused (none other runs alone). */
    static boolean budgetsOnly(Map<String, String> given) {
        String only = given.get("--only");
        if (only == null) {
            return false;
        }
        if (!only.equals(ONLY_BUDGETS)) {
            throw new IllegalArgumentException("--only takes " + ONLY_BUDGETS + " (the caller budgets' on/off rounds); not: " + only);
        }
        return true;
    }

    /** A PostgreSQL JDBC URL; anything else is refused before a run starts rather than after it has measured. */
    static String jdbcUrl(String url) {
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("--pg-stats takes a PostgreSQL JDBC URL with user and password, e.g. "
                    + "jdbc:postgresql://127.0.0.1:5432/keycloak?user=keycloak&password=...; not: " + url);
        }
        return url;
    }

    /** The {@code --name value} pairs of {@code args}; a name outside {@code names} or a missing value is refused. */
    static Map<String, String> pairs(String[] args, Set<String> names, String usage) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!names.contains(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException("Unknown option or missing value: " + args[i] + "\n" + usage);
            }
            given.put(args[i], args[i + 1]);
        }
        return given;
    }

    /** {@code --url} without trailing slashes; Keycloak's default address when not given. */
    static String url(Map<String, String> given) {
        return given.getOrDefault("--url", "http://localhost:8080").replaceAll("/+$", "");
    }

    /** {@code --admin user:password} as {user, password}. */
    static String[] admin(Map<String, String> given, String fallback) {
        String[] admin = given.getOrDefault("--admin", fallback).split(":", 2);
        if (admin.length != 2 || admin[0].isEmpty()) {
            throw new IllegalArgumentException("--admin takes user:password");
        }
        return admin;
    }

    static int number(Map<String, String> given, String name, int fallback, int minimum) {
        String value = given.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= minimum) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number of at least " + minimum);
    }
}
