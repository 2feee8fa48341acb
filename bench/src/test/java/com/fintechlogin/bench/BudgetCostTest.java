package com.fintechlogin.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BudgetCostTest {

    @TempDir
    Path dir;

    @Test
    void theRatioIsTheMeanOfTheOnRoundsOverTheMeanOfTheOffRounds() {
        Report.BudgetCost cost = cost(List.of(round(96, 11), round(98, 12), round(100, 10)),
                List.of(round(100, 10), round(99, 9), round(101, 10)));

        assertThat(cost.onPerSecond()).isEqualTo(98.0);
        assertThat(cost.offPerSecond()).isEqualTo(100.0);
        assertThat(cost.ratio()).isEqualTo(0.98);
        assertThat(cost.onP50Millis()).as("the median of the rounds' p50s").isEqualTo(11.0);
        assertThat(cost.offP50Millis()).isEqualTo(10.0);
        assertThat(cost.met()).isTrue();
    }

    @Test
    void budgetsCostingMoreThanFivePercentMissTheTarget() {
        Report.BudgetCost cost = cost(List.of(round(94, 10)), List.of(round(100, 10)));

        assertThat(cost.ratio()).isEqualTo(0.94);
        assertThat(cost.met()).isFalse();
    }

    @Test
    void aRatioJustUnderTheTargetDoesNotReadAsMeetingIt() throws IOException {
        String markdown = report(List.of(cost(List.of(round(94.6, 10)), List.of(round(100, 10))))).writeBudgets(dir);

        assertThat(markdown).contains("| Email/password | 94.6 | 100.0 | 0.946 | 10.0 | 10.0 | ≥ 0.95 | NO |");
    }

    @Test
    void aRefusalWithBudgetsOnFailsTheRowWithoutARatio() {
        Report.BudgetCost cost = cost(List.of(round(100, 10), refused(120)), List.of(round(100, 10)));

        assertThat(cost.refusedOn()).isTrue();
        assertThat(cost.ratio()).isNaN();
        assertThat(cost.met()).isFalse();
        assertThat(cost.firstError()).hasValueSatisfying(e -> assertThat(e).startsWith("HTTP 429"));
    }

    @Test
    void errorsWithBudgetsOffAlsoFailTheRowButAreNoRefusal() {
        Measurement broken = new Measurement("email-password", "Email/password", Optional.empty(), 8, 10, 1000, 4, 100,
                10, 20, 30, List.of("HTTP 401: {\"responseCode\":401}"), CpuShares.UNKNOWN);
        Report.BudgetCost cost = cost(List.of(round(100, 10)), List.of(broken));

        assertThat(cost.refusedOn()).isFalse();
        assertThat(cost.ratio()).isNaN();
        assertThat(cost.met()).isFalse();
    }

    @Test
    void aScenarioWhoseRoundsStoppedBeforeAnOffRoundIsNotMet() {
        assertThat(cost(List.of(round(100, 10)), List.of()).met()).isFalse();
    }

    @Test
    void theSectionShowsEachRowsMeansRatioVerdictAndEveryRoundsFigure() throws IOException {
        String markdown = report(List.of(
                cost(List.of(round(96, 11), round(98, 12), round(100, 10)), List.of(round(100, 10), round(99, 9), round(101, 10))),
                new Report.BudgetCost("pin-login", "PIN login", List.of(refused(80)), List.of()))).writeBudgets(dir);

        assertThat(markdown)
                .startsWith("# caller budgets\n")
                .contains("## Caller budgets: on/off")
                .contains("on, off, off, on, on, off")
                .contains("same server in the same run")
                .contains("| scenario | req/s on | req/s off | ratio on/off | p50 ms on | p50 ms off | target | met? "
                        + "| req/s per round (on / off) | errors |")
                .contains("| Email/password | 98.0 | 100.0 | 0.980 | 11.0 | 10.0 | ≥ 0.95 | yes "
                        + "| 96.0, 98.0, 100.0 / 100.0, 99.0, 101.0 | 0 |")
                .contains("| PIN login | 80.0 | — | — | 10.0 | — | ≥ 0.95 | NO | 80.0 / — | 3, REFUSED with budgets on (HTTP 429); first: HTTP 429:");
        assertThat(Files.readString(dir.resolve("budgets.md"))).isEqualTo(markdown);
        assertThat(dir.resolve("results.md")).as("a full run's results stay as they are").doesNotExist();

        JsonNode json = new ObjectMapper().readTree(dir.resolve("budgets.json").toFile());
        JsonNode email = json.path("callerBudgets").get(0);
        assertThat(email.path("ratio").asDouble()).isEqualTo(0.98);
        assertThat(email.path("met").asBoolean()).isTrue();
        assertThat(email.path("onRounds")).hasSize(3);
        assertThat(email.path("offRounds").get(2).path("perSecond").asDouble()).isEqualTo(101.0);
        JsonNode pin = json.path("callerBudgets").get(1);
        assertThat(pin.path("ratio").isNull()).isTrue();
        assertThat(pin.path("refusedOn").asBoolean()).isTrue();
    }

    @Test
    void aFullReportCarriesTheSectionToo() throws IOException {
        Report full = new Report(run(), List.of(), null, List.of(), null, List.of(), null, List.of(),
                List.of(cost(List.of(round(98, 10)), List.of(round(100, 10)))));

        assertThat(full.write(dir)).contains("## Caller budgets: on/off").contains("| Email/password | 98.0 | 100.0 | 0.980 |");
        assertThat(new ObjectMapper().readTree(dir.resolve("results.json").toFile()).path("callerBudgets")).hasSize(1);
    }

    private static Report report(List<Report.BudgetCost> costs) {
        return Report.budgetsOnly(run(), costs);
    }

    private static Report.Run run() {
        return new Report.Run("caller budgets", "./bench.sh --only budgets", "26.7.3",
                new Report.Machine("2 cores"), Instant.parse("2026-01-02T03:04:05Z"), "start-dev, H2", "wrk");
    }

    private static Report.BudgetCost cost(List<Measurement> on, List<Measurement> off) {
        return new Report.BudgetCost("email-password", "Email/password", on, off);
    }

    private static Measurement round(double perSecond, double p50) {
        return new Measurement("email-password", "Email/password", Optional.empty(), 8, 10, Math.round(perSecond * 10), 0,
                perSecond, p50, 20, 30, List.of(), CpuShares.UNKNOWN);
    }

    private static Measurement refused(double perSecond) {
        return new Measurement("email-password", "Email/password", Optional.empty(), 8, 10, Math.round(perSecond * 10), 3,
                perSecond, 10, 20, 30, List.of("HTTP 429: {\"responseCode\":429}"), CpuShares.UNKNOWN);
    }
}
