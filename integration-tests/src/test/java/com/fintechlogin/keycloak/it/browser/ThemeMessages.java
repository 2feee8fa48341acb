package com.fintechlogin.keycloak.it.browser;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * The texts of the fintech login and email themes, read from their source message bundles so that the browser and
 * mail tests expect what the theme says today. Formatted as Keycloak formats them: {@link MessageFormat} in the
 * page's (or mail's) locale.
 */
public final class ThemeMessages {

    private static final Path THEME = Path.of(System.getProperty("user.dir"), "..", "themes", "src", "main", "resources",
            "theme", "fintech");

    static final ThemeMessages EN = load("login", "en");
    static final ThemeMessages HI = load("login", "hi");
    public static final ThemeMessages EMAIL_EN = load("email", "en");
    public static final ThemeMessages EMAIL_HI = load("email", "hi");

    private final Locale locale;
    private final Properties messages;

    private ThemeMessages(Locale locale, Properties messages) {
        this.locale = locale;
        this.messages = messages;
    }

    private static ThemeMessages load(String themeType, String language) {
        Path file = THEME.resolve(themeType).resolve("messages").resolve("messages_" + language + ".properties").normalize();
        Properties messages = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            messages.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the theme's messages " + file, e);
        }
        return new ThemeMessages(Locale.forLanguageTag(language), messages);
    }

    /** The message {@code key} with its parameters; fails when the bundle has no such key. */
    public String get(String key, Object... parameters) {
        String pattern = messages.getProperty(key);
        if (pattern == null) {
            throw new AssertionError("The theme's messages_" + locale.toLanguageTag() + ".properties has no key " + key);
        }
        return new MessageFormat(pattern, locale).format(parameters);
    }
}
