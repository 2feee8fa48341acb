package com.fintechlogin.keycloak.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;

/** The list of settings is the admin guide's table, and each check takes what its reader takes as written. */
class RealmSettingsTest {

    private static final Path GUIDE = Path.of("../docs/admin-guide.md");
    private static final Pattern ROW = Pattern.compile("^\\| `(fintech\\.[a-z.-]+)` \\|.*");

    /** A realm with the clients {@code user-api} and {@code partner-api} and the realm role {@code partner}. */
    static RealmModel realm() {
        Set<String> clients = Set.of("user-api", "partner-api");
        ClientModel client = (ClientModel) Proxy.newProxyInstance(RealmSettingsTest.class.getClassLoader(),
                new Class<?>[] {ClientModel.class}, (proxy, method, args) -> null);
        RoleModel role = (RoleModel) Proxy.newProxyInstance(RealmSettingsTest.class.getClassLoader(),
                new Class<?>[] {RoleModel.class}, (proxy, method, args) -> null);
        return (RealmModel) Proxy.newProxyInstance(RealmSettingsTest.class.getClassLoader(), new Class<?>[] {RealmModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getClientByClientId" -> clients.contains((String) args[0]) ? client : null;
                    case "getRole" -> "partner".equals(args[0]) ? role : null;
                    case "getName" -> "test";
                    default -> null;
                });
    }

    /** {@link #realm()}, with a vault that has no entries. */
    static SettingScope scope() {
        return new SettingScope(realm(), key -> false);
    }

    @Test
    void theSettingsAreTheRealmAttributesOfTheAdminGuideInItsOrder() throws IOException {
        List<String> lines = Files.readAllLines(GUIDE);
        int start = lines.indexOf("### Realm attributes");
        int end = lines.indexOf("### Client attributes");
        assertThat(start).isPositive();
        List<String> documented = new ArrayList<>();
        for (String line : lines.subList(start, end)) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                documented.add(row.group(1));
            }
        }
        assertThat(RealmSettings.ALL.stream().map(Setting::name).toList()).isEqualTo(documented);
    }

    @Test
    void eachCheckAcceptsItsDefaultAndRefusesAWrongValue() {
        SettingScope scope = scope();
        List<String[]> cases = List.of(
                new String[] {"fintech.user-login.client-id", "user-api", "no-such-client"},
                new String[] {"fintech.pin.length", "4", "13"},
                new String[] {"fintech.pin.weak-allowed", "FALSE", "yes"},
                new String[] {"fintech.pin.refused", "1234, 0000", "12a4"},
                new String[] {"fintech.device.replay-window-seconds", "2592000", "2592001"},
                new String[] {"fintech.device.min-id-length", "16", "0"},
                new String[] {"fintech.device.min-id-distinct-characters", "8", "256"},
                new String[] {"fintech.device.key-required", "false", "1"},
                new String[] {"fintech.device.encrypted-id-proof", "true", "ture"},
                new String[] {"fintech.device.max-per-user", "5", "101"},
                new String[] {"fintech.credential-management.clients", "user-api,partner-api", "user-api,typo"},
                new String[] {"fintech.credential-management.max-age-seconds", "300", "-1"},
                new String[] {"fintech.partner.client-id", "partner-api", "partner"},
                new String[] {"fintech.partner.role", "partner", "partners"},
                new String[] {"fintech.partner.timestamp-required", "true", "on"},
                new String[] {"fintech.partner.replay-window-seconds", "300", "86401"},
                new String[] {"fintech.partner.cbc-allowed", "false", "no"},
                new String[] {"fintech.lockout.account-wide", "false", "yes"},
                new String[] {"fintech.budget.failures-per-address", "100", "1000001"},
                new String[] {"fintech.budget.failures-per-client", "OFF", "-1"},
                new String[] {"fintech.budget.successes-per-address", "10000000", "10000001"},
                new String[] {"fintech.budget.successes-per-client", "off", "lots"},
                new String[] {"fintech.budget.window-seconds", "60", "off"});
        assertThat(cases).hasSameSizeAs(RealmSettings.ALL);
        for (String[] c : cases) {
            Setting setting = RealmSettings.named(c[0]).orElseThrow();
            assertThat(setting.accepts(scope, c[1])).as(c[0] + " accepts " + c[1]).isTrue();
            assertThat(setting.accepts(scope, c[2])).as(c[0] + " refuses " + c[2]).isFalse();
            assertThat(setting.problem()).startsWith(c[0] + " must be ");
        }
    }

    @Test
    void refusedPinsTakeNoneInAnyCase() {
        assertThat(RealmSettings.named("fintech.pin.refused").orElseThrow().accepts(scope(), "None")).isTrue();
    }

    @Test
    void numbersAreWholeAndUnsigned() {
        Setting length = RealmSettings.named("fintech.pin.length").orElseThrow();
        assertThat(length.accepts(scope(), "+6")).isFalse();
        assertThat(length.accepts(scope(), "6.0")).isFalse();
        assertThat(length.accepts(scope(), " 6 ")).isTrue();
        assertThat(length.problem()).isEqualTo("fintech.pin.length must be a whole number from 4 to 12");
    }
}
