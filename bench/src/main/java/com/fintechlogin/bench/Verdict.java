package com.fintechlogin.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * How one measurement fares against its baseline: computed once here so that the Markdown, the JSON and the chart
 * cannot disagree about a ratio or a verdict.
 *
 * @param measurement the measurement judged
 * @param baseline    the first measurement of the baseline group it is compared with (for a baseline: the first of
 *                    its own group); {@code null} when that group was not measured in this report
 * @param ratio       {@code measurement.perSecond / baseline.perSecond}; NaN when there is no usable baseline
 * @param met         for an API: the ratio reaches the target and neither it nor its baseline had errors (errors make
 *                    a throughput meaningless: failures can be faster or slower than logins); for a baseline: it had
 *                    no errors, so it can serve as one
 */
record Verdict(Measurement measurement, Measurement baseline, double ratio, boolean met) {

    /** Whether the measurement is one of Keycloak's own grants. */
    boolean isBaseline() {
        return measurement.group().isBaseline();
    }

    /** The lowest acceptable ratio; empty for a baseline. */
    OptionalDouble target() {
        return measurement.group().target();
    }

    /** One verdict per measurement, in the same order. */
    static List<Verdict> of(List<Measurement> measurements) {
        Map<Group, Measurement> firstOfGroup = new EnumMap<>(Group.class);
        for (Measurement measurement : measurements) {
            firstOfGroup.putIfAbsent(measurement.group(), measurement);
        }
        List<Verdict> verdicts = new ArrayList<>(measurements.size());
        for (Measurement measurement : measurements) {
            Group group = measurement.group();
            Measurement baseline = firstOfGroup.get(group.baseline().orElse(group));
            double ratio = baseline == null ? Double.NaN : ratio(measurement.perSecond(), baseline.perSecond());
            boolean met;
            if (group.isBaseline()) {
                met = measurement.errors() == 0;
            } else {
                met = measurement.errors() == 0 && baseline != null && baseline.errors() == 0
                        && Double.isFinite(ratio) && ratio >= group.target().orElseThrow();
            }
            verdicts.add(new Verdict(measurement, baseline, ratio, met));
        }
        return List.copyOf(verdicts);
    }

    /** {@code numerator / denominator}, or NaN when the denominator is not a positive number. */
    static double ratio(double numerator, double denominator) {
        return denominator > 0 ? numerator / denominator : Double.NaN;
    }
}
