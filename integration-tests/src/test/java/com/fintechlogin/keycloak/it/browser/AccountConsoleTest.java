package com.fintechlogin.keycloak.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fintechlogin.keycloak.it.support.DemoRealm.TestUser;
import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;
import com.fintechlogin.keycloak.it.support.Http;
import com.fintechlogin.keycloak.it.support.Logins;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RequiredActionConfigRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * A customer's PIN and devices in Keycloak's own account console (v3, {@code /realms/demo/account/}), in a real
 * headless Chromium: the <i>Signing in</i> page lists the PIN and each registered device by its fingerprint, with
 * when it was registered and last used; the PIN is changed there through the Set PIN page, which asks for the
 * current PIN; a device is removed there, after which that device cannot sign in, and the customer is told by mail.
 */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
class AccountConsoleTest {

    private static final String PIN = "2580";
    private static final String NEW_PIN = "3691";
    private static final String PIN_TYPE = "pin";
    private static final String DEVICE_TYPE = "device";
    private static final String SET_PIN_ACTION = "fintech-set-pin";
    /** Where the framework's mail sink listens: fixed by its supplier. */
    private static final Map<String, String> SINK = Map.of("host", "localhost", "port", "3025", "from", "no-reply@fintech.example");
    private static final Duration MAIL_WAIT = Duration.ofSeconds(20);

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final AccountMessages EN = AccountMessages.EN;
    private static final AccountMessages HI = AccountMessages.HI;

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @InjectWebDriver
    ManagedWebDriver driver;

    @InjectMailServer
    MailServer mailServer;

    @RegisterExtension
    final Screenshots screenshots = new Screenshots(() -> driver);

    @BeforeEach
    void freshBrowserAndMailSink() {
        Screenshots.resize(driver, 1280, 900);
        driver.open(realm.getBaseUrl() + "/.well-known/openid-configuration");
        driver.cookies().deleteAll();
        RealmRepresentation smtp = new RealmRepresentation();
        smtp.setSmtpServer(new HashMap<>(SINK));
        realm.admin().update(smtp);
        realm.cleanup().add(r -> {
            RealmRepresentation none = new RealmRepresentation();
            none.setSmtpServer(new HashMap<>());
            r.update(none);
        });
    }

    /** A customer with a password, an account number, a PIN and two registered devices. */
    private record Customer(TestUser user, String accountNumber, String deviceA, String deviceB) {
    }

    private Customer customer() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String accountNumber = DemoRealm.freshAccountNumber();
        String deviceA = "anid:console-a-" + tag + ":f3bb";
        String deviceB = "anid:console-b-" + tag + ":f3bb";
        TestUser user = DemoRealm.newUser(realm, Map.of("accountNumber", List.of(accountNumber)),
                List.of(DemoRealm.pin(PIN), DemoRealm.device(deviceA, false), DemoRealm.device(deviceB, false)));
        return new Customer(user, accountNumber, deviceA, deviceB);
    }

    @Test
    void theCustomerSeesThePinAndTwoDevicesChangesThePinRemovesADeviceThatThenCannotSignIn() throws Exception {
        Customer customer = customer();
        Logins logins = new Logins(realm);
        assertOnb(logins.deviceLogin(customer.accountNumber(), customer.deviceA()), 200, "ONB200");
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        AccountConsole console = new AccountConsole(driver, realm.getBaseUrl());
        console.open();
        console.signIn(customer.user().email(), customer.user().password());
        console.waitForType(PIN_TYPE);
        console.waitForRows(DEVICE_TYPE, 2);

        // The PIN: named and explained in the customer's language, changed with "Update", never removed.
        assertThat(console.title(PIN_TYPE)).isEqualTo(EN.get("pin-display-name"));
        assertThat(console.helpText(PIN_TYPE)).isEqualTo(EN.get("pin-help-text"));
        assertThat(console.setUpLink(PIN_TYPE)).as("a customer with a PIN is offered no second one").isNull();
        List<AccountConsole.Row> pins = console.rows(PIN_TYPE);
        assertThat(pins).hasSize(1);
        assertThat(pins.get(0).label()).isEqualTo(EN.get("pin"));
        assertThat(pins.get(0).updatable()).isTrue();
        assertThat(pins.get(0).removable()).as("a removed PIN could be set again without the current one").isFalse();

        // The devices: each by its fingerprint, with when it was registered and last used; never by its id.
        assertThat(console.title(DEVICE_TYPE)).isEqualTo(EN.get("device-display-name"));
        assertThat(console.helpText(DEVICE_TYPE)).isEqualTo(EN.get("device-help-text"));
        Map<String, String> fingerprints = deviceFingerprints(customer.user());
        List<AccountConsole.Row> devices = console.rows(DEVICE_TYPE);
        assertThat(devices).extracting(AccountConsole.Row::label)
                .containsExactlyInAnyOrderElementsOf(fingerprints.values().stream().map(fp -> "Device " + fp).toList());
        assertThat(devices).allSatisfy(row -> {
            assertThat(row.removable()).isTrue();
            assertThat(row.updatable()).isFalse();
            assertThat(row.created()).as("registered").isNotBlank();
        });
        AccountConsole.Row rowA = usedRow(devices);
        AccountConsole.Row rowB = devices.stream().filter(row -> !row.id().equals(rowA.id())).findFirst().orElseThrow();
        assertThat(rowA.notes()).contains(EN.get("fintech-device-last-used"), today);
        assertThat(rowB.notes()).isEqualTo(EN.get("fintech-device-never-used"));
        assertThat(console.pageText()).doesNotContain(customer.deviceA(), customer.deviceB(), "console-a-", "console-b-");
        // The guides' picture: the whole Signing in page, PIN and devices, on a desktop window.
        Screenshots.resize(driver, 1280, 1500);
        console.scrollToTop();
        screenshots.takeForDocsAsShown("account-signing-in");
        Screenshots.resize(driver, 1280, 900);

        // Change the PIN: the Set PIN page asks for the current one.
        console.update(pins.get(0).id());
        SetPinPage setPin = new SetPinPage(driver);
        setPin.assertCurrent();
        assertThat(setPin.asksForTheCurrentPin()).isTrue();
        setPin.changePin(PIN, NEW_PIN, NEW_PIN);
        console.waitForType(PIN_TYPE);

        // Remove device A: Keycloak asks first, naming the device by its fingerprint only.
        console.waitForRows(DEVICE_TYPE, 2);
        console.delete(rowA.id());
        String question = console.deleteQuestion();
        assertThat(question).contains(rowA.label()).doesNotContain(customer.deviceA());
        screenshots.take();
        console.confirmDelete();
        console.waitForType(PIN_TYPE);
        console.waitForRows(DEVICE_TYPE, 1);
        assertThat(console.rows(DEVICE_TYPE)).extracting(AccountConsole.Row::id).containsExactly(rowB.id());

        // The removed device cannot sign in; the other one can, and the new PIN works where the old one does not.
        assertOnb(logins.deviceLogin(customer.accountNumber(), customer.deviceA()), 401, "ONB026");
        assertOnb(logins.deviceLogin(customer.accountNumber(), customer.deviceB()), 200, "ONB200");
        assertOnb(logins.pinLogin(customer.accountNumber(), NEW_PIN, customer.deviceB()), 200, "ONB200");
        assertThat(logins.pinLogin(customer.accountNumber(), PIN, customer.deviceB()).status()).isNotEqualTo(200);

        // Keycloak's event of the removal: the one the credential mails listen to.
        EventRepresentation removal = awaitEvent("REMOVE_CREDENTIAL", customer.user());
        assertThat(removal.getDetails()).containsEntry("credential_type", DEVICE_TYPE).containsEntry("credential_id", rowA.id());
        assertThat(removal.getClientId()).isEqualTo("account-console");
        EventRepresentation change = awaitEvent("UPDATE_CREDENTIAL", customer.user());
        assertThat(change.getDetails()).containsEntry("credential_type", PIN_TYPE).containsEntry("fintech_change", "pin_changed");

        // And the customer is told of both, in mails that name neither the device nor the PINs.
        List<Mail> mails = awaitMails(customer.user(), 2);
        assertThat(mails).extracting(Mail::subject).containsExactlyInAnyOrder(
                ThemeMessages.EMAIL_EN.get("fintechPinChangedSubject", realmTitle()),
                ThemeMessages.EMAIL_EN.get("fintechDeviceRemovedSubject", realmTitle()));
        assertThat(mails).allSatisfy(mail -> assertThat(mail.everything())
                .doesNotContain(customer.deviceA(), customer.deviceB(), PIN, NEW_PIN));
    }

    @Test
    void changingThePinInTheConsoleWithoutTheCurrentPinIsRefusedAndThePinStays() {
        Customer customer = customer();
        AccountConsole console = signedIn(customer);
        AccountConsole.Row pin = console.rows(PIN_TYPE).get(0);

        console.update(pin.id());
        SetPinPage setPin = new SetPinPage(driver);
        setPin.assertCurrent();
        setPin.setPin(NEW_PIN, NEW_PIN);

        setPin.assertCurrent();
        assertThat(setPin.currentPinError()).isEqualTo(ThemeMessages.EN.get("fintechCurrentPinWrong"));
        screenshots.take();
        setPin.changePin("1357", NEW_PIN, NEW_PIN);
        setPin.assertCurrent();
        assertThat(setPin.currentPinError()).isNotBlank();

        Logins logins = new Logins(realm);
        assertOnb(logins.pinLogin(customer.accountNumber(), PIN, customer.deviceB()), 200, "ONB200");
        assertThat(logins.pinLogin(customer.accountNumber(), NEW_PIN, customer.deviceB()).status()).isNotEqualTo(200);
    }

    @Test
    void aStaleBrowserSessionSignsInAgainBeforeThePinCanBeChanged() throws Exception {
        // The Set PIN action's maximum age of the login, as an admin sets it in its config (Keycloak's default: 300 s).
        RequiredActionConfigRepresentation config = new RequiredActionConfigRepresentation();
        config.setConfig(Map.of("max_auth_age", "1"));
        realm.admin().flows().updateRequiredActionConfig(SET_PIN_ACTION, config);
        realm.cleanup().add(r -> r.flows().removeRequiredActionConfig(SET_PIN_ACTION));
        Customer customer = customer();
        AccountConsole console = signedIn(customer);
        AccountConsole.Row pin = console.rows(PIN_TYPE).get(0);
        Thread.sleep(2_000);

        console.update(pin.id());

        assertThat(console.showsLoginPage()).as("a login older than the action's maximum age signs in again").isTrue();
        assertThat(console.pageText()).as("Keycloak's own words").contains("Please re-authenticate to continue");
        screenshots.take();
        console.signIn(customer.user().email(), customer.user().password());
        SetPinPage setPin = new SetPinPage(driver);
        setPin.assertCurrent();
        assertThat(setPin.asksForTheCurrentPin()).isTrue();
    }

    @Test
    void thePinCannotBeRemovedThroughKeycloaksDeleteActionEvenWhenAskedDirectly() {
        Customer customer = customer();
        AccountConsole console = signedIn(customer);
        String pinId = console.rows(PIN_TYPE).get(0).id();

        // What the console would start for a removable type, asked for by hand.
        driver.open(realm.getBaseUrl() + "/protocol/openid-connect/auth?client_id=account-console&response_type=code&scope=openid"
                + "&redirect_uri=" + URLEncoder.encode(realm.getBaseUrl() + "/account/", StandardCharsets.UTF_8)
                + "&code_challenge=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU&code_challenge_method=S256"
                + "&kc_action=delete_credential:" + pinId);
        console.deleteQuestion();
        console.confirmDelete();

        assertThat(console.pageText()).contains("Credential type cannot be removed");
        screenshots.take();
        assertThat(realm.admin().users().get(customer.user().id()).credentials()).extracting(CredentialRepresentation::getId)
                .contains(pinId);
        assertOnb(new Logins(realm).pinLogin(customer.accountNumber(), PIN, customer.deviceB()), 200, "ONB200");
    }

    @Test
    void aHindiSpeakingCustomerReadsThePinAndDevicesInHindi() {
        String accountNumber = DemoRealm.freshAccountNumber();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        TestUser user = DemoRealm.newUser(realm, Map.of("accountNumber", List.of(accountNumber), "locale", List.of("hi")),
                List.of(DemoRealm.pin(PIN), DemoRealm.device("anid:console-hi-" + tag + ":f3bb", false)));
        AccountConsole console = new AccountConsole(driver, realm.getBaseUrl());
        console.open();
        console.signIn(user.email(), user.password());
        console.waitForType(PIN_TYPE);
        console.waitForRows(DEVICE_TYPE, 1);

        assertThat(console.title(PIN_TYPE)).isEqualTo(HI.get("pin-display-name"));
        assertThat(console.helpText(PIN_TYPE)).isEqualTo(HI.get("pin-help-text"));
        assertThat(console.title(DEVICE_TYPE)).isEqualTo(HI.get("device-display-name"));
        assertThat(console.helpText(DEVICE_TYPE)).isEqualTo(HI.get("device-help-text"));
        assertThat(console.rows(DEVICE_TYPE).get(0).notes()).isEqualTo(HI.get("fintech-device-never-used"));
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private AccountConsole signedIn(Customer customer) {
        AccountConsole console = new AccountConsole(driver, realm.getBaseUrl());
        console.open();
        console.signIn(customer.user().email(), customer.user().password());
        console.waitForType(PIN_TYPE);
        return console;
    }

    /** Each device credential's id and the fingerprint the admin API's credential data names (computed for a legacy one). */
    private Map<String, String> deviceFingerprints(TestUser user) throws IOException {
        Map<String, String> fingerprints = new HashMap<>();
        for (CredentialRepresentation credential : realm.admin().users().get(user.id()).credentials()) {
            if (DEVICE_TYPE.equals(credential.getType())) {
                String fingerprint = JSON.readTree(credential.getCredentialData()).path("fingerprint").asText();
                assertThat(fingerprint).as("the stored fingerprint of %s", credential.getId()).matches("[0-9a-f]{8,}");
                fingerprints.put(credential.getId(), fingerprint);
            }
        }
        return fingerprints;
    }

    /** The row of the device that signed in: the only one with a last use (the console does not name devices). */
    private static AccountConsole.Row usedRow(List<AccountConsole.Row> rows) {
        return rows.stream().filter(row -> row.notes().contains(EN.get("fintech-device-last-used"))).findFirst()
                .orElseThrow(() -> new AssertionError("No device shows a last use: " + rows));
    }

    private EventRepresentation awaitEvent(String type, TestUser user) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            List<EventRepresentation> events = realm.admin().getEvents(List.of(type), null, user.id(), null, null, null, 0, 10);
            if (!events.isEmpty()) {
                return events.get(0);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No " + type + " event of user " + user.id());
            }
            Thread.sleep(100);
        }
    }

    private record Mail(String subject, String everything) {
    }

    private List<Mail> awaitMails(TestUser user, int count) throws InterruptedException, MessagingException, IOException {
        long deadline = System.nanoTime() + MAIL_WAIT.toNanos();
        List<Mail> mails = mailsTo(user.email());
        while (mails.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
            mails = mailsTo(user.email());
        }
        // A moment longer: one change, one mail, never a second copy.
        Thread.sleep(2_000);
        mails = mailsTo(user.email());
        assertThat(mails).as("mails to the customer").hasSize(count);
        return mails;
    }

    private List<Mail> mailsTo(String address) throws MessagingException, IOException {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : mailServer.getReceivedMessages()) {
            boolean toTheUser = Arrays.stream(message.getAllRecipients())
                    .anyMatch(to -> to instanceof InternetAddress internet && address.equalsIgnoreCase(internet.getAddress()));
            if (toTheUser) {
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                message.writeTo(raw);
                mails.add(new Mail(message.getSubject(), raw.toString(StandardCharsets.UTF_8)));
            }
        }
        return mails;
    }

    private String realmTitle() {
        return realm.admin().toRepresentation().getDisplayName();
    }

    private static void assertOnb(Http.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.json().get("resCode").asText()).as(answer.body()).isEqualTo(code);
    }
}
