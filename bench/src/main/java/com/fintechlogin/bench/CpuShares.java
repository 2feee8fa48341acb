package com.fintechlogin.bench;

import java.util.function.ToDoubleFunction;

/**
 * How much of the machine's CPU each party used while a scenario was measured: the load generator, the Keycloak
 * server and the database. Each is CPU time over wall time × cores, so 1.0 is every core busy. On a small machine
 * where all three share the cores, a generator with a large share takes CPU from the server it measures and makes the
 * light APIs look alike; a reader checks this share beside each figure. NaN where a party could not be watched (a
 * remote server, an in-memory database inside Keycloak, a generator in the benchmark's own JVM).
 */
public record CpuShares(double generator, double server, double database) {

    public static final CpuShares UNKNOWN = new CpuShares(Double.NaN, Double.NaN, Double.NaN);

    /** The average of several windows' shares weighted by their lengths; NaN stays NaN only if every window had NaN. */
    static CpuShares weighted(double[] seconds, CpuShares[] shares) {
        return new CpuShares(weighted(seconds, shares, CpuShares::generator), weighted(seconds, shares, CpuShares::server),
                weighted(seconds, shares, CpuShares::database));
    }

    private static double weighted(double[] seconds, CpuShares[] shares, ToDoubleFunction<CpuShares> part) {
        double sum = 0;
        double weight = 0;
        for (int i = 0; i < shares.length; i++) {
            double value = part.applyAsDouble(shares[i]);
            if (Double.isFinite(value)) {
                sum += value * seconds[i];
                weight += seconds[i];
            }
        }
        return weight > 0 ? sum / weight : Double.NaN;
    }
}
