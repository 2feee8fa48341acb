package com.fintechlogin.bench;

import java.util.List;

/**
 * One read of the server's {@code /metrics} during the soak: the samples the dashboard's panels need.
 *
 * @param atSecond when it was read, in seconds after the load started
 */
record MetricsScrape(double atSecond, List<MetricSample> samples) {

    MetricsScrape {
        samples = List.copyOf(samples);
    }
}
