package com.fintechlogin.keycloak.it.cluster;

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
 * The admin guide's install commands, as an admin copies them: each fenced {@code ```sh} block right under a marker
 * that says where it runs,
 *
 * <pre>
 * &lt;!-- InstallGuideTest: repository --&gt;   in this repository's root
 * &lt;!-- InstallGuideTest: keycloak --&gt;     in Keycloak's directory
 * &lt;!-- InstallGuideTest: start --&gt;        in Keycloak's directory, the server itself: left running
 * </pre>
 */
final class InstallGuide {

    /** Where a block runs. */
    enum Where {
        REPOSITORY, KEYCLOAK, START
    }

    record Block(Where where, int line, String script) {
    }

    private static final Pattern MARKER = Pattern.compile("<!-- InstallGuideTest: (repository|keycloak|start) -->");

    private InstallGuide() {
    }

    static List<Block> read(Path guide) {
        try {
            return parse(Files.readAllLines(guide, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Block> parse(List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i).strip());
            if (!marker.matches()) {
                continue;
            }
            if (i + 1 >= lines.size() || !lines.get(i + 1).strip().equals("```sh")) {
                throw new AssertionError("line " + (i + 1) + ": an InstallGuideTest marker must stand right above a ```sh block");
            }
            StringBuilder script = new StringBuilder();
            int j = i + 2;
            for (; j < lines.size() && !lines.get(j).strip().equals("```"); j++) {
                script.append(lines.get(j)).append('\n');
            }
            blocks.add(new Block(Where.valueOf(marker.group(1).toUpperCase()), i + 3, script.toString()));
            i = j;
        }
        return blocks;
    }
}
