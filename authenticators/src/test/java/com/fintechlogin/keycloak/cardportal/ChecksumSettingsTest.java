package com.fintechlogin.keycloak.cardportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ChecksumSettingsTest {

    private static final List<String> DOCUMENTED = List.of("mobile_no", "password");

    private static ChecksumSettings.Read parse(Map<String, String> attributes) {
        return ChecksumSettings.parse(attributes::get, DOCUMENTED);
    }

    private static Map<String, String> affiliate(String... more) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put(ChecksumSettings.PROCESSOR_KEY_ATTRIBUTE, "pk");
        attributes.put(ChecksumSettings.SECRET_ATTRIBUTE, "s3cret");
        for (int i = 0; i < more.length; i += 2) {
            attributes.put(more[i], more[i + 1]);
        }
        return attributes;
    }

    @Test
    void defaultsAreTheDocumentedOrderAndNoReplayProtection() {
        ChecksumSettings.Read read = parse(affiliate());

        assertThat(read).isEqualTo(new ChecksumSettings.Configured(new ChecksumSettings("pk", "s3cret", DOCUMENTED, 0)));
        assertThat(((ChecksumSettings.Configured) read).settings().replayProtected()).isFalse();
    }

    @Test
    void aClientWithoutAProcessorKeyIsNoAffiliate() {
        assertThat(parse(Map.of())).isInstanceOf(ChecksumSettings.NotAnAffiliate.class);
        assertThat(parse(Map.of(ChecksumSettings.PROCESSOR_KEY_ATTRIBUTE, "  ", ChecksumSettings.SECRET_ATTRIBUTE, "s")))
                .isInstanceOf(ChecksumSettings.NotAnAffiliate.class);
    }

    @Test
    void anAffiliateWithoutASecretIsMisconfigured() {
        Map<String, String> attributes = affiliate();
        attributes.remove(ChecksumSettings.SECRET_ATTRIBUTE);

        assertThat(parse(attributes)).isInstanceOfSatisfying(ChecksumSettings.Misconfigured.class,
                m -> assertThat(m.attribute()).isEqualTo(ChecksumSettings.SECRET_ATTRIBUTE));
    }

    @Test
    void vaultReferencesAreKeptForResolutionAtEachRequest() {
        ChecksumSettings.Read read = parse(Map.of(ChecksumSettings.PROCESSOR_KEY_ATTRIBUTE, " ${vault.pk} ",
                ChecksumSettings.SECRET_ATTRIBUTE, "${vault.cs}"));

        ChecksumSettings settings = ((ChecksumSettings.Configured) read).settings();
        assertThat(settings.processorKey()).isEqualTo("${vault.pk}");
        assertThat(settings.secret()).isEqualTo("${vault.cs}");
    }

    @Test
    void fieldOrderMayBeAnyPermutationOfTheDocumentedFields() {
        ChecksumSettings.Read read = parse(affiliate(ChecksumSettings.FIELDS_ATTRIBUTE, " password , mobile_no "));

        assertThat(((ChecksumSettings.Configured) read).settings().fields()).containsExactly("password", "mobile_no");
    }

    @Test
    void fieldsThatLeaveOutRepeatOrAddAFieldAreMisconfigured() {
        for (String fields : List.of("mobile_no", "mobile_no,mobile_no", "mobile_no,password,timestamp", "mobile,password",
                "mobile_no,,password", "mobile_no;password")) {
            assertThat(parse(affiliate(ChecksumSettings.FIELDS_ATTRIBUTE, fields))).as(fields)
                    .isInstanceOfSatisfying(ChecksumSettings.Misconfigured.class,
                            m -> assertThat(m.attribute()).isEqualTo(ChecksumSettings.FIELDS_ATTRIBUTE));
        }
    }

    @Test
    void replayWindowIsSecondsUpToADayAndATypoFailsClosed() {
        ChecksumSettings on = ((ChecksumSettings.Configured) parse(affiliate(ChecksumSettings.REPLAY_WINDOW_ATTRIBUTE, "300"))).settings();
        assertThat(on.replayWindowSeconds()).isEqualTo(300);
        assertThat(on.replayProtected()).isTrue();
        assertThat(((ChecksumSettings.Configured) parse(affiliate(ChecksumSettings.REPLAY_WINDOW_ATTRIBUTE, "0"))).settings()
                .replayProtected()).isFalse();
        assertThat(((ChecksumSettings.Configured) parse(affiliate(ChecksumSettings.REPLAY_WINDOW_ATTRIBUTE, "86400"))).settings()
                .replayWindowSeconds()).isEqualTo(86_400);

        for (String window : List.of("30O", "-1", "86401", "1e3", "5 min")) {
            assertThat(parse(affiliate(ChecksumSettings.REPLAY_WINDOW_ATTRIBUTE, window))).as(window)
                    .isInstanceOfSatisfying(ChecksumSettings.Misconfigured.class,
                            m -> assertThat(m.attribute()).isEqualTo(ChecksumSettings.REPLAY_WINDOW_ATTRIBUTE));
        }
    }

    @Test
    void neverPrintsTheProcessorKeyOrTheSecret() {
        ChecksumSettings settings = new ChecksumSettings("the-processor-key", "the-secret", DOCUMENTED, 60);

        assertThat(settings.toString()).doesNotContain("the-processor-key").doesNotContain("the-secret");
        assertThat(new ChecksumSettings.Configured(settings).toString()).doesNotContain("the-processor-key").doesNotContain("the-secret");
    }
}
