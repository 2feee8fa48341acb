import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The last thing test.sh prints: per module, how many tests ran, failed, erred and were skipped (from Surefire's
 * XML reports), then each failing test with the first line of its message and where its output is, and for a failing
 * integration test the tail of the shared Keycloak server's log. JDK only: run as
 * {@code java scripts/TestSummary.java <root> [<epoch seconds>]}; with the second argument only reports written since
 * then count, so that an earlier run's reports do not mix into a run of a few tests.
 */
public final class TestSummary {

    private static final int LOG_TAIL_LINES = 40;

    private record Failure(String module, String testClass, String test, String kind, String message) {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        long since = args.length > 1 ? Long.parseLong(args[1]) * 1000 : 0;
        Map<String, int[]> totals = new TreeMap<>();
        List<Failure> failures = new ArrayList<>();
        List<Path> reports;
        try (Stream<Path> files = Files.walk(root, 4)) {
            reports = files.filter(p -> p.getFileName().toString().startsWith("TEST-") && p.toString().endsWith(".xml")
                    && p.getParent().getFileName().toString().equals("surefire-reports") && writtenSince(p, since))
                    .sorted().toList();
        }
        for (Path report : reports) {
            String module = root.relativize(report).getName(0).toString();
            Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile()).getDocumentElement();
            int[] sums = totals.computeIfAbsent(module, m -> new int[4]);
            sums[0] += number(suite, "tests");
            sums[1] += number(suite, "failures");
            sums[2] += number(suite, "errors");
            sums[3] += number(suite, "skipped");
            NodeList cases = suite.getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element testCase = (Element) cases.item(i);
                for (String kind : new String[] {"failure", "error"}) {
                    NodeList problems = testCase.getElementsByTagName(kind);
                    if (problems.getLength() > 0) {
                        String message = ((Element) problems.item(0)).getAttribute("message");
                        failures.add(new Failure(module, testCase.getAttribute("classname"), testCase.getAttribute("name"), kind,
                                message.lines().findFirst().orElse("").strip()));
                    }
                }
            }
        }
        System.out.println();
        System.out.println("==> Test summary");
        if (totals.isEmpty()) {
            System.out.println("  no test reports found (did the build stop before the tests?)");
            return;
        }
        totals.forEach((module, sums) -> System.out.printf("  %-16s %5d tests  %3d failed  %3d errors  %3d skipped%n",
                module, sums[0], sums[1], sums[2], sums[3]));
        if (failures.isEmpty()) {
            System.out.println("  every test passed");
            return;
        }
        System.out.println();
        for (Failure failure : failures) {
            String simpleClass = failure.testClass().substring(failure.testClass().lastIndexOf('.') + 1);
            System.out.printf("  %s %s.%s%n      %s%n      output: %s/target/surefire-reports/%s-output.txt%n",
                    failure.kind().toUpperCase(), simpleClass, failure.test(), failure.message(), failure.module(), failure.testClass());
        }
        Path serverLog = root.resolve("integration-tests/target/keycloak-server.log");
        if (failures.stream().anyMatch(f -> f.module().equals("integration-tests")) && Files.exists(serverLog)) {
            List<String> lines = tail(serverLog);
            System.out.printf("%n  the shared Keycloak server's log, last %d lines (all of it: %s):%n", lines.size(), serverLog);
            lines.forEach(line -> System.out.println("    " + line));
        }
    }

    private static boolean writtenSince(Path report, long sinceMillis) {
        try {
            return Files.getLastModifiedTime(report).toMillis() >= sinceMillis;
        } catch (IOException gone) {
            return false;
        }
    }

    private static int number(Element suite, String attribute) {
        String value = suite.getAttribute(attribute);
        return value.isEmpty() ? 0 : Integer.parseInt(value);
    }

    private static List<String> tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
    }
}
