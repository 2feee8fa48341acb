package com.fintechlogin.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each package's {@code package-info.java} says which packages it must not import ("Must not import api/ or
 * partner/"); this holds the code to those sentences, so that a seam stays where the documentation says it is. And no
 * package depends on itself through others: each can be read, and changed, knowing only what it imports.
 */
class PackageBoundariesTest {

    private static final Path MAIN = Path.of("src/main/java/com/fintechlogin/keycloak");
    /** "Must not import x/", or of another package "y/ must not import x/". */
    private static final Pattern RULE = Pattern.compile("(?:([a-z]+(?:/[a-z]+)*)/ )?[Mm]ust not\\s+import\\s+([^:.;]+)");
    private static final Pattern PACKAGE = Pattern.compile("([a-z]+(?:/[a-z]+)*)/");

    private static final Pattern PROJECT_IMPORT = Pattern.compile("^import (?:static )?com\\.fintechlogin\\.keycloak\\.([a-z.]+?)\\.[A-Z].*");

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

    @Test
    void noPackageImportsItselfThroughOthers() throws IOException {
        Map<String, Set<String>> imports = imports();
        assertThat(imports).as("packages found").hasSizeGreaterThan(10);
        List<String> cycles = new ArrayList<>();
        for (String start : imports.keySet()) {
            pathBack(start, imports).ifPresent(cycle -> cycles.add(String.join(" -> ", cycle)));
        }
        assertThat(cycles).as("packages that import themselves through others").isEmpty();
    }

    /** Each package (as a.b) and the project packages its classes import. */
    private static Map<String, Set<String>> imports() throws IOException {
        Map<String, Set<String>> imports = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN).filter(path -> path.toString().endsWith(".java"))) {
            for (Path file : files.toList()) {
                String own = MAIN.relativize(file.getParent()).toString().replace('/', '.');
                Set<String> imported = imports.computeIfAbsent(own, name -> new TreeSet<>());
                for (String line : Files.readAllLines(file)) {
                    Matcher project = PROJECT_IMPORT.matcher(line);
                    if (project.matches() && !project.group(1).equals(own)) {
                        imported.add(project.group(1));
                    }
                }
            }
        }
        return imports;
    }

    /** A chain of imports from {@code start} back to itself, breadth first, or empty. */
    private static Optional<List<String>> pathBack(String start, Map<String, Set<String>> imports) {
        Map<String, String> reachedFrom = new TreeMap<>();
        Deque<String> queue = new ArrayDeque<>(imports.getOrDefault(start, Set.of()));
        imports.getOrDefault(start, Set.of()).forEach(next -> reachedFrom.put(next, start));
        Set<String> seen = new HashSet<>(queue);
        while (!queue.isEmpty()) {
            String current = queue.poll();
            if (current.equals(start)) {
                List<String> cycle = new ArrayList<>(List.of(start));
                for (String step = reachedFrom.get(start); !step.equals(start); step = reachedFrom.get(step)) {
                    cycle.add(0, step);
                }
                cycle.add(0, start);
                return Optional.of(cycle);
            }
            for (String next : imports.getOrDefault(current, Set.of())) {
                if (seen.add(next)) {
                    reachedFrom.put(next, current);
                    queue.add(next);
                }
            }
        }
        return Optional.empty();
    }
}
