package com.fintechlogin.keycloak.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;

class BooleanSettingTest {

    private static final String KEY = "requireSomething";

    /** What the class logs, through the JDK logging jboss-logging uses outside Keycloak. */
    private final List<LogRecord> logged = new ArrayList<>();
    private final Logger log = Logger.getLogger(BooleanSetting.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureTheLog() {
        log.addHandler(capture);
    }

    @AfterEach
    void releaseTheLog() {
        log.removeHandler(capture);
    }

    private static AuthenticatorConfigModel config(String... keysAndValues) {
        Map<String, String> settings = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            settings.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setAlias("my step settings");
        model.setConfig(settings);
        return model;
    }

    /** jboss-logging's WARN is a level of its own with the JDK's WARNING value. */
    private List<String> warnings() {
        SimpleFormatter formatter = new SimpleFormatter();
        return logged.stream().filter(r -> r.getLevel().intValue() == Level.WARNING.intValue()).map(formatter::formatMessage).toList();
    }

    @Test
    void trueAndFalseAreReadInAnyLetterCaseWithSurroundingSpaces() {
        for (String text : List.of("true", "TRUE", "True", " true ", "\ttRuE\n")) {
            assertThat(BooleanSetting.parse(text)).as(text).contains(true);
        }
        for (String text : List.of("false", "FALSE", "False", " false ", "\tfAlSe\n")) {
            assertThat(BooleanSetting.parse(text)).as(text).contains(false);
        }
    }

    @Test
    void nothingElseSpellsABoolean() {
        for (String text : Arrays.asList(null, "", " ", "yes", "no", "on", "off", "1", "0", "t", "f", "ture", "fals",
                "true!", "\"true\"", "true false", "tru e", "ｔｒｕｅ")) {
            assertThat(BooleanSetting.parse(text)).as(String.valueOf(text)).isEqualTo(Optional.empty());
        }
    }

    @Test
    void aMissingSettingTakesTheSafeValueWithoutAWarning() {
        for (boolean safe : List.of(true, false)) {
            assertThat(BooleanSetting.read("demo", null, KEY, safe)).as("no settings at all").isEqualTo(safe);
            assertThat(BooleanSetting.read("demo", new AuthenticatorConfigModel(), KEY, safe)).as("no map").isEqualTo(safe);
            assertThat(BooleanSetting.read("demo", config(), KEY, safe)).as("key absent").isEqualTo(safe);
            assertThat(BooleanSetting.read("demo", config(KEY, " "), KEY, safe)).as("blank").isEqualTo(safe);
        }
        assertThat(warnings()).isEmpty();
    }

    @Test
    void aValidSettingIsReadAsItSaysWhicheverWayTheSafeValueLies() {
        for (boolean safe : List.of(true, false)) {
            assertThat(BooleanSetting.read("demo", config(KEY, "False"), KEY, safe)).isFalse();
            assertThat(BooleanSetting.read("demo", config(KEY, " TRUE"), KEY, safe)).isTrue();
        }
        assertThat(warnings()).isEmpty();
    }

    @Test
    void aMistypedSettingTakesTheSafeValueAndIsLoggedByNameNotByValue() {
        assertThat(BooleanSetting.read("demo", config(KEY, "yes"), KEY, true)).isTrue();
        assertThat(BooleanSetting.read("demo", config(KEY, "yes"), KEY, false)).isFalse();
        assertThat(BooleanSetting.read("demo", config(KEY, "0"), KEY, true)).isTrue();

        assertThat(warnings()).hasSize(3).allSatisfy(warning -> assertThat(warning)
                .contains("Realm 'demo'", KEY, "'my step settings'", "must be true or false")
                .doesNotContain("yes").doesNotContain("'0'"));
        assertThat(warnings().get(0)).endsWith("using true");
        assertThat(warnings().get(1)).endsWith("using false");
    }
}
