package com.fintechlogin.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The CPU time the Keycloak server and the database spend while a window is measured, read from the operating
 * system's process accounting ({@link ProcessHandle.Info#totalCpuDuration()}, {@code /proc} on Linux) before and after.
 * The database is every process of the PostgreSQL server (one per connection, plus its background workers), summed;
 * a process that starts during the window counts from zero, one that ends takes its time with it (its share is then
 * a little low). Local processes only; a party not watched reads as NaN.
 */
final class CpuWatch {

    /** What the processes had spent at one moment. */
    record Snapshot(long nanoTime, long serverCpuNanos, Map<Long, Long> databaseCpuNanos) {
    }

    /** The executable of PostgreSQL's server processes, as Debian installs it ({@code /usr/lib/postgresql/15/bin/postgres}). */
    private static final String POSTGRES = "/postgres";

    private final Optional<Long> serverPid;
    private final boolean database;
    private final int cores;

    /**
     * @param serverPid the Keycloak server's process, when it runs on this machine
     * @param database  whether to watch PostgreSQL's processes (only when the server's database is this machine's
     *                  PostgreSQL; an in-memory H2 spends its time inside the server's own process)
     */
    CpuWatch(Optional<Long> serverPid, boolean database) {
        this.serverPid = serverPid;
        this.database = database;
        this.cores = Runtime.getRuntime().availableProcessors();
    }

    /** Watches nothing: every share but the generator's reads as NaN. */
    static CpuWatch none() {
        return new CpuWatch(Optional.empty(), false);
    }

    Snapshot snapshot() {
        long server = serverPid.flatMap(ProcessHandle::of).flatMap(p -> p.info().totalCpuDuration())
                .map(Duration::toNanos).orElse(-1L);
        Map<Long, Long> databaseCpu = new HashMap<>();
        if (database) {
            ProcessHandle.allProcesses()
                    .filter(p -> p.info().command().map(command -> command.endsWith(POSTGRES)).orElse(false))
                    .forEach(p -> p.info().totalCpuDuration().ifPresent(cpu -> databaseCpu.put(p.pid(), cpu.toNanos())));
        }
        return new Snapshot(System.nanoTime(), server, Map.copyOf(databaseCpu));
    }

    /** The shares between two snapshots, with the generator's CPU seconds over its own wall time beside them. */
    CpuShares between(Snapshot before, Snapshot after, double generatorCpuSeconds, double generatorWallSeconds) {
        double wall = (after.nanoTime() - before.nanoTime()) / 1e9;
        double server = before.serverCpuNanos() >= 0 && after.serverCpuNanos() >= 0
                ? share((after.serverCpuNanos() - before.serverCpuNanos()) / 1e9, wall)
                : Double.NaN;
        double databaseShare = Double.NaN;
        if (database) {
            long spent = 0;
            for (Map.Entry<Long, Long> process : after.databaseCpuNanos().entrySet()) {
                spent += process.getValue() - before.databaseCpuNanos().getOrDefault(process.getKey(), 0L);
            }
            databaseShare = share(spent / 1e9, wall);
        }
        return new CpuShares(share(generatorCpuSeconds, generatorWallSeconds), server, databaseShare);
    }

    private double share(double cpuSeconds, double wallSeconds) {
        return Double.isFinite(cpuSeconds) && wallSeconds > 0 ? cpuSeconds / (wallSeconds * cores) : Double.NaN;
    }
}
