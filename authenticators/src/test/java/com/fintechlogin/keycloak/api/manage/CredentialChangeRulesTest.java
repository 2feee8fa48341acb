package com.fintechlogin.keycloak.api.manage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import com.fintechlogin.keycloak.login.AuthenticationLevel;

import org.junit.jupiter.api.Test;

class CredentialChangeRulesTest {

    private static final long NOW = 1_800_000_000L;

    @Test
    void noAppMayChangeCredentialsUntilAnAdminNamesIt() {
        CredentialChangeRules rules = CredentialChangeRules.parse("r", null, null, null);

        assertThat(rules.clients()).isEmpty();
        assertThat(rules.maxAgeSeconds()).isEqualTo(300);
        assertThat(rules.maxDevices()).isEqualTo(5);
        assertThat(UserBearerToken.strengthRefusal(rules, "user-api", AuthenticationLevel.PIN_ON_DEVICE.loa(), NOW, NOW))
                .isEqualTo(ManageFailure.CLIENT_NOT_ALLOWED);
    }

    @Test
    void readsTheAllowedClientsAsACommaSeparatedList() {
        CredentialChangeRules rules = CredentialChangeRules.parse("r", " user-api, MOB-APP-2001 ,,", "60", "2");

        assertThat(rules.clients()).isEqualTo(Set.of("user-api", "MOB-APP-2001"));
        assertThat(rules.allows("MOB-APP")).isFalse();
        assertThat(rules.maxAgeSeconds()).isEqualTo(60);
        assertThat(rules.maxDevices()).isEqualTo(2);
    }

    @Test
    void aNumberThatDoesNotParseOrIsOutOfRangeTakesTheDefault() {
        for (String bad : new String[] {"0", "-5", "ten", "86401", " "}) {
            CredentialChangeRules rules = CredentialChangeRules.parse("r", "", bad, bad);
            assertThat(rules.maxAgeSeconds()).as(bad).isEqualTo(CredentialChangeRules.DEFAULT_MAX_AGE_SECONDS);
            assertThat(rules.maxDevices()).as(bad).isEqualTo(CredentialChangeRules.DEFAULT_MAX_DEVICES);
        }
    }

    @Test
    void aMobileSignInTokenNeverQualifiesEvenFromAnAllowedApp() {
        CredentialChangeRules rules = CredentialChangeRules.parse("r", "MOB-APP", null, null);

        assertThat(UserBearerToken.strengthRefusal(rules, "MOB-APP", AuthenticationLevel.APP_VOUCHED.loa(), NOW, NOW))
                .isEqualTo(ManageFailure.AUTHENTICATION_TOO_WEAK);
        assertThat(UserBearerToken.strengthRefusal(rules, "MOB-APP", -1, NOW, NOW))
                .isEqualTo(ManageFailure.AUTHENTICATION_TOO_WEAK);
    }

    @Test
    void aPasswordOrPinLoginQualifiesWhileItIsFresh() {
        CredentialChangeRules rules = CredentialChangeRules.parse("r", "user-api", "300", null);

        assertThat(UserBearerToken.strengthRefusal(rules, "user-api", AuthenticationLevel.PASSWORD.loa(), NOW - 300, NOW)).isNull();
        assertThat(UserBearerToken.strengthRefusal(rules, "user-api", AuthenticationLevel.PIN_ON_DEVICE.loa(), NOW - 10, NOW)).isNull();
        assertThat(UserBearerToken.strengthRefusal(rules, "user-api", AuthenticationLevel.PASSWORD.loa(), NOW - 301, NOW))
                .isEqualTo(ManageFailure.AUTHENTICATION_TOO_OLD);
    }
}
