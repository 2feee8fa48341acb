package com.fintechlogin.keycloak.it.browser;

import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/** The card portal's one-page sign-in with mobile number and password (fintech-mobile-password.ftl). */
final class MobilePasswordPage extends FintechPage {

    MobilePasswordPage(ManagedWebDriver driver) {
        super(driver, "fintech-mobile-password");
    }

    void signIn(String mobile, String password) {
        type("mobile", mobile);
        type("password", password);
        press("kc-login");
    }

    /** The one error of a refused sign-in, shown under the password whichever of the two was wrong. */
    String error() {
        return text("input-error-password");
    }
}
