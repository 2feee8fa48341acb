package com.fintechlogin.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * How one measurement fares against its baseline: computed once here so that the Markdown, the JSON and the chart
 * cannot disagree about a ratio or a verdict.
 *
 * @param measurement the measurement judged
 * @param baseline    the first measurement whose id is the target's baseline (for a baseline: itself); {@code null}
 *                    when that scenario was not measured in this report
 * @param ratio       {@code measurement.perSecond / baseline.perSecond}; NaN when there is no usable baseline
 * @param met         for an API: the ratio reaches the target and neither it nor its baseline had errors (errors make
 *                    a throughput meaningless: failures can be faster or slower than logins); for a baseline: it had
 *                    no errors, so it can serve as one
 */
record Verdict(Measurement measurement, Measurement baseline, double ratio, boolean met) {

    /** Whether the measurement is one of the yardsticks (Keycloak's own grants), judged by nothing. */
    boolean isBaseline() {
        return measurement.target().isEmpty();
    }

    /** The lowest acceptable ratio; empty for a baseline. */
    OptionalDouble target() {
        return measurement.target().map(t -> OptionalDouble.of(t.atLeast())).orElse(OptionalDouble.empty());
    }

    /** One verdict per measurement, in the same order. */
    static List<Verdict> of(List<Measurement> measurements) {
        Map<String, Measurement> firstById = new HashMap<>();
        for (Measurement measurement : measurements) {
            firstById.putIfAbsent(measurement.id(), measurement);
        }
        List<Verdict> verdicts = new ArrayList<>(measurements.size());
        for (Measurement measurement : measurements) {
            if (measurement.target().isEmpty()) {
                verdicts.add(new Verdict(measurement, measurement, 1.0, measurement.errors() == 0));
                continue;
            }
            Target target = measurement.target().get();
            Measurement baseline = firstById.get(target.baselineId());
            double ratio = baseline == null ? Double.NaN : ratio(measurement.perSecond(), baseline.perSecond());
            boolean met = measurement.errors() == 0 && baseline != null && baseline.errors() == 0
                    && Double.isFinite(ratio) && ratio >= target.atLeast();
            verdicts.add(new Verdict(measurement, baseline, ratio, met));
        }
        return List.copyOf(verdicts);
    }

    /** {@code numerator / denominator}, or NaN when the denominator is not a positive number. */
    static double ratio(double numerator, double denominator) {
        return denominator > 0 ? numerator / denominator : Double.NaN;
    }
}
