package com.fintechlogin.keycloak.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fintechlogin.keycloak.it.browser.AdminConsole.Step;
import com.fintechlogin.keycloak.it.support.DemoRealm;
import com.fintechlogin.keycloak.it.support.FintechServerConfig;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.config.Config;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * What an identity admin sees of the project in Keycloak's admin console, in a real headless Chromium: the demo
 * realm's browser flow of web banking lists the project's steps, in order, with the requirement each must have. The
 * page is also the admin guide's picture of a configured flow ({@code target/screenshots/docs/admin-flow.png},
 * copied to {@code docs/}).
 */
@KeycloakIntegrationTest(config = FintechServerConfig.class)
class AdminConsoleFlowTest {

    private static final String PIN_BROWSER_FLOW = "fintech pin browser";
    private static final int DESKTOP_WIDTH = 1280;
    private static final int DESKTOP_HEIGHT = 900;

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @InjectWebDriver
    ManagedWebDriver driver;

    @RegisterExtension
    final Screenshots screenshots = new Screenshots(() -> driver);

    @BeforeEach
    void desktopBrowserWithoutAnAdminSession() {
        Screenshots.resize(driver, DESKTOP_WIDTH, DESKTOP_HEIGHT);
        forgetMasterRealmSession();
    }

    @AfterEach
    void signOutOfTheConsole() {
        // The browser is shared with the other browser tests: leave it as it was found.
        forgetMasterRealmSession();
    }

    @Test
    void pinBrowserFlowListsTheFintechStepsInOrderWithTheirRequirements() {
        AdminConsole console = new AdminConsole(driver, serverUrl());
        console.signIn(Config.getAdminUsername(), Config.getAdminPassword());

        console.openFlow(realm.getName(), PIN_BROWSER_FLOW);
        console.waitForStep("Fintech: PIN form");

        assertThat(console.heading()).isEqualTo(PIN_BROWSER_FLOW);
        assertThat(console.steps()).containsExactly(
                new Step("Cookie", "Alternative"),
                new Step("fintech pin browser forms", "Alternative"),
                new Step("Fintech: username or mobile form", "Required"),
                new Step("Fintech: PIN form", "Required"));
        console.pointAtHeading();
        screenshots.take();
        screenshots.takeForDocsAsShown("admin-flow");
    }

    private String serverUrl() {
        String realmUrl = realm.getBaseUrl();
        return realmUrl.substring(0, realmUrl.indexOf("/realms/"));
    }

    /**
     * WebDriver deletes only the cookies the current page can see, so it goes to a page of the master realm first:
     * the admin console's session is a master-realm session.
     */
    private void forgetMasterRealmSession() {
        driver.open(serverUrl() + "/realms/master/.well-known/openid-configuration");
        driver.cookies().deleteAll();
    }
}
