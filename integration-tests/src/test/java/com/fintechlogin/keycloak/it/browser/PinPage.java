package com.fintechlogin.keycloak.it.browser;

import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

import org.openqa.selenium.WebElement;

/**
 * The PIN step (fintech-pin.ftl). When the PIN cannot be used (locked, never set) the page has no PIN input, only
 * the page message and a "start over" link.
 */
final class PinPage extends FintechPage {

    PinPage(ManagedWebDriver driver) {
        super(driver, "fintech-pin");
    }

    void signIn(String pin) {
        type("pin", pin);
        press("kc-login");
    }

    boolean offersPinInput() {
        return has("pin");
    }

    WebElement pinInput() {
        return input("pin");
    }

    String pinLabel() {
        return labelOf("pin");
    }

    String pinError() {
        return text("input-error-pin");
    }

    boolean offersStartOver() {
        return has("fintech-start-over");
    }

    void startOver() {
        press("fintech-start-over");
    }
}
