package com.fintechlogin.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rate each API is offered during the soak: {@code share × capacity / N} for N APIs, so that all of them at once
 * use about {@code share} of the server (each API alone at its capacity would use all of it).
 *
 * @param id                 the scenario's id
 * @param capacityPerSecond  the API's capacity: closed-loop throughput, measured in the same run or given
 * @param capacityMeasured   false when given on the command line
 * @param perSecond          the offered rate
 */
record SoakPlan(String id, String label, double capacityPerSecond, boolean capacityMeasured, double perSecond) {

    /** Half the server's capacity, as issue 9 asks. */
    static final double LOAD_SHARE = 0.5;

    /** One plan per scenario, in order; {@code given} capacities win over {@code measured} ones. */
    static List<SoakPlan> of(List<Scenario> scenarios, Map<String, Double> given, Map<String, Double> measured) {
        List<SoakPlan> plans = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            boolean isGiven = given.containsKey(scenario.id());
            Double capacity = isGiven ? given.get(scenario.id()) : measured.get(scenario.id());
            if (capacity == null || !(capacity > 0)) {
                throw new IllegalArgumentException("No usable capacity for " + scenario.id() + ": " + capacity);
            }
            plans.add(new SoakPlan(scenario.id(), scenario.label(), capacity, !isGiven,
                    LOAD_SHARE * capacity / scenarios.size()));
        }
        return List.copyOf(plans);
    }
}
