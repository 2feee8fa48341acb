package com.fintechlogin.keycloak.it.admin;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fintechlogin.keycloak.docs.Documents;

/**
 * The admin guide's {@code kcadm.sh} recipes for the realm's settings and a client's, as an admin copies them: each
 * fenced {@code ```sh} block right under a marker naming the test that runs it, run in Keycloak's directory,
 *
 * <pre>
 * &lt;!-- RealmSettingsTest: kcadm --&gt;                  must succeed
 * &lt;!-- RealmSettingsTest: refused &lt;message&gt; --&gt;      must fail, printing the message
 * </pre>
 */
final class SettingsRecipes {

    record Block(int line, String script, String refusal) {

        /** The settings the block sets, by name, each to the text after {@code =} ({@code null} for {@code null}). */
        Map<String, String> sets() {
            Map<String, String> sets = new LinkedHashMap<>();
            Matcher set = SET.matcher(script);
            while (set.find()) {
                sets.put(set.group(1), set.group(2).equals("null") ? null : set.group(2));
            }
            return sets;
        }
    }

    record Run(int exitCode, String output) {
    }

    private static final Path GUIDE = Documents.REPOSITORY.resolve("docs/admin-guide.md");
    private static final Pattern SET = Pattern.compile("-s '\"([a-z.-]+)\"=([^']*)'");

    private SettingsRecipes() {
    }

    /** The blocks marked for {@code test}, by its simple class name. */
    static List<Block> read(String test) {
        Pattern marker = Pattern.compile("<!-- " + Pattern.quote(test) + ": (kcadm|refused (.+)) -->");
        List<String> lines = Documents.lines(GUIDE);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher marked = marker.matcher(lines.get(i).strip());
            if (!marked.matches()) {
                continue;
            }
            if (i + 1 >= lines.size() || !lines.get(i + 1).strip().equals("```sh")) {
                throw new AssertionError("admin-guide.md line " + (i + 1) + ": the marker must stand right above a ```sh block");
            }
            StringBuilder script = new StringBuilder();
            int j = i + 2;
            for (; j < lines.size() && !lines.get(j).strip().equals("```"); j++) {
                script.append(lines.get(j)).append('\n');
            }
            blocks.add(new Block(i + 3, script.toString(), marked.group(2)));
            i = j;
        }
        return blocks;
    }

    /** The unpacked distribution the build put under target/ (its kcadm.sh is the one an admin runs). */
    static Path keycloakHome() {
        try (Stream<Path> dists = Files.list(Path.of(System.getProperty("user.dir"), "target", "keycloak-dist"))) {
            return dists.filter(dir -> dir.getFileName().toString().startsWith("keycloak-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no unpacked Keycloak under target/keycloak-dist"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a block with bash in Keycloak's directory, with {@code home} as the home directory (kcadm.sh keeps its login
     * there, not in the tester's) and this JVM's Java, which Keycloak's client runs on.
     */
    static Run run(Block block, Path home) {
        try {
            Path script = Files.createTempFile(home, "recipe", ".sh");
            Files.writeString(script, "set -e\n" + block.script(), StandardCharsets.UTF_8);
            Path output = home.resolve("output.txt");
            ProcessBuilder bash = new ProcessBuilder("bash", "--noprofile", "--norc", script.toString())
                    .directory(keycloakHome().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            String java = System.getProperty("java.home");
            bash.environment().put("HOME", home.toString());
            // Java takes its user.home from the account, not HOME: kcadm.sh passes KC_OPTS to its JVM.
            bash.environment().put("KC_OPTS", "-Duser.home=" + home);
            bash.environment().put("JAVA_HOME", java);
            bash.environment().put("PATH", Path.of(java, "bin") + ":" + bash.environment().get("PATH"));
            Process process = bash.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("admin-guide.md line " + block.line() + ": still running after 5 minutes");
            }
            return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
