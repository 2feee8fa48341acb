package com.fintechlogin.keycloak.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PartnerSettingsTest {

    private static PartnerSettings parse(String... namesAndValues) {
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            attributes.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return PartnerSettings.parse("test", attributes::get);
    }

    @Test
    void defaultsAreStrict() {
        PartnerSettings defaults = parse();

        assertThat(defaults).isEqualTo(new PartnerSettings("partner-api", "partner", true, 300, false));
        assertThat(defaults.markerLifespanSeconds()).isEqualTo(600);
    }

    @Test
    void anEmptyValueReadsAsNotSet() {
        // Tests "remove" an attribute by setting it empty: the admin API keeps attributes a representation leaves out.
        assertThat(parse(PartnerSettings.CLIENT_ID_ATTRIBUTE, "", PartnerSettings.ROLE_ATTRIBUTE, " ",
                PartnerSettings.TIMESTAMP_REQUIRED_ATTRIBUTE, "", PartnerSettings.WINDOW_ATTRIBUTE, "",
                PartnerSettings.CBC_ALLOWED_ATTRIBUTE, "")).isEqualTo(parse());
    }

    @Test
    void readsEverySetting() {
        PartnerSettings settings = parse(PartnerSettings.CLIENT_ID_ATTRIBUTE, " bank-partners ", PartnerSettings.ROLE_ATTRIBUTE, "bocm",
                PartnerSettings.TIMESTAMP_REQUIRED_ATTRIBUTE, "FALSE", PartnerSettings.WINDOW_ATTRIBUTE, "60",
                PartnerSettings.CBC_ALLOWED_ATTRIBUTE, "true");

        assertThat(settings).isEqualTo(new PartnerSettings("bank-partners", "bocm", false, 60, true));
        assertThat(settings.markerLifespanSeconds()).as("without timestamps, the window alone").isEqualTo(60);
        assertThat(parse(PartnerSettings.WINDOW_ATTRIBUTE, "60").markerLifespanSeconds())
                .as("a timestamp up to a window ahead stays fresh for two").isEqualTo(120);
    }

    @Test
    void aTypoNeverWeakensTheCheck() {
        for (String typo : List.of("yes", "1", "ture", "on")) {
            assertThat(parse(PartnerSettings.TIMESTAMP_REQUIRED_ATTRIBUTE, typo).timestampRequired()).as(typo).isTrue();
            assertThat(parse(PartnerSettings.CBC_ALLOWED_ATTRIBUTE, typo).cbcAllowed()).as(typo).isFalse();
        }
        for (String window : List.of("0", "-1", "86401", "3OO", "5 min", "1e3")) {
            assertThat(parse(PartnerSettings.WINDOW_ATTRIBUTE, window).windowSeconds()).as(window).isEqualTo(300);
        }
        assertThat(parse(PartnerSettings.WINDOW_ATTRIBUTE, "86400").windowSeconds()).isEqualTo(86_400);
        assertThat(parse(PartnerSettings.WINDOW_ATTRIBUTE, "1").windowSeconds()).isEqualTo(1);
    }
}
