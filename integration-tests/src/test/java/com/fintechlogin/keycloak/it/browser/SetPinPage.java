package com.fintechlogin.keycloak.it.browser;

import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/** The "Set PIN" required action (fintech-set-pin.ftl): a new PIN, typed twice, after the current one if the user has a PIN. */
final class SetPinPage extends FintechPage {

    SetPinPage(ManagedWebDriver driver) {
        super(driver, "fintech-set-pin");
    }

    void setPin(String pin, String confirmation) {
        type("pin", pin);
        type("pinConfirm", confirmation);
        press("kc-submit");
    }

    void changePin(String current, String pin, String confirmation) {
        type("currentPin", current);
        setPin(pin, confirmation);
    }

    boolean asksForTheCurrentPin() {
        return has("currentPin");
    }

    String currentPinError() {
        return text("input-error-currentPin");
    }

    String pinError() {
        return text("input-error-pin");
    }

    String confirmationError() {
        return text("input-error-pinConfirm");
    }

    boolean showsPinError() {
        return has("input-error-pin");
    }

    boolean showsConfirmationError() {
        return has("input-error-pinConfirm");
    }
}
