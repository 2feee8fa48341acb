package com.fintechlogin.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void withoutOnlyEverySectionRuns() {
        assertThat(Benchmark.Options.parse(new String[0]).budgetsOnly()).isFalse();
    }

    @Test
    void onlyBudgetsRunsTheCallerBudgetsRoundsAloneWithTheUsualWindows() {
        Benchmark.Options options = Benchmark.Options.parse(new String[] {"--only", "budgets", "--seconds", "3",
                "--warmup-seconds", "2", "--users", "100", "--scale-users", "0"});

        assertThat(options.budgetsOnly()).isTrue();
        assertThat(options.window()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.users()).isEqualTo(100);
        assertThat(options.command()).isEqualTo("./bench.sh --only budgets --seconds 3 --warmup-seconds 2 --users 100 --scale-users 0");
    }

    @Test
    void noOtherSectionRunsAlone() {
        assertThatThrownBy(() -> Benchmark.Options.parse(new String[] {"--only", "scale"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--only takes budgets");
    }
}
