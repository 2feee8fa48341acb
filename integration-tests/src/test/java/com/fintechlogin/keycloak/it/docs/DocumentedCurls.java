package com.fintechlogin.keycloak.it.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fintechlogin.keycloak.docs.Documents;

/**
 * The curl examples of README.md and of the guides under {@code docs/} ({@link Documents}), as a reader copies them.
 * An example is a fenced {@code ```sh} block right under a marker that says what its last request answers:
 *
 * <pre>
 * &lt;!-- DocumentedCurlsTest: HTTP 200, body contains "resCode":200 --&gt;
 * ```sh
 * curl -s -X POST http://localhost:8080/realms/demo/fintech/market-place/v1/token …
 * ```
 * </pre>
 *
 * Any other {@code sh} block that runs curl, in any of the documents, is reported as
 * {@link Documentation#unmarkedCurlBlocks() unmarked}, so that no documented curl escapes the test.
 */
final class DocumentedCurls {

    /** Where the documented examples send their requests: the run command's demo realm. */
    static final String DEMO_REALM_URL = "http://localhost:8080/realms/demo";

    private static final Pattern MARKER = Pattern.compile(
            "<!-- DocumentedCurlsTest: HTTP (\\d{3})(?:, body contains (.+?))? -->");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$");
    private static final Pattern CURL_COMMAND = Pattern.compile("(^|[\\s($|])curl\\s");
    private static final String FENCE = "```";

    private DocumentedCurls() {
    }

    /**
     * One example: the document and the line its block starts on, the section it is in, the HTTP status and a piece of
     * the body the last request answers with, and the block's text.
     */
    record Example(String document, int line, String section, int expectedStatus, String expectedBodyPart,
            String script) {

        @Override
        public String toString() {
            return document + ":" + line + " (" + section + ")";
        }
    }

    /** What the documents hold: their tested examples, and where a curl block has no marker ({@code file:line}). */
    record Documentation(List<Example> examples, List<String> unmarkedCurlBlocks) {
    }

    static Documentation read() {
        List<Example> examples = new ArrayList<>();
        List<String> unmarked = new ArrayList<>();
        for (Path document : Documents.all()) {
            Documentation one = parse(Documents.name(document), Documents.lines(document));
            examples.addAll(one.examples());
            unmarked.addAll(one.unmarkedCurlBlocks());
        }
        return new Documentation(List.copyOf(examples), List.copyOf(unmarked));
    }

    static Documentation parse(String document, List<String> lines) {
        List<Example> examples = new ArrayList<>();
        List<String> unmarked = new ArrayList<>();
        String section = "(top)";
        Matcher pendingMarker = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher marker = MARKER.matcher(line.strip());
            if (marker.matches()) {
                pendingMarker = marker;
                continue;
            }
            if (line.strip().startsWith(FENCE)) {
                boolean shell = line.strip().equals(FENCE + "sh");
                int start = i + 1;
                StringBuilder block = new StringBuilder();
                for (i = start; i < lines.size() && !lines.get(i).strip().equals(FENCE); i++) {
                    block.append(lines.get(i)).append('\n');
                }
                String script = block.toString();
                if (shell && pendingMarker != null) {
                    examples.add(new Example(document, start, section, Integer.parseInt(pendingMarker.group(1)),
                            pendingMarker.group(2), script));
                } else if (shell && CURL_COMMAND.matcher(script).find()) {
                    unmarked.add(document + ":" + start);
                }
                pendingMarker = null;
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                section = heading.group(1).strip();
            }
            if (!line.isBlank()) {
                // A marker belongs to the block right under it, nothing in between.
                pendingMarker = null;
            }
        }
        return new Documentation(List.copyOf(examples), List.copyOf(unmarked));
    }
}
