package com.fintechlogin.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each package's {@code package-info.java} says which packages it must not import ("Must not import api/ or
 * partner/"); this holds the code to those sentences, so that a seam stays where the documentation says it is.
 */
class PackageBoundariesTest {

    private static final Path MAIN = Path.of("src/main/java/com/fintechlogin/keycloak");
    /** "Must not import x/", or of another package "y/ must not import x/". */
    private static final Pattern RULE = Pattern.compile("(?:([a-z]+(?:/[a-z]+)*)/ )?[Mm]ust not\\s+import\\s+([^:.;]+)");
    private static final Pattern PACKAGE = Pattern.compile("([a-z]+(?:/[a-z]+)*)/");

    private record Rule(Path directory, List<String> forbidden) {
    }

    private static List<Rule> rules() throws IOException {
        List<Rule> rules = new ArrayList<>();
        try (Stream<Path> infos = Files.walk(MAIN).filter(path -> path.getFileName().toString().equals("package-info.java"))) {
            for (Path info : infos.toList()) {
                String text = Files.readString(info).replaceAll("\\s*\\*\\s*", " ").replaceAll("\\s+", " ");
                Matcher rule = RULE.matcher(text);
                while (rule.find()) {
                    List<String> forbidden = new ArrayList<>();
                    Matcher name = PACKAGE.matcher(rule.group(2));
                    while (name.find()) {
                        forbidden.add(name.group(1));
                    }
                    if (!forbidden.isEmpty()) {
                        rules.add(new Rule(rule.group(1) == null ? info.getParent() : MAIN.resolve(rule.group(1)), forbidden));
                    }
                }
            }
        }
        return rules;
    }

    @Test
    void everyPackageKeepsToTheImportsItsPackageInfoForbids() throws IOException {
        List<Rule> rules = rules();
        assertThat(rules).as("package-info sentences of the form 'Must not import x/'").hasSizeGreaterThanOrEqualTo(8);
        List<String> breaches = new ArrayList<>();
        for (Rule rule : rules) {
            try (Stream<Path> files = Files.list(rule.directory()).filter(path -> path.toString().endsWith(".java"))) {
                for (Path file : files.toList()) {
                    for (String line : Files.readAllLines(file)) {
                        for (String forbidden : rule.forbidden()) {
                            if (line.startsWith("import com.fintechlogin.keycloak." + forbidden.replace('/', '.') + ".")) {
                                breaches.add(MAIN.relativize(file) + ": " + line);
                            }
                        }
                    }
                }
            }
        }
        assertThat(breaches).as("imports a package-info forbids").isEmpty();
    }
}
