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
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    private static final Measurement PASSWORD_GRANT = measurement("password-grant", "Keycloak password grant",
            Group.PASSWORD_BASELINE, 100, 0);
    private static final Measurement CC_GRANT = measurement("cc-grant", "Keycloak client-credentials grant",
            Group.CLIENT_CREDENTIALS_BASELINE, 100, 0);
    private static final Measurement EMAIL = measurement("seed-004", "Email/password (seed 004)",
            Group.PASSWORD_BASED, 96, 0);
    private static final Measurement MOBILE = measurement("seed-000", "Mobile sign-in (seed 000)", Group.LIGHT, 40, 0);
    private static final Measurement PIN = measurement("seed-001-pin", "PIN login | mode 1", Group.LIGHT, 80, 2);
    private static final Measurement EMAIL_WITHOUT_LIMITER = measurement("seed-004-no-limiter",
            "Email/password without limiter", Group.PASSWORD_BASED, 120, 0);

    @TempDir
    Path dir;

    @Test
    void markdownShowsEachApiWithItsRatioToTheMatchingBaselineAndWhetherTheTargetIsMet() throws IOException {
        String markdown = report().write(dir);

        assertThat(markdown)
                .contains("| API | compared with | req/s | p50 ms | p95 ms | p99 ms | errors | ratio to baseline "
                        + "| target | met? |")
                .contains("| Keycloak password grant | — | 100.0 | 10.0 | 20.0 | 30.0 | 0 | 1.00 (baseline) | — | — |")
                .contains("| Keycloak client-credentials grant | — | 100.0 | 10.0 | 20.0 | 30.0 | 0 | 1.00 (baseline) "
                        + "| — | — |")
                .contains("| Email/password (seed 004) | Keycloak password grant | 96.0 | 10.0 | 20.0 | 30.0 | 0 | 0.96 "
                        + "| ≥ 0.95 | yes |")
                .contains("| Mobile sign-in (seed 000) | Keycloak client-credentials grant | 40.0 | 10.0 | 20.0 | 30.0 "
                        + "| 0 | 0.40 | ≥ 0.50 | NO |")
                .contains("| PIN login \\| mode 1 | Keycloak client-credentials grant | 80.0 | 10.0 | 20.0 | 30.0 | 2 "
                        + "| 0.80 | ≥ 0.50 | NO |");
        assertThat(Files.readString(dir.resolve("results.md"))).isEqualTo(markdown);
    }

    @Test
    void markdownHeaderSaysWhenWhereAndHowTheRunWasMade() throws IOException {
        String markdown = report().write(dir);

        assertThat(markdown)
                .startsWith("# Fintech login APIs vs Keycloak grants\n")
                .contains("- Date: 2026-01-02 03:04:05 UTC")
                .contains("- Machine: 2 cores, 8 GiB, Linux 6.1, OpenJDK 25")
                .contains("- Keycloak: 26.7.3")
                .contains("- Load: 16 concurrent workers, closed loop; measured window 30.0 s per API")
                .contains("- Command: `./run.sh bench`")
                .contains("![Throughput ratio of each API to its baseline](throughput-ratios.png)");
    }

    @Test
    void markdownListsTheFirstErrorsOfFailingApis() throws IOException {
        String markdown = report().write(dir);

        assertThat(markdown).contains("(2 errors):\n  - `HTTP 401: {\"resCode\":\"E1\"}`");
    }

    @Test
    void markdownHasScaleMemoryAndComparisonSections() throws IOException {
        String markdown = report().write(dir);

        assertThat(markdown)
                .contains("| Email/password (seed 004) | 1000 → 100000 | 10.0 | 11.5 | 1.15 | ≤ 1.20 | yes |")
                .contains("| Mobile sign-in (seed 000) | 1000 → 100000 | 10.0 | 13.0 | 1.30 | ≤ 1.20 | NO |")
                .contains("Server heap used: 100.0 MiB before, 110.0 MiB after 10000 logins (+10.0 MiB, "
                        + "1049 bytes per login); measured with jcmd GC.run then GC.heap_info.")
                .contains("| Attempt limiter on seed 004 | 96.0 | 10.0 | 120.0 | 10.0 | 0 / 0 | 0.80 |");
    }

    @Test
    void anApiWhoseBaselineWasNotMeasuredIsNotMet() throws IOException {
        Report report = new Report("t", "c", "26.7.3", new Report.Machine("m"), Instant.EPOCH, List.of(EMAIL),
                List.of(), null, List.of());

        String markdown = report.write(dir);

        assertThat(markdown)
                .contains("| Email/password (seed 004) | Keycloak password grant (not measured) | 96.0 | 10.0 | 20.0 "
                        + "| 30.0 | 0 | — | ≥ 0.95 | NO |")
                .contains("## Scale\n\nNot measured.")
                .contains("## Memory\n\nNot measured.")
                .contains("## Comparisons\n\nNone.");
        assertThat(new ObjectMapper().readTree(dir.resolve("results.json").toFile())
                .get("measurements").get(0).get("ratio").isNull()).isTrue();
    }

    @Test
    void theFirstMeasurementOfABaselineGroupIsTheBaseline() throws IOException {
        Measurement secondPasswordGrant = measurement("password-grant-2", "Keycloak password grant again",
                Group.PASSWORD_BASELINE, 50, 0);
        Report report = new Report("t", "c", "26.7.3", new Report.Machine("m"), Instant.EPOCH,
                List.of(PASSWORD_GRANT, secondPasswordGrant, EMAIL), List.of(), null, List.of());

        String markdown = report.write(dir);

        assertThat(markdown)
                .contains("| Keycloak password grant again | — | 50.0 | 10.0 | 20.0 | 30.0 | 0 | 0.50 (baseline) |")
                .contains("| 0.96 | ≥ 0.95 | yes |");
    }

    @Test
    void jsonHoldsTheSameDataWithRatiosAndVerdicts() throws IOException {
        report().write(dir);

        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertThat(json.get("title").asText()).isEqualTo("Fintech login APIs vs Keycloak grants");
        assertThat(json.get("keycloakVersion").asText()).isEqualTo("26.7.3");
        assertThat(json.get("started").asText()).isEqualTo("2026-01-02T03:04:05Z");
        JsonNode measurements = json.get("measurements");
        assertThat(measurements).hasSize(5);

        JsonNode email = measurements.get(2);
        assertThat(email.get("id").asText()).isEqualTo("seed-004");
        assertThat(email.get("group").asText()).isEqualTo("PASSWORD_BASED");
        assertThat(email.get("comparedWith").asText()).isEqualTo("password-grant");
        assertThat(email.get("perSecond").asDouble()).isEqualTo(96.0);
        assertThat(email.get("ratio").asDouble()).isCloseTo(0.96, within(1e-9));
        assertThat(email.get("target").asDouble()).isEqualTo(0.95);
        assertThat(email.get("met").asBoolean()).isTrue();

        JsonNode mobile = measurements.get(3);
        assertThat(mobile.get("comparedWith").asText()).isEqualTo("cc-grant");
        assertThat(mobile.get("ratio").asDouble()).isCloseTo(0.40, within(1e-9));
        assertThat(mobile.get("met").asBoolean()).isFalse();

        JsonNode pin = measurements.get(4);
        assertThat(pin.get("errors").asLong()).isEqualTo(2);
        assertThat(pin.get("met").asBoolean()).isFalse();
        assertThat(pin.get("firstErrors").get(0).asText()).isEqualTo("HTTP 401: {\"resCode\":\"E1\"}");

        JsonNode baseline = measurements.get(0);
        assertThat(baseline.get("baseline").asBoolean()).isTrue();
        assertThat(baseline.get("ratio").asDouble()).isEqualTo(1.0);
        assertThat(baseline.get("target").isNull()).isTrue();

        assertThat(json.get("scales").get(1).get("ratio").asDouble()).isCloseTo(1.3, within(1e-9));
        assertThat(json.get("scales").get(1).get("met").asBoolean()).isFalse();
        assertThat(json.get("memory").get("deltaBytes").asLong()).isEqualTo(10L * 1024 * 1024);
        assertThat(json.get("comparisons").get(0).get("ratio").asDouble()).isCloseTo(0.8, within(1e-9));
        assertThat(json.get("comparisons").get(0).get("without").get("id").asText())
                .isEqualTo("seed-004-no-limiter");
    }

    @Test
    void chartIsAPngOfTheExpectedSize() throws IOException {
        report().write(dir);

        Path png = dir.resolve("throughput-ratios.png");
        assertThat(png).exists();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(500);
    }

    @Test
    void chartIsDrawnEvenWithoutAnyApiToCompare() throws IOException {
        Report report = new Report("t", "c", "26.7.3", new Report.Machine("m"), Instant.EPOCH,
                List.of(PASSWORD_GRANT), List.of(), null, List.of());

        report.write(dir);

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
                new Report.Scale("seed-004", "Email/password (seed 004)", 1000, 10.0, 100000, 11.5),
                new Report.Scale("seed-000", "Mobile sign-in (seed 000)", 1000, 10.0, 100000, 13.0));
        Report.Memory memory = new Report.Memory(10000, 100L * 1024 * 1024, 110L * 1024 * 1024,
                "jcmd GC.run then GC.heap_info");
        List<Report.Comparison> comparisons = List.of(
                new Report.Comparison("Attempt limiter on seed 004", EMAIL, EMAIL_WITHOUT_LIMITER));
        return new Report("Fintech login APIs vs Keycloak grants", "./run.sh bench", "26.7.3",
                new Report.Machine("2 cores, 8 GiB, Linux 6.1, OpenJDK 25"), Instant.parse("2026-01-02T03:04:05Z"),
                List.of(PASSWORD_GRANT, CC_GRANT, EMAIL, MOBILE, PIN), scales, memory, comparisons);
    }

    private static Measurement measurement(String id, String label, Group group, double perSecond, long errors) {
        List<String> firstErrors = errors == 0 ? List.of() : List.of("HTTP 401: {\"resCode\":\"E1\"}");
        return new Measurement(id, label, group, 16, 30.0, Math.round(perSecond * 30), errors, perSecond,
                10.0, 20.0, 30.0, firstErrors);
    }
}
