package com.fintechlogin.bench;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The number formats of the report, in one place. {@link Locale#ROOT}, because a report written on a machine with a
 * German locale must still say {@code 96.0}, not {@code 96,0}; {@link DecimalFormat}'s half-even rounding, because
 * the chart's bar labels use it and a ratio must read the same in the table and the chart. A value that could not be
 * computed (NaN) reads as an em dash.
 */
final class Format {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Format() {
    }

    /** Requests per second, one decimal. */
    static String perSecond(double value) {
        return decimals(value, "0.0");
    }

    /** Milliseconds, one decimal. */
    static String millis(double value) {
        return decimals(value, "0.0");
    }

    /** A ratio, two decimals. */
    static String ratio(double value) {
        return decimals(value, "0.00");
    }

    /**
     * A ratio, three decimals: for a target a few percent below 1, where two decimals would round 0.946 up to a
     * "0.95" that reads as meeting a target of 0.95.
     */
    static String closeRatio(double value) {
        return decimals(value, "0.000");
    }

    /** A share (1.0 = all) as a whole percentage, e.g. {@code 71 %}. */
    static String percent(double share) {
        return Double.isFinite(share) ? decimals(share * 100, "0") + " %" : "—";
    }

    /** A share as a whole number of percent without the sign, e.g. {@code 71}; a dash when unknown. */
    static String percentNumber(double share) {
        return Double.isFinite(share) ? decimals(share * 100, "0") : "—";
    }

    /** A count per login, two decimals. */
    static String perLogin(double value) {
        return decimals(value, "0.00");
    }

    /** Bytes in MiB, one decimal. */
    static String mebibytes(long bytes) {
        return decimals(bytes / (1024.0 * 1024.0), "0.0") + " MiB";
    }

    /** An instant as {@code 2026-01-02 03:04:05 UTC}. */
    static String utc(Instant instant) {
        return UTC.format(instant);
    }

    private static String decimals(double value, String pattern) {
        if (!Double.isFinite(value)) {
            return "—";
        }
        // DecimalFormat is not thread-safe; one per call costs nothing next to a benchmark.
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }
}
