package com.fintechlogin.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns the realm's caller budgets on and off through the admin REST API, as an admin would, and puts back what the
 * realm held before. "On" sets every budget to the most the realm takes over a minute's window: at the benchmark's
 * load from its one address (up to about 1,500 requests a second, 90,000 a window) no budget is ever reached, so the
 * rounds measure what counting costs, never a refusal. "Off" sets every budget to {@code off}. The success budgets'
 * attributes are set too: a server that does not know them yet keeps them as attributes it ignores.
 */
final class CallerBudgetToggle {

    static final String FAILURES_PER_ADDRESS = "fintech.budget.failures-per-address";
    static final String FAILURES_PER_CLIENT = "fintech.budget.failures-per-client";
    static final String SUCCESSES_PER_ADDRESS = "fintech.budget.successes-per-address";
    static final String SUCCESSES_PER_CLIENT = "fintech.budget.successes-per-client";
    static final String WINDOW_SECONDS = "fintech.budget.window-seconds";
    /** Every budget of the realm, each set alike. */
    static final List<String> BUDGETS = List.of(FAILURES_PER_ADDRESS, FAILURES_PER_CLIENT, SUCCESSES_PER_ADDRESS,
            SUCCESSES_PER_CLIENT);
    /** The highest budget the realm takes (CallerBudgetSettings.MAX_FAILURES). */
    static final String MOST = "1000000";
    /** A minute: with {@link #MOST}, over 16,000 requests a second from one address before a refusal. */
    static final String WINDOW = "60";
    static final String OFF = "off";

    private final AdminClient admin;

    CallerBudgetToggle(AdminClient admin) {
        this.admin = admin;
    }

    /** How the two settings are made, for the report. */
    static String describe() {
        return "budgets on sets " + String.join(", ", BUDGETS) + " to " + MOST + " per " + WINDOW + " s ("
                + WINDOW_SECONDS + "), which the benchmark's load from its one address never reaches; budgets off sets "
                + "them to " + OFF + "; the realm's own values are put back afterwards.";
    }

    /**
     * The settings of {@code pairs} pairs of rounds, in order, {@code true} for on: on, off, then off, on, then on,
     * off, and so on. Each pair begins with the setting the previous one ended with, so that a drift over the rounds (the
     * JIT still compiling, a table growing, the machine's other load) falls on both settings nearly alike, where
     * on, off, on, off would hand every drift upwards to "off" and every drift downwards to "on".
     */
    static List<Boolean> order(int pairs) {
        List<Boolean> order = new ArrayList<>(2 * pairs);
        for (int pair = 0; pair < pairs; pair++) {
            boolean onFirst = pair % 2 == 0;
            order.add(onFirst);
            order.add(!onFirst);
        }
        return order;
    }

    /** The attributes that turn every budget on, high enough never to refuse; or off. */
    static Map<String, String> setting(boolean on) {
        Map<String, String> attributes = new LinkedHashMap<>();
        BUDGETS.forEach(name -> attributes.put(name, on ? MOST : OFF));
        attributes.put(WINDOW_SECONDS, WINDOW);
        return attributes;
    }

    /**
     * The attributes that put back what {@code realmAttributes} (a realm representation's {@code attributes}) held for
     * every budget setting: its value, or an empty one where it had none, which reads as not set (the admin API keeps
     * an attribute that a representation leaves out, so leaving it out would keep the benchmark's value).
     */
    static Map<String, String> restoring(JsonNode realmAttributes) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String name : setting(true).keySet()) {
            JsonNode value = realmAttributes.path(name);
            attributes.put(name, value.isValueNode() && !value.isNull() ? value.asText() : "");
        }
        return attributes;
    }

    /** The realm's budget settings now, to hand to {@link #restore} when the rounds are done. */
    Map<String, String> current() {
        return restoring(admin.realm().path("attributes"));
    }

    void set(boolean on) {
        admin.updateRealm(Map.of("attributes", setting(on)));
    }

    void restore(Map<String, String> before) {
        admin.updateRealm(Map.of("attributes", before));
    }
}
