package com.fintechlogin.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    private static final CpuShares CPU = new CpuShares(0.03, 0.71, 0.18);
    private static final Measurement PASSWORD_GRANT = baseline("password-grant", "Keycloak password grant", 100, 0);
    private static final Measurement CC_GRANT = baseline("client-credentials-grant", "Keycloak client-credentials grant", 1000, 0);
    private static final Measurement EMAIL = api("email-password", "Email/password", "password-grant", 0.95, 96, 0);
    private static final Measurement MOBILE = api("mobile-sign-in", "Mobile sign-in", "client-credentials-grant", 0.7, 650, 0);
    private static final Measurement PIN = api("pin-login", "PIN login | mode 1", "mobile-sign-in", 0.9, 520, 2);
    private static final Measurement EMAIL_WITHOUT_LIMITER = api("email-password", "Email/password", "password-grant",
            0.95, 120, 0);

    @TempDir
    Path dir;

    @Test
    void eachApiIsDividedByTheScenarioItIsJudgedAgainstAndTheTableSaysWhetherItsTargetIsMet() throws IOException {
        String markdown = report().write(dir);

        assertThat(markdown)
                .contains("| API | judged against | req/s | p50 ms | p95 ms | p99 ms | errors | ratio | target | met? "
                        + "| CPU % server / db / generator |")
                .contains("| Keycloak password grant | — | 100.0 | 10.0 | 20.0 | 30.0 | 0 | — | — | — | 71 / 18 / 3 |")
                .contains("| Email/password | Keycloak password grant | 96.0 | 10.0 | 20.0 | 30.0 | 0 | 0.96 | ≥ 0.95 "
                        + "| yes | 71 / 18 / 3 |")
                .contains("| Mobile sign-in | Keycloak client-credentials grant | 650.0 | 10.0 | 20.0 | 30.0 | 0 | 0.65 "
                        + "| ≥ 0.70 | NO |")
                .as("PIN login is judged against mobile sign-in, and errors fail it whatever its ratio")
                .contains("| PIN login \\| mode 1 | Mobile sign-in | 520.0 | 10.0 | 20.0 | 30.0 | 2 | 0.80 | ≥ 0.90 | NO |");
        assertThat(Files.readString(dir.resolve("results.md"))).isEqualTo(markdown);
    }

    @Test
    void theHeaderSaysWhenWhereOnWhatServerAndWithWhichGeneratorTheRunWasMade() throws IOException {
        String markdown = report().write(dir);

        assertThat(markdown)
                .startsWith("# Fintech login APIs vs Keycloak grants\n")
                .contains("- Date: 2026-01-02 03:04:05 UTC")
                .contains("- Machine: 2 cores, 8 GiB, Linux 6.1, OpenJDK 25")
                .contains("- Keycloak: 26.7.3, start --optimized, PostgreSQL 15")
                .contains("- Load: wrk 4.1.0, 2 threads, 8 connections, closed loop; 3 rounds of 10 s\n")
                .contains("- Command: `./bench.sh --postgres`")
                .contains("![Throughput ratio of each API to the scenario it is judged against](throughput-ratios.png)");
    }

    @Test
    void theFirstErrorsOfFailingApisAreListed() throws IOException {
        String markdown = report().write(dir);

        assertThat(markdown).contains("(2 errors):\n  - `HTTP 401: {\"resCode\":\"E1\"}`");
    }

    @Test
    void theGeneratorSectionComparesWithWrkAloneAndSaysWhetherTheGeneratorIsTheBottleneck() throws IOException {
        String markdown = report().write(dir);

        assertThat(markdown)
                .contains("| generator | req/s | p50 ms | errors | CPU % server / db / generator | ÷ wrk alone |")
                .contains("| wrk alone | 1050.0 | 10.0 | 0 | 71 / 18 / 3 | 1.00 |")
                .contains("| the benchmark's generator: wrk replaying built requests | 1000.0 | 10.0 | 0 | 71 / 18 / 3 | 0.95 |")
                .contains("| Java closed loop (the generator before; its CPU is the benchmark's JVM) | 420.0 | 10.0 | 0 "
                        + "| 71 / 18 / 3 | 0.40 |")
                .contains("| the benchmark's generator, in the benchmark's rounds (the baseline above) | 990.0 | 10.0 | 0 "
                        + "| 71 / 18 / 3 | 0.94 |")
                .contains("The benchmark's generator reads 0.95 × what wrk alone reads (at least 0.90 needed): "
                        + "**the generator is not the bottleneck**.")
                .contains("The fastest scenario, Keycloak client-credentials grant, read from the same server in rounds of its own");
    }

    @Test
    void aGeneratorThatReadsLessThanNineTenthsOfWrkAloneIsCalledTheBottleneck() throws IOException {
        Report.GeneratorCheck slow = new Report.GeneratorCheck(renamed(CC_GRANT, 1200), CC_GRANT, null, null);

        String markdown = new Report(run(), List.of(CC_GRANT), slow, List.of(), null, List.of(), null, List.of(), List.of()).write(dir);

        assertThat(slow.met()).isFalse();
        assertThat(markdown).contains("reads 0.83 × what wrk alone reads (at least 0.90 needed): "
                + "**NO: the generator limits the figures**. Its CPU share is beside every figure above.");
    }

    @Test
    void theDatabaseSectionShowsTransactionsAndRowWritesPerLoginBesideKeycloaksGrants() throws IOException {
        String markdown = report().write(dir);

        assertThat(markdown)
                .contains("PostgreSQL 15.18, database keycloak_bench: PostgreSQL's own statistics")
                .contains("Idle, the server did 0.10 transactions and 0.20 row writes a second")
                .contains("| scenario | logins | transactions / login | rows inserted / login | updated / login "
                        + "| deleted / login | written per login, by table |")
                .contains("| Keycloak password grant | 200 | 1.50 | 3.00 | 0.00 | 0.00 | event_entity 1.00 ins; "
                        + "offline_client_session 1.00 ins; offline_user_session 1.00 ins |")
                .as("the attempt table's update, most written first, and a table written rarely left out")
                .contains("| PIN login \\| mode 1 | 200 (1 errors) | 2.50 | 3.00 | 2.00 | 0.00 | fintech_credential_attempt "
                        + "2.00 upd; event_entity 1.00 ins; offline_client_session 1.00 ins; offline_user_session 1.00 ins |")
                .doesNotContain("jgroups_ping");
    }

    @Test
    void theProfileSectionSaysWhereTheTimeOfAMissedTargetGoesAndWhoseCodeAskedForIt() throws IOException {
        String markdown = report().write(dir);

        int cores = Runtime.getRuntime().availableProcessors();
        // 71 % of the cores for 30 s over 520 × 30 logins, and over 650 × 30.
        double pinServer = 0.71 * 30 * cores * 1000 / (520 * 30);
        double mobileServer = 0.71 * 30 * cores * 1000 / (650 * 30);
        assertThat(markdown)
                .contains("### PIN login | mode 1 vs Mobile sign-in")
                .contains("| server CPU per login, ms | " + Format.millis(pinServer) + " | " + Format.millis(mobileServer) + " |")
                .contains("| server samples (JFR) | 1000 | 800 |")
                .contains("| time went to | whose call | most often in | % PIN login \\| mode 1 | % Mobile sign-in "
                        + "| ≈ ms/login PIN login \\| mode 1 | ≈ ms/login Mobile sign-in |")
                .contains("| database (JDBC, Hibernate, transactions) | extension | `AttemptStore.reserve` | 20 | 0 | "
                        + Format.millis(0.2 * pinServer) + " | 0.0 |")
                .contains("| RSA signature (token signing) | Keycloak | `AsymmetricSignatureSignerContext.sign` | 30 | 37 | "
                        + Format.millis(0.3 * pinServer) + " | " + Format.millis(0.37 * mobileServer) + " |");
    }

    @Test
    void withoutAMissedTargetNoProfileIsTaken() throws IOException {
        String markdown = new Report(run(), List.of(PASSWORD_GRANT, EMAIL), null, List.of(), null, List.of(), null, List.of(), List.of())
                .write(dir);

        assertThat(markdown).contains("## Where the time goes\n\nEvery target was met: no profile taken.")
                .contains("## Load generator\n\nNot checked.")
                .contains("## Database work per login\n\nNot measured: the benchmark reads PostgreSQL's statistics");
    }

    @Test
    void theScaleMemoryAndComparisonSectionsAreWritten() throws IOException {
        String markdown = report().write(dir);

        assertThat(markdown)
                .contains("| Mobile sign-in | 1000 → 100000 | 10.0 | 11.5 | 1.15 | ≤ 1.20 | yes | 14.0 |")
                .contains("| PIN login | 1000 → 100000 | 10.0 | 13.0 | 1.30 | ≤ 1.20 | NO | 21.0 |")
                .contains("Server heap used: 100.0 MiB before, 110.0 MiB after 10000 logins (+10.0 MiB, "
                        + "1049 bytes per login); measured with jcmd GC.run then GC.heap_info.")
                .contains("| Attempt limiter on email/password | 96.0 | 10.0 | 120.0 | 10.0 | 0 / 0 | 0.80 |");
    }

    @Test
    void anApiWhoseBaselineWasNotMeasuredIsNotMet() throws IOException {
        Report report = new Report(run(), List.of(EMAIL), null, List.of(), null, List.of(), null, List.of(), List.of());

        String markdown = report.write(dir);

        assertThat(markdown)
                .contains("| Email/password | password-grant (not measured) | 96.0 | 10.0 | 20.0 | 30.0 | 0 | — | ≥ 0.95 | NO |")
                .contains("## Scale\n\nNot measured.")
                .contains("## Memory\n\nNot measured.")
                .contains("## Comparisons\n\nNone.");
        assertThat(new ObjectMapper().readTree(dir.resolve("results.json").toFile())
                .get("measurements").get(0).get("ratio").isNull()).isTrue();
    }

    @Test
    void jsonHoldsTheSameDataWithRatiosVerdictsGeneratorDatabaseAndProfiles() throws IOException {
        report().write(dir);

        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertThat(json.get("title").asText()).isEqualTo("Fintech login APIs vs Keycloak grants");
        assertThat(json.get("server").asText()).isEqualTo("start --optimized, PostgreSQL 15");
        assertThat(json.get("started").asText()).isEqualTo("2026-01-02T03:04:05Z");
        JsonNode measurements = json.get("measurements");
        assertThat(measurements).hasSize(5);

        JsonNode pin = measurements.get(4);
        assertThat(pin.get("id").asText()).isEqualTo("pin-login");
        assertThat(pin.get("judgedAgainst").asText()).isEqualTo("mobile-sign-in");
        assertThat(pin.get("ratio").asDouble()).isCloseTo(0.8, within(1e-9));
        assertThat(pin.get("target").asDouble()).isEqualTo(0.9);
        assertThat(pin.get("met").asBoolean()).isFalse();
        assertThat(pin.get("errors").asLong()).isEqualTo(2);
        assertThat(pin.get("firstErrors").get(0).asText()).isEqualTo("HTTP 401: {\"resCode\":\"E1\"}");
        assertThat(pin.get("cpuShare").get("server").asDouble()).isEqualTo(0.71);

        JsonNode baseline = measurements.get(0);
        assertThat(baseline.get("baseline").asBoolean()).isTrue();
        assertThat(baseline.get("judgedAgainst").isNull()).isTrue();
        assertThat(baseline.get("target").isNull()).isTrue();

        assertThat(json.get("generator").get("ratio").asDouble()).isCloseTo(1000 / 1050.0, within(1e-9));
        assertThat(json.get("generator").get("met").asBoolean()).isTrue();
        JsonNode database = json.get("database").get("scenarios").get(1);
        assertThat(database.get("id").asText()).isEqualTo("pin-login");
        assertThat(database.get("transactionsPerLogin").asDouble()).isEqualTo(2.5);
        assertThat(database.get("byTable").get("fintech_credential_attempt").get("updated").asLong()).isEqualTo(400);
        assertThat(json.get("profiles").get(0).get("frames").get(0).get("owner").asText()).isEqualTo("Keycloak");
        assertThat(json.get("scales").get(1).get("met").asBoolean()).isFalse();
        assertThat(json.get("scales").get(1).get("coldP50Millis").asDouble()).isEqualTo(21.0);
        assertThat(json.get("memory").get("deltaBytes").asLong()).isEqualTo(10L * 1024 * 1024);
        assertThat(json.get("comparisons").get(0).get("ratio").asDouble()).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void theChartIsAPngOfTheExpectedSizeEvenWithoutAnyApiToCompare() throws IOException {
        report().write(dir);
        BufferedImage image = ImageIO.read(dir.resolve("throughput-ratios.png").toFile());
        assertThat(image.getWidth()).isEqualTo(RatioChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(RatioChart.HEIGHT);

        new Report(run(), List.of(PASSWORD_GRANT), null, List.of(), null, List.of(), null, List.of(), List.of()).write(dir);
        assertThat(ImageIO.read(dir.resolve("throughput-ratios.png").toFile())).isNotNull();
    }

    @Test
    void theOutputDirectoryIsCreated() throws IOException {
        Path nested = dir.resolve("a/b");

        report().write(nested);

        assertThat(nested.resolve("results.md")).exists();
        assertThat(nested.resolve("results.json")).exists();
        assertThat(nested.resolve("throughput-ratios.png")).exists();
    }

    @Test
    void machineDescribesThisJvm() {
        String description = Report.Machine.current().description();

        assertThat(description)
                .startsWith(Runtime.getRuntime().availableProcessors() + " cores, ")
                .contains(" GiB, ")
                .contains(System.getProperty("os.name"))
                .endsWith(System.getProperty("java.version"));
    }

    private static Report report() {
        List<Report.Scale> scales = List.of(
                new Report.Scale("mobile-sign-in", "Mobile sign-in", 1000, 10.0, 100000, 11.5, 14.0),
                new Report.Scale("pin-login", "PIN login", 1000, 10.0, 100000, 13.0, 21.0));
        Report.Memory memory = new Report.Memory(10000, 100L * 1024 * 1024, 110L * 1024 * 1024,
                "jcmd GC.run then GC.heap_info");
        List<Report.Comparison> comparisons = List.of(
                new Report.Comparison("Attempt limiter on email/password", EMAIL, EMAIL_WITHOUT_LIMITER));
        Report.GeneratorCheck generator = new Report.GeneratorCheck(renamed(CC_GRANT, 1050), CC_GRANT, renamed(CC_GRANT, 420),
                renamed(CC_GRANT, 990));
        PostgresStatistics.Writes session = new PostgresStatistics.Writes(200, 0, 0);
        Report.Database database = new Report.Database("PostgreSQL 15.18, database keycloak_bench",
                new PostgresStatistics.Delta(10, 1, new PostgresStatistics.Writes(1, 0, 1), Map.of()),
                List.of(new Report.DatabaseWork("password-grant", "Keycloak password grant", 200, 0, 300,
                                new PostgresStatistics.Writes(600, 0, 0), Map.of("event_entity", session,
                                        "offline_user_session", session, "offline_client_session", session)),
                        new Report.DatabaseWork("pin-login", "PIN login | mode 1", 200, 1, 500,
                                new PostgresStatistics.Writes(600, 400, 0), Map.of("event_entity", session,
                                        "offline_user_session", session, "offline_client_session", session,
                                        "fintech_credential_attempt", new PostgresStatistics.Writes(0, 400, 0),
                                        "jgroups_ping", new PostgresStatistics.Writes(1, 0, 0)))));
        Report.Profile profile = new Report.Profile(PIN, MOBILE, 1000, 800, List.of(
                new Report.ProfileRow("RSA signature (token signing)", "Keycloak", "AsymmetricSignatureSignerContext.sign", 0.3, 0.37),
                new Report.ProfileRow("database (JDBC, Hibernate, transactions)", "extension", "AttemptStore.reserve", 0.2, 0)));
        return new Report(run(), List.of(PASSWORD_GRANT, CC_GRANT, EMAIL, MOBILE, PIN), generator, scales, memory,
                comparisons, database, List.of(profile), List.of());
    }

    private static Report.Run run() {
        return new Report.Run("Fintech login APIs vs Keycloak grants", "./bench.sh --postgres", "26.7.3",
                new Report.Machine("2 cores, 8 GiB, Linux 6.1, OpenJDK 25"), Instant.parse("2026-01-02T03:04:05Z"),
                "start --optimized, PostgreSQL 15", "wrk 4.1.0, 2 threads, 8 connections, closed loop; 3 rounds of 10 s");
    }

    private static Measurement baseline(String id, String label, double perSecond, long errors) {
        return measurement(id, label, Optional.empty(), perSecond, errors);
    }

    private static Measurement api(String id, String label, String baselineId, double target, double perSecond, long errors) {
        return measurement(id, label, Optional.of(new Target(baselineId, target)), perSecond, errors);
    }

    private static Measurement renamed(Measurement m, double perSecond) {
        return new Measurement(m.id() + "@other", m.label(), m.target(), m.concurrency(), m.seconds(),
                Math.round(perSecond * m.seconds()), 0, perSecond, m.p50Millis(), m.p95Millis(), m.p99Millis(), List.of(), m.cpu());
    }

    private static Measurement measurement(String id, String label, Optional<Target> target, double perSecond, long errors) {
        List<String> firstErrors = errors == 0 ? List.of() : List.of("HTTP 401: {\"resCode\":\"E1\"}");
        return new Measurement(id, label, target, 8, 30.0, Math.round(perSecond * 30), errors, perSecond,
                10.0, 20.0, 30.0, firstErrors, CPU);
    }
}
