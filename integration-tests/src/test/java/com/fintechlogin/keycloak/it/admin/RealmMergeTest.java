package com.fintechlogin.keycloak.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;
import com.fintechlogin.keycloak.it.support.Http;
import com.fintechlogin.keycloak.it.support.Tokens;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * The realm tool's {@code merge}, run as an admin runs it, into realms of an admin's own on the test server: an empty
 * realm, one that already has the configuration, and one where an admin chose differently. The realm's choices win.
 */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
class RealmMergeTest {

    private static final String AFFILIATE = "merge-it-affiliate";
    private static final String REDIRECT = "https://bank.example/callback";

    @InjectAdminClient
    Keycloak admin;

    private final List<String> realms = new ArrayList<>();

    @AfterEach
    void removeTheRealms() {
        realms.forEach(name -> admin.realm(name).remove());
    }

    private AdminsRealm emptyRealm() {
        String name = "merge-it-" + UUID.randomUUID().toString().substring(0, 8);
        RealmRepresentation realm = new RealmRepresentation();
        realm.setRealm(name);
        realm.setEnabled(true);
        admin.realms().create(realm);
        realms.add(name);
        return new AdminsRealm(name, admin.realm(name));
    }

    private static RealmToolRun merge(AdminsRealm realm, String... more) {
        List<String> args = new ArrayList<>(List.of("--affiliate-id", AFFILIATE, "--redirect-uri", REDIRECT));
        args.addAll(List.of(more));
        RealmToolRun run = RealmToolRun.merge(realm.name(), args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.output() + run.errors()).isZero();
        return run;
    }

    @Test
    void aDryRunPrintsThePlanAndChangesNothing() {
        AdminsRealm realm = emptyRealm();
        String before = realm.snapshot();

        RealmToolRun run = merge(realm, "--dry-run");

        assertThat(run.output()).startsWith("Dry run, nothing is changed").contains("changes would be made.");
        assertThat(run.lines("add")).contains("flow 'fintech pin or device login': fintech-account-number-identifier REQUIRED, "
                        + "flow 'fintech pin or device' REQUIRED, > fintech-pin ALTERNATIVE {lockSeconds=900, maxAttempts=5, requireRegisteredDevice=true}, "
                        + "> fintech-device ALTERNATIVE",
                "realm role 'partner'", "encryption key RSA-OAEP-256: key provider rsa-enc-generated, 2048 bits");
        assertThat(run.lines("add")).anyMatch(line -> line.startsWith("client 'MOB-APP': direct_grant flow 'fintech mobile sign-in', secret ${vault.MOB-APP-secret}"));
        assertThat(realm.snapshot()).isEqualTo(before);
    }

    /** Every API answers in the merged realm as in the demo, its secrets read from the vault. */
    @Test
    void anEmptyRealmGetsEveryLoginAndASecondRunChangesNothing() throws Exception {
        AdminsRealm realm = emptyRealm();

        RealmToolRun first = merge(realm);

        assertThat(first.output()).contains("changes made.").contains(realm.name() + "_MOB-APP-secret")
                .contains(realm.name() + "_" + AFFILIATE + "-processor-key");
        assertThat(first.lines("kept")).as("a new realm saves no events; the realm's choice")
                .containsExactly("user events: not saved: each API's LOGIN and LOGIN_ERROR events, with the reason, are logged but not kept");

        realm.putVault("MOB-APP-secret", "merge-it-mob-app-secret");
        realm.putVault("MOB-APP-2001-secret", "merge-it-pin-app-secret");
        realm.putVault(AFFILIATE + "-processor-key", "merge-it-processor-key");
        realm.putVault(AFFILIATE + "-checksum-secret", "merge-it-checksum-secret");
        realm.putVault("pin-pepper", FintechServerConfig.PIN_PEPPER);
        String mobile = DemoRealm.freshMobile();
        String accountNumber = DemoRealm.freshAccountNumber();
        DemoRealm.NewUser user = realm.createUser(Map.of("mobile", List.of(mobile), "accountNumber", List.of(accountNumber)),
                List.of(DemoRealm.pin("2580"), DemoRealm.device("anid:merge-it-device-0001", false)));

        assertThat(realm.emailPassword(user.representation().getEmail(), user.password()).status()).isEqualTo(200);
        Http.Answer signIn = realm.mobileSignIn("MOB-APP", "merge-it-mob-app-secret", mobile);
        assertThat(signIn.status()).as(signIn.body()).isEqualTo(200);
        assertThat(String.valueOf(Tokens.unverified(signIn.json().at("/data/token").asText().replaceFirst("^Bearer ", "")).getClaim("X-ACCOUNT-NUMBER")))
                .as("the mobile app's token mappers came along").isEqualTo(accountNumber);
        Http.Answer pin = realm.pinLogin("MOB-APP-2001", "merge-it-pin-app-secret", accountNumber, "2580", "anid:merge-it-device-0001");
        assertThat(pin.status()).as(pin.body()).isEqualTo(200);
        Http.Answer portal = realm.cardPortal(AFFILIATE, "merge-it-processor-key", "merge-it-checksum-secret", mobile, user.password());
        assertThat(portal.status()).as(portal.body()).isEqualTo(200);
        assertThat(realm.client("web-banking").getRedirectUris()).containsExactly(REDIRECT);

        String merged = realm.snapshot();
        RealmToolRun second = merge(realm);

        assertThat(second.output()).contains("Nothing to change.");
        assertThat(second.lines("add")).isEmpty();
        assertThat(second.lines("set")).isEmpty();
        assertThat(realm.snapshot()).isEqualTo(merged);
    }

    /**
     * An admin bound the mobile app to a flow of their own and narrowed who may change credentials: both stay, and the
     * run says so. A binding the admin removed is a binding the realm lacks: it comes back.
     */
    @Test
    void anAdminsOwnBindingAndSettingsWinAndAreReported() {
        AdminsRealm realm = emptyRealm();
        merge(realm);
        try (var copied = realm.admin().flows().copy(DemoRealm.MOBILE_SIGN_IN_FLOW, Map.of("newName", "bank mobile sign-in"))) {
            assertThat(copied.getStatus()).isEqualTo(201);
        }
        String bankFlow = realm.flowId("bank mobile sign-in");
        ClientRepresentation mobApp = realm.client("MOB-APP");
        mobApp.setAuthenticationFlowBindingOverrides(Map.of("direct_grant", bankFlow));
        realm.admin().clients().get(mobApp.getId()).update(mobApp);
        ClientRepresentation webBanking = realm.client("web-banking");
        // Keycloak removes a binding sent with an empty flow id.
        webBanking.setAuthenticationFlowBindingOverrides(new java.util.HashMap<>(Map.of("browser", "")));
        realm.admin().clients().get(webBanking.getId()).update(webBanking);
        RealmRepresentation settings = realm.admin().toRepresentation();
        settings.getAttributes().put("fintech.credential-management.clients", "user-api");
        realm.admin().update(settings);
        String pinStep = realm.admin().flows().getExecutions("fintech pin or device").stream()
                .filter(step -> "fintech-pin".equals(step.getProviderId())).findFirst().orElseThrow().getAuthenticationConfig();
        var pinSettings = realm.admin().flows().getAuthenticatorConfig(pinStep);
        pinSettings.getConfig().put("maxAttempts", "3");
        realm.admin().flows().updateAuthenticatorConfig(pinStep, pinSettings);

        RealmToolRun run = merge(realm);

        assertThat(run.lines("kept")).contains(
                "client 'MOB-APP': direct_grant is bound to 'bank mobile sign-in'; the extension binds 'fintech mobile sign-in'",
                "realm attribute fintech.credential-management.clients: is 'user-api'; the extension's is 'user-api,MOB-APP-2001'");
        assertThat(run.lines("kept")).anySatisfy(line -> assertThat(line).startsWith("flow 'fintech pin or device login': its steps are [")
                .contains("maxAttempts=3"));
        assertThat(run.lines("set")).containsExactly("client 'web-banking': browser flow 'fintech pin browser'");
        assertThat(run.output()).contains("1 change made.").contains("the realm's settings win");
        assertThat(realm.boundFlow("MOB-APP", "direct_grant")).isEqualTo("bank mobile sign-in");
        assertThat(realm.boundFlow("web-banking", "browser")).isEqualTo("fintech pin browser");
        assertThat(realm.admin().toRepresentation().getAttributes()).containsEntry("fintech.credential-management.clients", "user-api");
        assertThat(realm.admin().flows().getAuthenticatorConfig(pinStep).getConfig()).containsEntry("maxAttempts", "3");
    }

    /**
     * The apps' clients exist already, with the secrets the apps ship: the merge binds them to the extension's flows and
     * never touches a secret, so the apps change only their base URL.
     */
    @Test
    void anExistingAppClientKeepsItsSecretAndGetsItsBinding() {
        AdminsRealm realm = emptyRealm();
        ClientRepresentation own = new ClientRepresentation();
        own.setClientId("MOB-APP");
        own.setSecret("the-banks-own-mob-app-secret");
        own.setPublicClient(false);
        own.setServiceAccountsEnabled(true);
        own.setDirectAccessGrantsEnabled(true);
        own.setStandardFlowEnabled(false);
        try (var created = realm.admin().clients().create(own)) {
            assertThat(created.getStatus()).isEqualTo(201);
        }

        RealmToolRun run = merge(realm);

        assertThat(run.lines("set")).contains("client 'MOB-APP': direct_grant flow 'fintech mobile sign-in'");
        assertThat(run.lines("add")).contains("client 'MOB-APP': token mapper 'X-ACCOUNT-NUMBER'");
        assertThat(run.output()).doesNotContain(realm.name() + "_MOB-APP-secret").doesNotContain("the-banks-own-mob-app-secret");
        String mobile = DemoRealm.freshMobile();
        realm.createUser(Map.of("mobile", List.of(mobile)), List.of());
        Http.Answer signIn = realm.mobileSignIn("MOB-APP", "the-banks-own-mob-app-secret", mobile);
        assertThat(signIn.status()).as(signIn.body()).isEqualTo(200);
    }

    @Test
    void aRealmThatDoesNotExistOrAnAdminWhoCannotLogInIsTold() {
        RealmToolRun missing = RealmToolRun.merge("no-such-realm");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.errors()).contains("there is no realm 'no-such-realm' on " + RealmToolRun.SERVER);

        RealmToolRun refused = RealmToolRun.run(List.of("merge", "--server", RealmToolRun.SERVER, "--realm", "master",
                "--client-id", "admin-cli", "--client-secret:env", "FINTECH_IT_ADMIN_SECRET"));
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.errors()).contains("HTTP 401").contains("the admin login was refused");

        RealmToolRun inClear = RealmToolRun.run(List.of("merge", "--server", RealmToolRun.SERVER, "--realm", "master",
                "--client-id", "temp-admin", "--client-secret", "typed-on-the-command-line"));
        assertThat(inClear.exitCode()).isEqualTo(2);
        assertThat(inClear.errors()).contains("give --client-secret:env VARIABLE");

        RealmToolRun usage = RealmToolRun.run(List.of("merge", "--realm", "master", "--bogus"));
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.errors()).contains("unknown option --bogus").contains("Usage:");
    }

    /**
     * A public client under a documented app's id, bound to the mobile sign-in flow, would let anyone sign anyone in
     * at the token endpoint with a mobile number: the merge leaves it unbound and says why.
     */
    @Test
    void aPublicClientUnderAnAppsIdIsNeverBoundToAFlowThatTakesTheAppsWord() {
        AdminsRealm realm = emptyRealm();
        ClientRepresentation publicApp = new ClientRepresentation();
        publicApp.setClientId("MOB-APP");
        publicApp.setPublicClient(true);
        publicApp.setDirectAccessGrantsEnabled(true);
        try (var created = realm.admin().clients().create(publicApp)) {
            assertThat(created.getStatus()).isEqualTo(201);
        }

        RealmToolRun run = merge(realm);

        assertThat(run.lines("kept")).contains("client 'MOB-APP': left unbound and unchanged: it is a public client, the extension's is "
                + "a confidential client (client-secret); make it that kind, then run again");
        assertThat(realm.client("MOB-APP").getAuthenticationFlowBindingOverrides()).doesNotContainKey("direct_grant");
        String mobile = DemoRealm.freshMobile();
        realm.createUser(Map.of("mobile", List.of(mobile)), List.of());
        Http.Answer grant = Http.postForm(RealmToolRun.SERVER + "/realms/" + realm.name() + "/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "MOB-APP", "username", mobile), Map.of());
        assertThat(grant.status()).as("a mobile number alone signs no one in: %s", grant.body()).isNotEqualTo(200);
    }

    /** The logins find users by mobile number: a realm whose users may edit theirs is told, loudly, and left as it is. */
    @Test
    void aUserEditableMobileAttributeIsReportedAsARisk() {
        AdminsRealm realm = emptyRealm();
        var profile = realm.admin().users().userProfile().getConfiguration();
        var mobile = new org.keycloak.representations.userprofile.config.UPAttribute("mobile");
        mobile.setPermissions(new org.keycloak.representations.userprofile.config.UPAttributePermissions(
                java.util.Set.of("admin", "user"), java.util.Set.of("admin", "user")));
        profile.addOrReplaceAttribute(mobile);
        realm.admin().users().userProfile().update(profile);

        RealmToolRun run = merge(realm);

        assertThat(run.lines("kept")).anySatisfy(line -> assertThat(line).startsWith("user-profile attribute 'mobile': declared differently — WARNING: "
                + "users may edit it and two users may hold the same value, and the logins find users by it"));
        assertThat(realm.admin().users().userProfile().getConfiguration().getAttribute("mobile").getPermissions().getEdit()).contains("user");
    }
}
