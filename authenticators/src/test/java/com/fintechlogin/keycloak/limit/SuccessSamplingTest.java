package com.fintechlogin.keycloak.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SuccessSamplingTest {

    private static final long MINUTE = 60_000;

    @Test
    void budgetsUpToAThousandAreCountedExactly() {
        for (int limit : new int[] {1, 5, 20, 999, 1000, 1999}) {
            int weight = SuccessSampling.weight(new FailureBudget(limit, MINUTE));
            assertThat(weight).as("budget %d", limit).isEqualTo(1);
            SplittableRandom random = new SplittableRandom(7);
            for (int i = 0; i < 1000; i++) {
                assertThat(SuccessSampling.written(weight, random)).isTrue();
            }
        }
    }

    @Test
    void aLargeBudgetIsWrittenAboutAThousandTimesAtItsLimitAndItsCountStaysWithinAFewPercent() {
        // The benchmark's budget: a million right credentials a window from one address.
        int limit = 1_000_000;
        int weight = SuccessSampling.weight(new FailureBudget(limit, MINUTE));
        assertThat(weight).isEqualTo(1000);
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            long writes = 0;
            for (int i = 0; i < limit; i++) {
                if (SuccessSampling.written(weight, random)) {
                    writes++;
                }
            }
            long counted = writes * weight;
            assertThat(writes).as("row writes for %d right credentials (seed %d)", limit, seed).isBetween(850L, 1150L);
            assertThat((double) counted / limit).as("count / right credentials (seed %d)", seed).isBetween(0.85, 1.15);
        }
    }

    @Test
    void theDefaultClientBudgetIsSampledOneInTen() {
        assertThat(SuccessSampling.weight(new FailureBudget(10_000, MINUTE))).isEqualTo(10);
        assertThat(SuccessSampling.weight(new FailureBudget(100_000, MINUTE))).isEqualTo(100);
    }
}
