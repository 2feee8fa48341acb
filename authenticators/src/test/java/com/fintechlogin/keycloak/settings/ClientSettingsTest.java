package com.fintechlogin.keycloak.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The client settings are the admin guide's client attributes, checked as their reader reads them; secrets stay hidden. */
class ClientSettingsTest {

    private static final Path GUIDE = Path.of("../docs/admin-guide.md");
    private static final Pattern ROW = Pattern.compile("^\\| `(fintech\\.[a-z.-]+)` \\|.*");
    /** A realm whose vault has the entries {@code affiliate-key} and {@code pin-pepper}. */
    private static final SettingScope SCOPE = new SettingScope(RealmSettingsTest.realm(),
            key -> Set.of("affiliate-key", "pin-pepper").contains(key));

    @Test
    void theSettingsAreTheClientAttributesOfTheAdminGuideInItsOrder() throws IOException {
        List<String> lines = Files.readAllLines(GUIDE);
        int start = lines.indexOf("### Client attributes");
        assertThat(start).isPositive();
        List<String> documented = new ArrayList<>();
        for (String line : lines.subList(start, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                documented.add(row.group(1));
            }
        }
        assertThat(ClientSettings.ALL.stream().map(Setting::name).toList()).isEqualTo(documented);
    }

    @Test
    void eachCheckAcceptsWhatItsReaderReadsAndRefusesAWrongValue() {
        List<String[]> cases = List.of(
                new String[] {"fintech.affiliate.processor-key", "demo-processor-key-002", "${vault.no-such-entry}"},
                new String[] {"fintech.checksum.secret", "${vault.affiliate-key}", "${vault.pin-pepper}"},
                new String[] {"fintech.checksum.fields", "password, mobile_no", "mobile_no"},
                new String[] {"fintech.checksum.replay-window-seconds", "0", "86401"});
        assertThat(cases).hasSameSizeAs(ClientSettings.ALL);
        for (String[] c : cases) {
            Setting setting = ClientSettings.named(c[0]).orElseThrow();
            assertThat(setting.accepts(SCOPE, c[1])).as(c[0] + " accepts " + c[1]).isTrue();
            assertThat(setting.accepts(SCOPE, c[2])).as(c[0] + " refuses " + c[2]).isFalse();
            assertThat(setting.problem()).startsWith(c[0] + " must be ");
        }
    }

    @Test
    void aSecretThatLooksLikeAVaultReferenceMustBeOne() {
        Setting secret = ClientSettings.named("fintech.checksum.secret").orElseThrow();
        // The vault would read these as secrets in clear, the reference's own text.
        assertThat(secret.accepts(SCOPE, "${vault.affiliate-key")).isFalse();
        assertThat(secret.accepts(SCOPE, "${vault.../affiliate-key}")).isFalse();
        assertThat(secret.accepts(SCOPE, "${vault.pin-pepper-2}")).isFalse();
        assertThat(secret.accepts(SCOPE, "${env.SECRET}")).isFalse();
        assertThat(secret.accepts(SCOPE, "line\nbreak")).isFalse();
        assertThat(secret.accepts(SCOPE, "x".repeat(513))).isFalse();
        assertThat(secret.accepts(SCOPE, "x".repeat(512))).isTrue();
    }

    @Test
    void aSecretIsShownMaskedUnlessItIsAVaultReference() {
        Setting secret = ClientSettings.named("fintech.affiliate.processor-key").orElseThrow();
        assertThat(secret.shown("demo-processor-key-002")).isEqualTo(Setting.MASK);
        assertThat(secret.shown("${vault.affiliate-key}")).isEqualTo("${vault.affiliate-key}");
        assertThat(secret.shown(null)).isNull();
        assertThat(ClientSettings.named("fintech.checksum.fields").orElseThrow().shown("password,mobile_no"))
                .isEqualTo("password,mobile_no");
    }

    @Test
    void aProcessorKeyNeedsASecret() {
        Map<String, String> settings = new HashMap<>();
        settings.put("fintech.affiliate.processor-key", "key");
        assertThat(ClientSettings.problemOf(settings)).hasValueSatisfying(problem ->
                assertThat(problem).startsWith("fintech.checksum.secret must be set while fintech.affiliate.processor-key is"));
        settings.put("fintech.checksum.secret", "secret");
        assertThat(ClientSettings.problemOf(settings)).isEmpty();
        assertThat(ClientSettings.problemOf(Map.of())).isEmpty();
    }
}
