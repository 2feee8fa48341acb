package com.fintechlogin.keycloak.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The curl examples of README.md, as a reader copies them. An example is a fenced {@code ```sh} block right under a
 * marker that says what its last request answers:
 *
 * <pre>
 * &lt;!-- ReadmeCurlsTest: HTTP 200, body contains "resCode":200 --&gt;
 * ```sh
 * curl -s -X POST http://localhost:8080/realms/demo/fintech/market-place/v1/token …
 * ```
 * </pre>
 *
 * Any other {@code sh} block that runs curl is reported as {@link Readme#unmarkedCurlBlocks() unmarked}, so that no
 * curl of the README escapes the test.
 */
final class ReadmeCurls {

    /** Where the README's examples send their requests: the run command's demo realm. */
    static final String DEMO_REALM_URL = "http://localhost:8080/realms/demo";

    static final Path README = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent().resolve("README.md");

    private static final Pattern MARKER = Pattern.compile(
            "<!-- ReadmeCurlsTest: HTTP (\\d{3})(?:, body contains (.+?))? -->");
    private static final Pattern HEADING = Pattern.compile("^#{2,4} (.+)$");
    private static final Pattern CURL_COMMAND = Pattern.compile("(^|[\\s($|])curl\\s");

    private ReadmeCurls() {
    }

    /**
     * One example: the README section it is in, the line its block starts on, the HTTP status and a piece of the body
     * the last request answers with, and the block's text.
     */
    record Example(String section, int line, int expectedStatus, String expectedBodyPart, String script) {

        @Override
        public String toString() {
            return section + " (README.md:" + line + ")";
        }
    }

    /** What the README holds: its tested examples and the lines of curl blocks without a marker. */
    record Readme(List<Example> examples, List<Integer> unmarkedCurlBlocks) {
    }

    static Readme read() {
        try {
            return parse(Files.readAllLines(README, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Readme parse(List<String> lines) {
        List<Example> examples = new ArrayList<>();
        List<Integer> unmarked = new ArrayList<>();
        String section = "(top)";
        Matcher pendingMarker = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                section = heading.group(1).strip();
            }
            Matcher marker = MARKER.matcher(line.strip());
            if (marker.matches()) {
                pendingMarker = marker;
                continue;
            }
            if (line.strip().equals("```sh")) {
                int start = i + 1;
                StringBuilder block = new StringBuilder();
                for (i = start; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                    block.append(lines.get(i)).append('\n');
                }
                String script = block.toString();
                if (pendingMarker != null) {
                    examples.add(new Example(section, start, Integer.parseInt(pendingMarker.group(1)),
                            pendingMarker.group(2), script));
                } else if (CURL_COMMAND.matcher(script).find()) {
                    unmarked.add(start);
                }
                pendingMarker = null;
                continue;
            }
            if (!line.isBlank()) {
                // A marker belongs to the block right under it, nothing in between.
                pendingMarker = null;
            }
        }
        return new Readme(List.copyOf(examples), List.copyOf(unmarked));
    }
}
