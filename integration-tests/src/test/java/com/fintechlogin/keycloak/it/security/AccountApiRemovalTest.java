package com.fintechlogin.keycloak.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fintechlogin.keycloak.it.support.DemoRealm.TestUser;
import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;
import com.fintechlogin.keycloak.it.support.Http;
import com.fintechlogin.keycloak.it.support.Logins;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Keycloak's account REST API has a removal of its own, {@code DELETE /realms/{realm}/account/credentials/{id}}
 * (deprecated, still served), which asks only for a token of the user with the {@code manage-account} role — no
 * app allowed to change credentials, no level, no recent login. Tried with the tokens an attacker may hold: none
 * removes the user's PIN or devices there. The account console removes a device through Keycloak's
 * {@code delete_credential} action instead, in a browser session that signed in recently.
 */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
class AccountApiRemovalTest {

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @Test
    void noTokenOfTheUserRemovesThePinOrADeviceThroughKeycloaksAccountApi() {
        String mobile = DemoRealm.freshMobile();
        String accountNumber = DemoRealm.freshAccountNumber();
        String device = "anid:account-api-" + UUID.randomUUID().toString().substring(0, 8);
        TestUser user = DemoRealm.newUser(realm, Map.of("mobile", List.of(mobile), "accountNumber", List.of(accountNumber)),
                List.of(DemoRealm.pin("2580"), DemoRealm.device(device, false)));
        Logins logins = new Logins(realm);
        Map<String, String> tokens = Map.of(
                "mobile sign-in (the app's word, level 0)", logins.mobileSignInToken(mobile),
                "device login (level 0)", deviceToken(logins, accountNumber, device),
                "email/password (level 1)", logins.emailPasswordToken(user.email(), user.password()),
                "PIN on the device (level 2)", logins.pinLoginToken(accountNumber, "2580", device));

        for (CredentialRepresentation credential : credentials(user)) {
            if (!List.of("pin", "device").contains(credential.getType())) {
                continue;
            }
            tokens.forEach((kind, token) -> {
                Http.Answer removal = Http.send("DELETE", realm.getBaseUrl() + "/account/credentials/" + credential.getId(),
                        "application/json", new byte[0], Map.of("Authorization", "Bearer " + token));
                assertThat(removal.status()).as("%s removing the %s: %s", kind, credential.getType(), removal.body())
                        .isBetween(400, 499);
            });
        }
        assertThat(credentials(user)).extracting(CredentialRepresentation::getType).contains("pin", "device");
    }

    private static String deviceToken(Logins logins, String accountNumber, String device) {
        try {
            Http.Answer login = logins.deviceLogin(accountNumber, device);
            assertThat(login.status()).as(login.body()).isEqualTo(200);
            return login.json().at("/data/token").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<CredentialRepresentation> credentials(TestUser user) {
        return realm.admin().users().get(user.id()).credentials();
    }
}
