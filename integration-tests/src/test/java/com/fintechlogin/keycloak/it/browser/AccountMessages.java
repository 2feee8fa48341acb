package com.fintechlogin.keycloak.it.browser;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The account console's texts for the extension's credential types, read from the provider JAR's source bundles
 * ({@code theme-resources/messages}) so that the account console tests expect what the extension says today.
 */
final class AccountMessages {

    private static final Path MESSAGES = Path.of(System.getProperty("user.dir"), "..", "authenticators", "src", "main",
            "resources", "theme-resources", "messages");

    static final AccountMessages EN = load("en");
    static final AccountMessages HI = load("hi");

    private final String language;
    private final Properties messages;

    private AccountMessages(String language, Properties messages) {
        this.language = language;
        this.messages = messages;
    }

    private static AccountMessages load(String language) {
        Path file = MESSAGES.resolve("messages_" + language + ".properties").normalize();
        Properties messages = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            messages.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the account console messages " + file, e);
        }
        return new AccountMessages(language, messages);
    }

    /** The message {@code key}; fails when the bundle has no such key. */
    String get(String key) {
        String text = messages.getProperty(key);
        if (text == null) {
            throw new AssertionError("messages_" + language + ".properties has no key " + key);
        }
        return text;
    }
}
