package com.fintechlogin.keycloak.it.browser;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Keycloak's admin console (a React app) as an identity admin uses it: sign in to the master realm, open a realm,
 * go to Authentication, find a flow and read its steps. Elements are found by what the admin sees (link texts, the
 * search box) and by the {@code data-testid}s the console gives its navigation, its page heading and each step of a
 * flow (the step's name); nothing by layout.
 */
final class AdminConsole {

    /** The console loads its scripts and the realm's data after each page load; a slow machine needs more than a few seconds. */
    private static final Duration LOAD = Duration.ofSeconds(60);
    private static final By AUTHENTICATION_NAV = By.cssSelector("[data-testid='nav-item-authentication']");
    private static final By FLOW_SEARCH = By.cssSelector("input[aria-label='Search']");
    private static final By PAGE_HEADING = By.cssSelector("[data-testid='view-header']");

    private final ManagedWebDriver driver;
    private final String serverUrl;

    /** {@code serverUrl}: the server's root, e.g. {@code http://localhost:8080}. */
    AdminConsole(ManagedWebDriver driver, String serverUrl) {
        this.driver = driver;
        this.serverUrl = serverUrl;
    }

    /** A row of a flow as the console lists it: the step's name (a sub-flow's alias) and its requirement. */
    record Step(String name, String requirement) {
    }

    /** Signs in on the master realm's login page the console sends to, and waits until the console has loaded. */
    void signIn(String username, String password) {
        driver.open(consoleUrl(""));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser().findElement(By.id("username")).sendKeys(username);
        browser().findElement(By.id("password")).sendKeys(password);
        browser().findElement(By.id("kc-login")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(AUTHENTICATION_NAV));
    }

    /** Opens {@code realm} → Authentication → the flow {@code alias}, as an admin clicks there, and waits for its steps. */
    void openFlow(String realm, String alias) {
        // The console picks its realm when the page loads; a changed URL fragment alone would keep the master realm.
        driver.open("about:blank");
        driver.open(consoleUrl("#/" + realm));
        waiting().until(ExpectedConditions.elementToBeClickable(AUTHENTICATION_NAV)).click();
        // The flows list shows ten a page: search, as an admin of a realm with many flows does.
        waiting().until(ExpectedConditions.elementToBeClickable(FLOW_SEARCH)).sendKeys(alias, Keys.ENTER);
        waiting().until(ExpectedConditions.elementToBeClickable(By.linkText(alias))).click();
        waiting().until(ExpectedConditions.textToBe(PAGE_HEADING, alias));
    }

    /** Waits until the open flow shows a step (or sub-flow) with this name. */
    void waitForStep(String name) {
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid='" + name + "']")));
    }

    /** The page's heading: on a flow's page, the flow's name. */
    String heading() {
        return browser().findElement(PAGE_HEADING).getText().strip();
    }

    /** Rests the pointer on the heading, so that no row is drawn highlighted in a picture. */
    void pointAtHeading() {
        new Actions(browser()).moveToElement(browser().findElement(PAGE_HEADING)).perform();
    }

    /** The rows of the open flow from top to bottom, a sub-flow's steps right after it. */
    @SuppressWarnings("unchecked")
    List<Step> steps() {
        // Each row's name element carries the name as its data-testid and holds the title span; the requirement is
        // the next cell: plain text when the step allows one requirement, a toggle showing it when it allows more.
        List<Map<String, String>> rows = (List<Map<String, String>>) ((JavascriptExecutor) browser()).executeScript("""
                return Array.from(document.querySelectorAll("[data-testid] > span[id^='title-id-']")).map(title => {
                    const name = title.parentElement;
                    const requirement = name.closest('th, td').nextElementSibling;
                    return {
                        name: name.getAttribute('data-testid'),
                        requirement: requirement === null ? '' : requirement.innerText.trim()
                    };
                });
                """);
        return rows.stream().map(row -> new Step(row.get("name"), row.get("requirement"))).toList();
    }

    private String consoleUrl(String fragment) {
        return serverUrl + "/admin/master/console/" + fragment;
    }

    private WebDriver browser() {
        return driver.driver();
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser(), LOAD, Duration.ofMillis(100));
    }
}
