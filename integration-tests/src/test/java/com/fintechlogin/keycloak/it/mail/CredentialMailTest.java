package com.fintechlogin.keycloak.it.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fintechlogin.keycloak.it.browser.ThemeMessages;
import com.fintechlogin.keycloak.it.support.DemoRealm.TestUser;
import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;
import com.fintechlogin.keycloak.it.support.Http;
import com.fintechlogin.keycloak.it.support.ServerLog;
import com.fintechlogin.keycloak.it.support.TestApps;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * The mails of the event listener {@code fintech-credential-mail}: a user is told when their PIN or devices change
 * or their PIN locks, through Keycloak's email templates of the {@code fintech} theme, sent to the test framework's
 * real SMTP sink. The demo realm has no SMTP server, so each test points the realm at the sink and takes it away
 * again afterwards, leaving the shared realm as the other test classes know it.
 */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
class CredentialMailTest {

    /** Where the framework's sink listens: fixed by its supplier (GreenMailSupplier). */
    private static final String SINK_HOST = "localhost";
    private static final String SINK_PORT = "3025";
    private static final String FROM = "no-reply@fintech.example";
    /** How long a test waits for a mail that must not come. */
    private static final Duration NO_MAIL_WAIT = Duration.ofSeconds(2);
    private static final Duration MAIL_WAIT = Duration.ofSeconds(20);
    private static final String MARK = "\u0000";

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @BeforeEach
    void pointTheRealmsSmtpAtTheSink() {
        setSmtp(Map.of("host", SINK_HOST, "port", SINK_PORT, "from", FROM));
        realm.cleanup().add(r -> r.update(smtp(Map.of())));
    }

    @Test
    void aUserWithAVerifiedEmailWhoSetsAFirstPinGetsOneMailSayingSo() {
        TestUser user = DemoRealm.newUser(realm);

        assertOnb200(setPin(user, Map.of("pin", "2580")));

        Mail mail = theOnlyMailTo(user);
        assertThat(mail.subject()).isEqualTo(ThemeMessages.EMAIL_EN.get("fintechPinSetSubject", realmTitle()));
        assertSays(mail.text(), ThemeMessages.EMAIL_EN, "fintechPinSetBody");
        assertSays(mail.text(), ThemeMessages.EMAIL_EN, "fintechNoticeNotYou");
        assertThat(mail.text()).contains("UTC", ThemeMessages.EMAIL_EN.get("fintechNoticeApp", "Email/password login API"));
        assertSays(mail.html(), ThemeMessages.EMAIL_EN, "fintechPinSetBody");
        assertThat(mail.everything()).doesNotContain("2580");
    }

    @Test
    void changingThePinMailsAChangedNotice() {
        TestUser user = DemoRealm.newUser(realm, Map.of(), List.of(DemoRealm.pin("2580")));

        assertOnb200(setPin(user, Map.of("pin", "3691", "oldPin", "2580")));

        Mail mail = theOnlyMailTo(user);
        assertThat(mail.subject()).isEqualTo(ThemeMessages.EMAIL_EN.get("fintechPinChangedSubject", realmTitle()));
        assertSays(mail.text(), ThemeMessages.EMAIL_EN, "fintechPinChangedBody");
        assertThat(mail.everything()).doesNotContain("2580", "3691");
    }

    @Test
    void resettingAForgottenPinMailsAResetNotice() {
        TestUser user = DemoRealm.newUser(realm, Map.of(), List.of(DemoRealm.pin("2580")));

        assertOnb200(setPin(user, Map.of("pin", "3691", "forgotPin", true)));

        Mail mail = theOnlyMailTo(user);
        assertThat(mail.subject()).isEqualTo(ThemeMessages.EMAIL_EN.get("fintechPinResetSubject", realmTitle()));
        assertSays(mail.text(), ThemeMessages.EMAIL_EN, "fintechPinResetBody");
        assertThat(mail.everything()).doesNotContain("2580", "3691");
    }

    @Test
    void registeringADeviceMailsANewDeviceNoticeThatDoesNotNameTheDevice() {
        TestUser user = DemoRealm.newUser(realm);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String deviceId = "anid:mail-" + tag + ":f3bb";

        Http.Answer registered = post(user, "onboarding/user/v1/device", Map.of("deviceId", deviceId, "simBindingEnabled", true));
        assertOnb200(registered);

        Mail mail = theOnlyMailTo(user);
        assertThat(mail.subject()).isEqualTo(ThemeMessages.EMAIL_EN.get("fintechDeviceAddedSubject", realmTitle()));
        assertSays(mail.text(), ThemeMessages.EMAIL_EN, "fintechDeviceAddedBody");
        assertThat(mail.everything()).doesNotContain(deviceId, tag);
        String credentialId = realm.admin().users().get(user.id()).credentials().stream()
                .filter(c -> "device".equals(c.getType())).findFirst().orElseThrow().getId();
        assertThat(mail.everything()).doesNotContain(credentialId);
    }

    @Test
    void wrongPinsThatLockThePinMailOneLockNotice() {
        String accountNumber = DemoRealm.freshAccountNumber();
        String deviceId = "anid:mail-lock-" + UUID.randomUUID().toString().substring(0, 8);
        TestUser user = DemoRealm.newUser(realm, Map.of("accountNumber", List.of(accountNumber)),
                List.of(DemoRealm.pin("2580"), DemoRealm.device(deviceId, false)));

        int limit = pinAttemptLimit();
        for (int i = 0; i < limit; i++) {
            Http.Answer wrong = pinLogin(accountNumber, "1357", deviceId);
            assertThat(wrong.json().get("resCode").asText()).as(wrong.body()).isEqualTo("ONB017");
        }
        Http.Answer locked = pinLogin(accountNumber, "2580", deviceId);
        assertThat(locked.json().get("resCode").asText()).as(locked.body()).isEqualTo("ONB028");

        Mail mail = theOnlyMailTo(user);
        assertThat(mail.subject()).isEqualTo(ThemeMessages.EMAIL_EN.get("fintechPinLockedSubject", realmTitle()));
        assertSays(mail.text(), ThemeMessages.EMAIL_EN, "fintechPinLockedBody");
        assertSays(mail.text(), ThemeMessages.EMAIL_EN, "fintechNoticeLockedNotYou");
        assertThat(mail.everything()).doesNotContain("2580", "1357", deviceId);
    }

    @Test
    void refusedChangesMailNobody() {
        TestUser user = DemoRealm.newUser(realm, Map.of(), List.of(DemoRealm.pin("2580")));

        assertThat(setPin(user, Map.of("pin", "3691", "oldPin", "1357")).status()).isEqualTo(401);
        assertThat(setPin(user, Map.of("pin", "1234", "oldPin", "2580")).status()).isEqualTo(400);

        assertNoMailTo(user);
    }

    @Test
    void aUserWhoseEmailIsNotVerifiedGetsNoMail() {
        DemoRealm.NewUser unverified = DemoRealm.user(Map.of(), List.of());
        unverified.representation().setEmailVerified(false);
        String id = DemoRealm.create(realm.admin(), unverified.representation());
        realm.cleanup().add(r -> r.users().delete(id).close());
        TestUser user = new TestUser(id, unverified.representation().getEmail(), unverified.password());

        assertOnb200(setPin(user, Map.of("pin", "2580")));

        assertNoMailTo(user);
    }

    @Test
    void aRealmWithoutSmtpSendsNoMailAndStillMakesTheChange() {
        setSmtp(Map.of());
        TestUser user = DemoRealm.newUser(realm);

        assertOnb200(setPin(user, Map.of("pin", "2580")));

        assertNoMailTo(user);
        assertThat(realm.admin().users().get(user.id()).credentials()).extracting(c -> c.getType()).contains("pin");
    }

    @Test
    void aMailServerThatCannotBeReachedFailsNoChangeAndIsLoggedWithoutTheAddress() {
        // Nothing listens on port 1: the connection is refused at once.
        setSmtp(Map.of("host", SINK_HOST, "port", "1", "from", FROM));
        TestUser user = DemoRealm.newUser(realm);
        long logOffset = ServerLog.end();

        assertOnb200(setPin(user, Map.of("pin", "2580")));

        assertThat(realm.admin().users().get(user.id()).credentials()).extracting(c -> c.getType()).contains("pin");
        List<String> warnings = ServerLog.since(logOffset).lines()
                .filter(line -> line.contains("WARN") && line.contains("com.fintechlogin.keycloak.notify")).toList();
        assertThat(warnings).singleElement().satisfies(line -> assertThat(line)
                .contains("PIN_SET notice for user " + user.id() + " was not sent")
                .doesNotContain(user.email(), "2580"));
    }

    @Test
    void aUserWhoseLocaleIsHindiGetsTheNoticeInHindi() {
        TestUser user = DemoRealm.newUser(realm, Map.of("locale", List.of("hi")));

        assertOnb200(setPin(user, Map.of("pin", "2580")));

        Mail mail = theOnlyMailTo(user);
        assertThat(mail.subject()).isEqualTo(ThemeMessages.EMAIL_HI.get("fintechPinSetSubject", realmTitle()));
        assertSays(mail.text(), ThemeMessages.EMAIL_HI, "fintechPinSetBody");
        assertSays(mail.text(), ThemeMessages.EMAIL_HI, "fintechNoticeNotYou");
    }

    @Test
    void keycloaksOwnMailsStillComeFromItsBaseEmailTheme() {
        TestUser user = DemoRealm.newUser(realm);

        realm.admin().users().get(user.id()).executeActionsEmail(List.of("UPDATE_PASSWORD"));

        // Keycloak's base email theme (English): "executeActionsSubject".
        assertThat(theOnlyMailTo(user).subject()).isEqualTo("Update Your Account");
    }

    // --- the realm's SMTP settings

    private void setSmtp(Map<String, String> smtpServer) {
        realm.admin().update(smtp(smtpServer));
    }

    /** A representation that changes nothing but the SMTP settings; empty settings remove them. */
    private static RealmRepresentation smtp(Map<String, String> smtpServer) {
        RealmRepresentation update = new RealmRepresentation();
        update.setSmtpServer(new HashMap<>(smtpServer));
        return update;
    }

    private String realmTitle() {
        return realm.admin().toRepresentation().getDisplayName();
    }

    // --- the user's own endpoints, with a token of the email/password API fetched right before each call

    private String fintech(String path) {
        return realm.getBaseUrl() + "/fintech/" + path;
    }

    private String userToken(TestUser user) {
        Http.Answer login = Http.postJson(fintech("user/login"), "{\"emailId\": " + Http.jsonString(user.email())
                + ", \"password\": " + Http.jsonString(user.password()) + "}");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json().at("/responseData/token").asText();
    }

    private Http.Answer post(TestUser user, String path, Map<String, Object> body) {
        return Http.send("POST", fintech(path), "application/json", Http.json(body).getBytes(StandardCharsets.UTF_8),
                Map.of("Authorization", "Bearer " + userToken(user)));
    }

    private Http.Answer setPin(TestUser user, Map<String, Object> body) {
        return post(user, "onboarding/user/v1/pin", body);
    }

    private Http.Answer pinLogin(String accountNumber, String pin, String deviceId) {
        String appToken = TestApps.getToken(realm, DemoRealm.PIN_APP, DemoRealm.PIN_APP_SECRET);
        Map<String, Object> body = Map.of("keyRef", "", "pin", pin, "signInMode", 1, "token", appToken, "authType", "1",
                "deviceId", deviceId);
        return Http.send("POST", fintech("onboarding/user/v2/login"), "application/json", Http.json(body).getBytes(StandardCharsets.UTF_8),
                Map.of("X-API-KEY", DemoRealm.PIN_APP, "X-API-TOKEN", appToken, "X-ACCOUNT-NUMBER", accountNumber));
    }

    /** The wrong PINs before the lock: the demo PIN step's setting. */
    private int pinAttemptLimit() {
        String configId = realm.admin().flows().getExecutions(DemoRealm.PIN_OR_DEVICE_SUBFLOW).stream()
                .filter(execution -> "fintech-pin".equals(execution.getProviderId()))
                .findFirst().orElseThrow().getAuthenticationConfig();
        AuthenticatorConfigRepresentation config = realm.admin().flows().getAuthenticatorConfig(configId);
        return Integer.parseInt(config.getConfig().get("maxAttempts"));
    }

    private static void assertOnb200(Http.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("resCode").asText()).as(answer.body()).isEqualTo("ONB200");
    }

    // --- the sink

    /** One mail as the user reads it: subject, plain-text part, HTML part. */
    record Mail(String subject, String text, String html) {

        String everything() {
            return subject + "\n" + text + "\n" + html;
        }
    }

    /** The one mail the user gets: waits for it, then a moment longer for a second one that must not come. */
    private Mail theOnlyMailTo(TestUser user) {
        long deadline = System.nanoTime() + MAIL_WAIT.toNanos();
        List<Mail> mails = mailsTo(user.email());
        while (mails.isEmpty() && System.nanoTime() < deadline) {
            pause(Duration.ofMillis(100));
            mails = mailsTo(user.email());
        }
        assertThat(mails).as("mails to the user").isNotEmpty();
        pause(NO_MAIL_WAIT);
        mails = mailsTo(user.email());
        assertThat(mails).as("mails to the user").hasSize(1);
        return mails.get(0);
    }

    private void assertNoMailTo(TestUser user) {
        pause(NO_MAIL_WAIT);
        assertThat(mailsTo(user.email())).as("mails to the user").isEmpty();
    }

    private List<Mail> mailsTo(String address) {
        List<Mail> mails = new ArrayList<>();
        try {
            for (MimeMessage message : mailServer.getReceivedMessages()) {
                boolean toTheUser = Arrays.stream(message.getAllRecipients())
                        .anyMatch(recipient -> recipient instanceof InternetAddress internet && address.equalsIgnoreCase(internet.getAddress()));
                if (toTheUser) {
                    mails.add(read(message));
                }
            }
        } catch (MessagingException | IOException e) {
            throw new AssertionError("Unreadable mail in the sink", e);
        }
        return mails;
    }

    private static Mail read(MimeMessage message) throws MessagingException, IOException {
        Map<String, String> parts = new HashMap<>();
        collect(message, parts);
        return new Mail(message.getSubject(), parts.getOrDefault("text/plain", ""), parts.getOrDefault("text/html", ""));
    }

    private static void collect(Part part, Map<String, String> parts) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), parts);
            }
        } else if (part.isMimeType("text/plain")) {
            parts.put("text/plain", content.toString());
        } else if (part.isMimeType("text/html")) {
            parts.put("text/html", content.toString());
        }
    }

    /** The text says the message {@code key}, whatever its parameters. */
    private static void assertSays(String text, ThemeMessages messages, String key) {
        String withMarks = messages.get(key, MARK, MARK, MARK);
        for (String piece : withMarks.split(MARK)) {
            assertThat(text).contains(piece);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
