package com.fintechlogin.keycloak.it.browser;

import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/** First step of the PIN sign-in (fintech-identifier.ftl): who is signing in — username, email or mobile number. */
final class IdentifierPage extends FintechPage {

    IdentifierPage(ManagedWebDriver driver) {
        super(driver, "fintech-identifier");
    }

    void continueAs(String usernameEmailOrMobile) {
        type("username", usernameEmailOrMobile);
        press("kc-login");
    }

    String identifierLabel() {
        return labelOf("username");
    }

    String submitLabel() {
        return text("kc-login");
    }

    String identifierError() {
        return text("input-error-username");
    }
}
