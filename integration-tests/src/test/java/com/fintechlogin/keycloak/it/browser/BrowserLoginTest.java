package com.fintechlogin.keycloak.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fintechlogin.keycloak.it.support.DemoRealm.TestUser;
import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;
import com.fintechlogin.keycloak.it.support.Http;
import com.fintechlogin.keycloak.it.support.Tokens;
import com.nimbusds.jwt.JWTClaimsSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * The browser sign-ins of the demo realm with the fintech login theme, in a real headless Chromium: web banking
 * (username, email or mobile number, then PIN), the card portal (mobile number and password) and its "Set PIN"
 * required action. Each login starts where a browser app starts it — the realm's authorization endpoint — and ends
 * where the app ends it: a code on the redirect URI, exchanged for the user's tokens.
 */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
class BrowserLoginTest {

    private static final String WEB_BANKING = "web-banking";
    private static final String CARD_PORTAL = "card-portal-web";
    private static final String CALLBACK_PATH = "/fintech-demo-callback";

    private static final String PIN = "2580";
    private static final String WRONG_PIN = "1357";
    private static final int PIN_LENGTH = 4;
    private static final int PIN_ATTEMPTS = 5;

    private static final int PHONE_SMALL_WIDTH = 360;
    private static final int PHONE_SMALL_HEIGHT = 740;

    private static final ThemeMessages EN = ThemeMessages.EN;
    private static final ThemeMessages HI = ThemeMessages.HI;

    private static final SecureRandom RANDOM = new SecureRandom();

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @InjectWebDriver
    ManagedWebDriver driver;

    @RegisterExtension
    final Screenshots screenshots = new Screenshots(() -> driver);

    @BeforeEach
    void freshDesktopBrowserSession() {
        Screenshots.resize(driver, 1280, 800);
        startNewBrowserSession();
    }

    // --- web banking: identifier, then PIN ----------------------------------------------------------------------

    @Test
    void pinLoginByUsernameEndsAtTheAppWithACodeThatGivesTheUsersTokens() throws Exception {
        TestUser user = pinUser(DemoRealm.freshMobile());
        Authorization login = openLogin(WEB_BANKING);

        IdentifierPage identifier = new IdentifierPage(driver);
        identifier.assertCurrent();
        assertThat(identifier.title()).isEqualTo(EN.get("fintechIdentifierTitle"));
        assertThat(identifier.identifierLabel()).isEqualTo(EN.get("fintechUsernameOrMobile"));
        identifier.continueAs(username(user));

        PinPage pin = new PinPage(driver);
        pin.assertCurrent();
        assertThat(pin.title()).isEqualTo(EN.get("fintechPinTitle"));
        assertThat(pin.pinLabel()).isEqualTo(EN.get("fintechPinLabel", PIN_LENGTH));
        assertThat(pin.pinInput().getDomAttribute("type")).as("the PIN is masked").isEqualTo("password");
        assertThat(pin.pinInput().getDomAttribute("inputmode")).as("phones show the number pad").isEqualTo("numeric");
        screenshots.take();
        screenshots.takeForDocs("pin-page");

        pin.type("pin", PIN + "1");
        assertThat(pin.pinInput().getDomProperty("value")).as("no more digits than the PIN has").isEqualTo(PIN);
        pin.press("kc-login");

        assertThat(tokensOnRedirect(login).getSubject()).isEqualTo(user.id());
    }

    @Test
    void pinLoginByMobileNumberEndsAtTheAppWithTheUsersTokens() throws Exception {
        String mobile = DemoRealm.freshMobile();
        TestUser user = pinUser(mobile);
        Authorization login = openLogin(WEB_BANKING);

        IdentifierPage identifier = new IdentifierPage(driver);
        identifier.assertCurrent();
        identifier.continueAs(mobile);
        PinPage pin = new PinPage(driver);
        pin.assertCurrent();
        screenshots.take();
        pin.signIn(PIN);

        assertThat(tokensOnRedirect(login).getSubject()).isEqualTo(user.id());
    }

    @Test
    void unknownUsernameOrMobileNumberStaysOnTheIdentifierPageWithAnError() {
        openLogin(WEB_BANKING);

        IdentifierPage identifier = new IdentifierPage(driver);
        identifier.assertCurrent();
        identifier.continueAs("nobody-" + UUID.randomUUID().toString().substring(0, 8));

        identifier.assertCurrent();
        assertThat(identifier.identifierError()).contains(EN.get("fintechInvalidUsernameOrMobile"));
        screenshots.take();
    }

    @Test
    void wrongPinShowsTheAttemptsLeftAndTheRightPinThenSignsIn() throws Exception {
        String mobile = DemoRealm.freshMobile();
        TestUser user = pinUser(mobile);
        Authorization login = openLogin(WEB_BANKING);
        PinPage pin = continueToPin(mobile);

        pin.signIn(WRONG_PIN);

        pin.assertCurrent();
        assertThat(pin.pinError()).contains(EN.get("fintechPinInvalid", PIN_ATTEMPTS - 1));
        assertThat(pin.offersPinInput()).isTrue();
        screenshots.take();

        pin.signIn(PIN);

        assertThat(tokensOnRedirect(login).getSubject()).isEqualTo(user.id());
    }

    @Test
    void fiveWrongPinsLockThePinAndTheRightPinStaysRefusedAfterStartingOver() {
        String mobile = DemoRealm.freshMobile();
        TestUser user = pinUser(mobile);
        openLogin(WEB_BANKING);
        PinPage pin = continueToPin(username(user));

        for (int attempt = 1; attempt < PIN_ATTEMPTS; attempt++) {
            pin.signIn(WRONG_PIN);
            pin.assertCurrent();
            assertThat(pin.pinError()).as("after wrong PIN %d", attempt).contains(EN.get("fintechPinInvalid", PIN_ATTEMPTS - attempt));
        }
        pin.signIn(WRONG_PIN);

        pin.assertCurrent();
        assertPinLocked(pin);
        assertThat(pin.offersStartOver()).isTrue();
        screenshots.take();

        // Starting over in the same browser: the PIN stays locked.
        pin.startOver();
        IdentifierPage identifier = new IdentifierPage(driver);
        identifier.assertCurrent();
        identifier.continueAs(username(user));
        pin.assertCurrent();
        assertPinLocked(pin);

        // A new browser session from the app, by mobile number this time: still locked, the right PIN cannot be used.
        startNewBrowserSession();
        openLogin(WEB_BANKING);
        continueToPin(mobile);
        assertPinLocked(pin);
    }

    @Test
    void aPinLockThatLastsUntilUnlockedSaysSoInsteadOfTryAgainLater() {
        // Every lock lasts here (no temporary lock allowed), reached in 2 wrong PINs.
        DemoRealm.configurePinStep(realm, "maxAttempts", "2");
        DemoRealm.configurePinStep(realm, "maxTemporaryLockouts", "0");
        TestUser user = pinUser(DemoRealm.freshMobile());
        openLogin(WEB_BANKING);
        PinPage pin = continueToPin(username(user));

        pin.signIn(WRONG_PIN);
        pin.assertCurrent();
        pin.signIn(WRONG_PIN);

        pin.assertCurrent();
        assertThat(pin.offersPinInput()).isFalse();
        assertThat(pin.alert()).contains(EN.get("fintechPinLockedUntilUnlocked"));
    }

    @Test
    void userWithoutAPinIsToldToSetOneAndGetsNoPinInput() {
        TestUser user = DemoRealm.newUser(realm);
        openLogin(WEB_BANKING);

        PinPage pin = continueToPin(username(user));

        assertThat(pin.offersPinInput()).isFalse();
        assertThat(pin.alert()).contains(EN.get("fintechPinNotSet"));
        assertThat(pin.offersStartOver()).as("a way back to the start").isTrue();
        screenshots.take();
    }

    // --- card portal: mobile number and password ----------------------------------------------------------------

    @Test
    void cardPortalSignsInWithMobileAndPasswordAndRefusesAWrongPasswordOrUnknownMobile() throws Exception {
        String mobile = DemoRealm.freshMobile();
        TestUser user = pinUser(mobile);
        Authorization login = openLogin(CARD_PORTAL);
        MobilePasswordPage page = new MobilePasswordPage(driver);
        page.assertCurrent();
        assertThat(page.title()).isEqualTo(EN.get("fintechMobilePasswordTitle"));
        assertThat(page.labelOf("mobile")).isEqualTo(EN.get("fintechMobileLabel"));

        page.signIn(DemoRealm.freshMobile(), user.password());
        page.assertCurrent();
        assertThat(page.error()).as("unknown mobile number").contains(EN.get("fintechInvalidMobileOrPassword"));

        page.signIn(mobile, "not-" + user.password());
        page.assertCurrent();
        assertThat(page.error()).as("wrong password").contains(EN.get("fintechInvalidMobileOrPassword"));
        screenshots.take();

        page.signIn(mobile, user.password());

        assertThat(tokensOnRedirect(login).getSubject()).isEqualTo(user.id());
    }

    @Test
    void theCardPortalPageRefusesAnAddressOverItsFailureBudgetWithoutCheckingThePassword() {
        String mobile = DemoRealm.freshMobile();
        TestUser user = pinUser(mobile);
        // One failure a window for this browser's address; other tests' failures from it may have spent it already.
        DemoRealm.setRealmAttribute(realm, "fintech.budget.failures-per-address", "1");
        openLogin(CARD_PORTAL);
        MobilePasswordPage page = new MobilePasswordPage(driver);
        page.signIn(DemoRealm.freshMobile(), user.password());

        page.signIn(mobile, user.password());

        page.assertCurrent();
        assertThat(page.error()).as("the right password, from an address over its budget")
                .contains(EN.get("fintechTooManyFailures"));
    }

    @Test
    void firstCardPortalLoginAsksForAPinRefusesWeakOrMismatchedPinsAndTheNewPinThenSignsInToWebBanking() throws Exception {
        String mobile = DemoRealm.freshMobile();
        TestUser user = DemoRealm.newUser(realm, Map.of("mobile", List.of(mobile)));
        Authorization cardPortal = openLogin(CARD_PORTAL);
        SetPinPage setPin = signInToCardPortalUpToSetPin(mobile, user.password());
        assertThat(setPin.title()).isEqualTo(EN.get("fintechSetPinTitle"));
        assertThat(setPin.labelOf("pin")).isEqualTo(EN.get("fintechNewPin"));
        assertThat(setPin.labelOf("pinConfirm")).isEqualTo(EN.get("fintechConfirmPin"));
        screenshots.takeForDocs("set-pin-page");

        for (String weak : List.of("1111", "1234", "1004")) {
            setPin.setPin(weak, weak);
            setPin.assertCurrent();
            assertThat(setPin.pinError()).as("PIN %s", weak).contains(EN.get("fintechPinWeak"));
        }

        setPin.setPin("123", "123");
        setPin.assertCurrent();
        assertThat(setPin.pinError()).contains(EN.get("fintechPinWrongLength", PIN_LENGTH));

        setPin.setPin(PIN, "2581");
        setPin.assertCurrent();
        assertThat(setPin.confirmationError()).contains(EN.get("fintechPinMismatch"));
        assertThat(setPin.showsPinError()).as("the new PIN itself was fine").isFalse();
        screenshots.take();

        setPin.setPin(PIN, PIN);

        assertThat(tokensOnRedirect(cardPortal).getSubject()).isEqualTo(user.id());
        assertThat(realm.admin().users().get(user.id()).credentials())
                .extracting(CredentialRepresentation::getType).contains("pin");

        // The new PIN signs in to web banking, in a browser that has no session yet.
        startNewBrowserSession();
        Authorization webBanking = openLogin(WEB_BANKING);
        continueToPin(mobile).signIn(PIN);

        assertThat(tokensOnRedirect(webBanking).getSubject()).isEqualTo(user.id());
    }

    @Test
    void setPinAsksAUserWhoHasAPinForItUnderThePinsAttemptLimit() throws Exception {
        String mobile = DemoRealm.freshMobile();
        TestUser user = DemoRealm.newUser(realm, Map.of("mobile", List.of(mobile)), List.of(DemoRealm.pin(PIN)));
        UserRepresentation rep = realm.admin().users().get(user.id()).toRepresentation();
        rep.setRequiredActions(List.of("fintech-set-pin"));
        realm.admin().users().get(user.id()).update(rep);
        Authorization cardPortal = openLogin(CARD_PORTAL);
        SetPinPage setPin = signInToCardPortalUpToSetPin(mobile, user.password());
        assertThat(setPin.asksForTheCurrentPin()).isTrue();
        assertThat(setPin.labelOf("currentPin")).isEqualTo(EN.get("fintechCurrentPin"));
        setPin.changePin(WRONG_PIN, "3691", "3691");
        setPin.assertCurrent();
        assertThat(setPin.currentPinError()).contains(EN.get("fintechCurrentPinInvalid", PIN_ATTEMPTS - 1));
        screenshots.take();

        setPin.changePin(PIN, "3691", "3691");

        assertThat(tokensOnRedirect(cardPortal).getSubject()).isEqualTo(user.id());
        startNewBrowserSession();
        Authorization webBanking = openLogin(WEB_BANKING);
        continueToPin(mobile).signIn("3691");
        assertThat(tokensOnRedirect(webBanking).getSubject()).isEqualTo(user.id());
    }

    // --- a lock closes only its own credential's page -----------------------------------------------------------

    @Test
    void wrongPasswordsOnTheCardPortalPageLockItButLeaveTheWebBankingPinPageOpen() throws Exception {
        String mobile = DemoRealm.freshMobile();
        TestUser user = pinUser(mobile);
        openLogin(CARD_PORTAL);
        MobilePasswordPage page = new MobilePasswordPage(driver);
        page.assertCurrent();
        for (int attempt = 0; attempt < PIN_ATTEMPTS; attempt++) {
            page.signIn(mobile, "wrong-" + attempt);
            page.assertCurrent();
        }
        page.signIn(mobile, user.password());
        page.assertCurrent();
        assertThat(page.error()).as("the right password, locked").contains(EN.get("fintechInvalidMobileOrPassword"));
        DemoRealm.awaitKeycloakLockout(realm, user.id());

        startNewBrowserSession();
        Authorization webBanking = openLogin(WEB_BANKING);
        continueToPin(mobile).signIn(PIN);

        assertThat(tokensOnRedirect(webBanking).getSubject()).isEqualTo(user.id());
    }

    @Test
    void wrongPinsOnThePinPageLockItButLeaveTheCardPortalPasswordPageOpen() throws Exception {
        String mobile = DemoRealm.freshMobile();
        TestUser user = pinUser(mobile);
        openLogin(WEB_BANKING);
        PinPage pin = continueToPin(mobile);
        for (int attempt = 0; attempt < PIN_ATTEMPTS; attempt++) {
            pin.signIn(WRONG_PIN);
            pin.assertCurrent();
        }
        assertPinLocked(pin);
        DemoRealm.awaitKeycloakLockout(realm, user.id());

        startNewBrowserSession();
        Authorization cardPortal = openLogin(CARD_PORTAL);
        MobilePasswordPage page = new MobilePasswordPage(driver);
        page.assertCurrent();
        page.signIn(mobile, user.password());

        assertThat(tokensOnRedirect(cardPortal).getSubject()).isEqualTo(user.id());
    }

    /** The card portal's mobile + password page, signed in, up to the Set PIN page that follows. */
    private SetPinPage signInToCardPortalUpToSetPin(String mobile, String password) {
        MobilePasswordPage mobilePassword = new MobilePasswordPage(driver);
        mobilePassword.assertCurrent();
        mobilePassword.signIn(mobile, password);
        SetPinPage setPin = new SetPinPage(driver);
        setPin.assertCurrent();
        return setPin;
    }

    // --- language and layout -------------------------------------------------------------------------------------

    @Test
    void hindiLocaleShowsTheIdentifierAndPinPagesInHindi() throws Exception {
        String mobile = DemoRealm.freshMobile();
        TestUser user = pinUser(mobile);
        Authorization login = openLogin(WEB_BANKING, "hi");

        IdentifierPage identifier = new IdentifierPage(driver);
        identifier.assertCurrent();
        assertThat(identifier.language()).isEqualTo("hi");
        assertThat(identifier.title()).isEqualTo(HI.get("fintechIdentifierTitle"));
        assertThat(identifier.identifierLabel()).isEqualTo(HI.get("fintechUsernameOrMobile"));
        assertThat(identifier.pageText()).contains("मोबाइल नंबर");
        assertThat(identifier.submitLabel()).as("the button speaks Hindi").containsPattern("\\p{IsDevanagari}");
        identifier.continueAs(mobile);

        PinPage pin = new PinPage(driver);
        pin.assertCurrent();
        assertThat(pin.language()).isEqualTo("hi");
        assertThat(pin.title()).isEqualTo(HI.get("fintechPinTitle"));
        assertThat(pin.pinLabel()).isEqualTo(HI.get("fintechPinLabel", PIN_LENGTH));

        pin.signIn(WRONG_PIN);
        pin.assertCurrent();
        assertThat(pin.pinError()).contains(HI.get("fintechPinInvalid", PIN_ATTEMPTS - 1));
        screenshots.take();

        pin.signIn(PIN);

        assertThat(tokensOnRedirect(login).getSubject()).isEqualTo(user.id());
    }

    @Test
    void pinAndMobilePasswordPagesFitASmallPhoneAndAnnounceTheirErrors() {
        String mobile = DemoRealm.freshMobile();
        TestUser user = pinUser(mobile);
        Screenshots.resize(driver, PHONE_SMALL_WIDTH, PHONE_SMALL_HEIGHT);

        openLogin(WEB_BANKING);
        PinPage pin = continueToPin(mobile);
        assertFitsAndLabelled(pin);
        pin.signIn(WRONG_PIN);
        pin.assertCurrent();
        assertFitsAndLabelled(pin);
        assertErrorAnnounced(pin, "pin", EN.get("fintechPinInvalid", PIN_ATTEMPTS - 1));

        startNewBrowserSession();
        openLogin(CARD_PORTAL);
        MobilePasswordPage mobilePassword = new MobilePasswordPage(driver);
        mobilePassword.assertCurrent();
        assertFitsAndLabelled(mobilePassword);
        mobilePassword.signIn(mobile, "not-" + user.password());
        mobilePassword.assertCurrent();
        assertFitsAndLabelled(mobilePassword);
        assertErrorAnnounced(mobilePassword, "password", EN.get("fintechInvalidMobileOrPassword"));
        screenshots.take();
    }

    // --- what the checks share --------------------------------------------------------------------------------

    private static void assertPinLocked(PinPage pin) {
        assertThat(pin.offersPinInput()).as("no PIN input while the PIN is locked").isFalse();
        assertThat(pin.alert()).contains(EN.get("fintechPinLocked"));
    }

    private static void assertFitsAndLabelled(FintechPage page) {
        assertThat(page.scrollWidth()).as("page width: no sideways scrolling").isLessThanOrEqualTo(PHONE_SMALL_WIDTH);
        assertThat(page.visibleInputsWithoutLabel()).as("visible inputs without a label").isEmpty();
    }

    /** The input is marked invalid and names its error, which sits in a region that screen readers announce. */
    private static void assertErrorAnnounced(FintechPage page, String inputId, String error) {
        FintechPage.FieldState field = page.fieldState(inputId);
        assertThat(field.ariaInvalid()).as("aria-invalid of #%s", inputId).isEqualTo("true");
        assertThat(field.describedBy()).as("aria-describedby of #%s", inputId).isNotEmpty()
                .allSatisfy(description -> assertThat(description.exists()).as("#%s exists", description.id()).isTrue())
                .anySatisfy(description -> {
                    assertThat(description.announced()).as("#%s is in an aria-live region or role=alert", description.id()).isTrue();
                    assertThat(description.text()).contains(error);
                });
    }

    /** A user with a mobile number, a password and the PIN {@value #PIN}. */
    private TestUser pinUser(String mobile) {
        return DemoRealm.newUser(realm, Map.of("mobile", List.of(mobile)), List.of(DemoRealm.pin(PIN)));
    }

    private String username(TestUser user) {
        return realm.admin().users().get(user.id()).toRepresentation().getUsername();
    }

    private PinPage continueToPin(String usernameEmailOrMobile) {
        IdentifierPage identifier = new IdentifierPage(driver);
        identifier.assertCurrent();
        identifier.continueAs(usernameEmailOrMobile);
        PinPage pin = new PinPage(driver);
        pin.assertCurrent();
        return pin;
    }

    /**
     * Forgets every cookie of the realm, as a new browser would: no SSO session, no login in progress, no language
     * choice. WebDriver deletes only the cookies the current page can see, so it goes to a page of the realm first.
     */
    private void startNewBrowserSession() {
        driver.open(realm.getBaseUrl() + "/.well-known/openid-configuration");
        driver.cookies().deleteAll();
        assertThat(driver.cookies().getAll()).as("cookies left in the browser").isEmpty();
    }

    // --- the browser app's side of the authorization code flow (with PKCE, as a public client should) ----------

    /** One authorization request: what the app must see again on its redirect URI, and its PKCE verifier. */
    private record Authorization(String clientId, String state, String codeVerifier) {
    }

    private String redirectUri() {
        String realmUrl = realm.getBaseUrl();
        return realmUrl.substring(0, realmUrl.indexOf("/realms/")) + CALLBACK_PATH;
    }

    private Authorization openLogin(String clientId) {
        return openLogin(clientId, null);
    }

    private Authorization openLogin(String clientId, String uiLocales) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String state = UUID.randomUUID().toString();
        String url = realm.getBaseUrl() + "/protocol/openid-connect/auth"
                + "?client_id=" + enc(clientId)
                + "&response_type=code&scope=openid"
                + "&redirect_uri=" + enc(redirectUri())
                + "&state=" + enc(state)
                + "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256"
                + (uiLocales == null ? "" : "&ui_locales=" + enc(uiLocales));
        driver.open(url);
        return new Authorization(clientId, state, verifier);
    }

    /** The browser is back at the app with a code; the app exchanges it for tokens, which are the user's. */
    private JWTClaimsSet tokensOnRedirect(Authorization authorization) throws Exception {
        String callback = redirectUri() + "?";
        driver.waiting().waitForOAuthCallback(browser -> browser.getCurrentUrl().startsWith(callback));
        Map<String, String> answer = query(driver.getCurrentUrl());
        assertThat(answer).doesNotContainKey("error").containsEntry("state", authorization.state());
        assertThat(answer.get("code")).as("authorization code").isNotBlank();

        Http.Answer tokens = Http.postForm(realm.getBaseUrl() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "authorization_code",
                "client_id", authorization.clientId(),
                "code", answer.get("code"),
                "redirect_uri", redirectUri(),
                "code_verifier", authorization.codeVerifier()), Map.of());
        assertThat(tokens.status()).as("token endpoint: %s", tokens.body()).isEqualTo(200);
        JWTClaimsSet claims = Tokens.verify(realm, tokens.json().get("access_token").asText());
        assertThat(claims.getStringClaim("azp")).isEqualTo(authorization.clientId());
        return claims;
    }

    private static Map<String, String> query(String url) {
        Map<String, String> parameters = new HashMap<>();
        String query = URI.create(url).getRawQuery();
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
