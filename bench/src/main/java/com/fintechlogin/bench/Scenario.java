package com.fintechlogin.bench;

import java.util.Objects;

/**
 * One thing to measure: what to send, how to tell a success, and what it is compared with.
 *
 * @param id       a stable identifier for the JSON and the file names, e.g. {@code password-grant}
 * @param label    what a reader sees in the tables and the chart
 * @param group    what the scenario is compared with
 * @param requests makes the requests
 * @param success  tells a success from an error
 */
public record Scenario(String id, String label, Group group, RequestSource requests, Success success) {

    public Scenario {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(success, "success");
    }
}
