package com.fintechlogin.keycloak.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The repository's documents a reader is sent to: README.md and every guide under {@code docs/}. The tests that hold
 * the documents to the project (their links, their curls) all read this one list, so a new guide is checked by each
 * of them without being named anywhere.
 */
public final class Documents {

    /** The repository's root: Surefire runs a module's tests in the module's directory. */
    public static final Path REPOSITORY = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();

    private Documents() {
    }

    /** README.md, then {@code docs/*.md} in name order. */
    public static List<Path> all() {
        List<Path> documents = new ArrayList<>();
        documents.add(REPOSITORY.resolve("README.md"));
        try (Stream<Path> guides = Files.list(REPOSITORY.resolve("docs"))) {
            guides.filter(path -> path.getFileName().toString().endsWith(".md")).sorted().forEach(documents::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(documents);
    }

    /** The document's path from the repository's root, as a reader names it: {@code docs/api-reference.md}. */
    public static String name(Path document) {
        return REPOSITORY.relativize(document.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    public static List<String> lines(Path document) {
        try {
            return Files.readAllLines(document, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
