package com.fintechlogin.keycloak.limit;

import java.util.random.RandomGenerator;

/**
 * How a right credential is counted in a success row: each row is written at most about {@link #EXACT_UP_TO} times a
 * window, whatever its caller's traffic. Every write of a success row holds that row's lock until the login commits,
 * so one busy caller's logins — a partner's server, an office behind one address, the benchmark — would otherwise
 * commit one at a time across the cluster (on PostgreSQL in production mode, half the throughput of the light APIs).
 *
 * <p>A budget of up to {@link #EXACT_UP_TO} is counted exactly: every right credential adds 1. A larger one is counted
 * by sampling: a right credential is written with probability {@code 1/weight} and then adds {@code weight}, where
 * {@code weight = limit / EXACT_UP_TO}. The count stays unbiased, a caller's row takes about {@link #EXACT_UP_TO} writes
 * at its budget, and by then the count is within about {@code 1/sqrt(EXACT_UP_TO)} (3 %) of the right credentials
 * (one standard deviation of a binomial count times the weight). A budget that large is a rate limit on callers with
 * valid credentials, not a lock: a few percent either way is the price of not queueing them on one row.
 */
final class SuccessSampling {

    /** Budgets up to this many successes a window are counted exactly; larger ones are sampled to this many writes. */
    static final int EXACT_UP_TO = 1000;

    private SuccessSampling() {
    }

    /** What one written success of a caller with {@code budget} adds to its row: 1 up to {@link #EXACT_UP_TO}. */
    static int weight(FailureBudget budget) {
        return Math.max(1, budget.limit() / EXACT_UP_TO);
    }

    /** Whether this right credential is written: always at weight 1, else with probability {@code 1/weight}. */
    static boolean written(int weight, RandomGenerator random) {
        return weight <= 1 || random.nextInt(weight) == 0;
    }
}
