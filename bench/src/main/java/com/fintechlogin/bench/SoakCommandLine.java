package com.fintechlogin.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/** The soak's command line: {@code --name value} pairs over {@link Soak.Options#defaults}. */
final class SoakCommandLine {

    private static final Set<String> NAMES = Set.of("--url", "--realm", "--admin", "--minutes", "--concurrency",
            "--warmup-seconds", "--capacity-seconds", "--users", "--capacity", "--set-session-idle",
            "--session-expiration-period", "--compare-minutes", "--trend-minutes", "--out", "--metrics-url");

    private SoakCommandLine() {
    }

    static Soak.Options parse(String[] args) {
        Map<String, String> given = CommandLine.pairs(args, NAMES, Soak.usage());
        String url = CommandLine.url(given);
        Soak.Options d = Soak.Options.defaults(url, Path.of("bench-results"), "./soak.sh " + String.join(" ", args));
        String[] admin = CommandLine.admin(given, d.adminUser() + ":" + d.adminPassword());
        OptionalInt idle = given.containsKey("--set-session-idle")
                ? OptionalInt.of(CommandLine.number(given, "--set-session-idle", 0, 1))
                : OptionalInt.empty();
        return new Soak.Options(url, given.getOrDefault("--realm", d.realm()), admin[0], admin[1],
                CommandLine.number(given, "--minutes", d.minutes(), 1),
                CommandLine.number(given, "--concurrency", d.concurrency(), 1),
                Duration.ofSeconds(CommandLine.number(given, "--warmup-seconds", (int) d.warmup().toSeconds(), 0)),
                Duration.ofSeconds(CommandLine.number(given, "--capacity-seconds", (int) d.capacityWindow().toSeconds(), 1)),
                CommandLine.number(given, "--users", d.users(), 1),
                capacities(given.get("--capacity")),
                idle,
                CommandLine.number(given, "--session-expiration-period", d.purgePeriodSeconds(), 60),
                CommandLine.number(given, "--compare-minutes", d.compareMinutes(), 1),
                CommandLine.number(given, "--trend-minutes", d.trendMinutes(), 1),
                Path.of(given.getOrDefault("--out", d.out().toString())), d.command(),
                given.getOrDefault("--metrics-url", d.metricsUrl()));
    }

    /** {@code email-password=29.5,get-token=596} as a map; absent means measure every capacity. */
    static Map<String, Double> capacities(String text) {
        Map<String, Double> capacities = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return capacities;
        }
        for (String pair : text.split(",")) {
            String[] idAndRate = pair.split("=", 2);
            try {
                double rate = idAndRate.length == 2 ? Double.parseDouble(idAndRate[1]) : Double.NaN;
                if (rate > 0 && !idAndRate[0].isBlank()) {
                    capacities.put(idAndRate[0].strip(), rate);
                    continue;
                }
            } catch (NumberFormatException notANumber) {
                // reported below
            }
            throw new IllegalArgumentException("--capacity takes id=requests-per-second pairs separated by commas, e.g. "
                    + "email-password=29.5,get-token=596; not: " + pair);
        }
        return capacities;
    }
}
