package com.fintechlogin.keycloak.it.browser;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Keycloak's account console (v3, a React app) as a customer uses its <i>Signing in</i> page: each credential type
 * a section with its name, help text and, when it has one, a "Set up" link; each credential a row with its label,
 * its date, its notes and its Update and Delete buttons. Found by the {@code data-testid}s and
 * {@code data-testrole}s the console gives them, and by what the customer reads; nothing by layout.
 */
final class AccountConsole {

    /** The console loads its scripts, then the realm's messages and the user's credentials. */
    private static final Duration LOAD = Duration.ofSeconds(60);

    private final ManagedWebDriver driver;
    private final String realmUrl;

    /** {@code realmUrl}: the realm's base URL, e.g. {@code http://localhost:8080/realms/demo}. */
    AccountConsole(ManagedWebDriver driver, String realmUrl) {
        this.driver = driver;
        this.realmUrl = realmUrl;
    }

    /** A credential row as the customer sees it. */
    record Row(String id, String label, String created, String notes, boolean removable, boolean updatable) {
    }

    /** Opens the <i>Signing in</i> page; without a session, the browser is sent to the realm's login page first. */
    void open() {
        driver.open(realmUrl + "/account/account-security/signing-in");
    }

    /**
     * Signs in on Keycloak's username and password page (the realm's browser flow, drawn by the fintech theme). When
     * Keycloak asks to re-authenticate, it shows the username and asks for the password only.
     */
    void signIn(String username, String password) {
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
        List<WebElement> usernames = browser().findElements(By.id("username"));
        if (!usernames.isEmpty() && usernames.get(0).isDisplayed() && usernames.get(0).isEnabled()
                && usernames.get(0).getDomAttribute("readonly") == null) {
            usernames.get(0).clear();
            usernames.get(0).sendKeys(username);
        }
        browser().findElement(By.id("password")).sendKeys(password);
        WebElement page = browser().findElement(By.tagName("html"));
        browser().findElement(By.id("kc-login")).click();
        waiting().until(ExpectedConditions.stalenessOf(page));
    }

    /** Whether the browser shows the realm's sign-in page (asking for a password) rather than the console. */
    boolean showsLoginPage() {
        waiting().until(ExpectedConditions.or(
                ExpectedConditions.visibilityOfElementLocated(By.id("password")),
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid$='/title']"))));
        return !browser().findElements(By.id("password")).isEmpty();
    }

    /** Waits until the page lists the credential type {@code type}. */
    void waitForType(String type) {
        waiting().until(ExpectedConditions.visibilityOfElementLocated(testId(type + "/title")));
    }

    /** Waits until the type {@code type} lists {@code count} credentials. */
    void waitForRows(String type, int count) {
        waiting().until(browser -> rows(type).size() == count);
    }

    String title(String type) {
        return browser().findElement(testId(type + "/title")).getText().strip();
    }

    String helpText(String type) {
        return browser().findElement(testId(type + "/help-text")).getText().strip();
    }

    /** The "Set up …" link of a type, or null when the console offers none. */
    String setUpLink(String type) {
        List<WebElement> links = browser().findElements(testId(type + "/create"));
        return links.isEmpty() ? null : links.get(0).getText().strip();
    }

    /** The credentials the console lists under {@code type}, top to bottom. */
    @SuppressWarnings("unchecked")
    List<Row> rows(String type) {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) ((JavascriptExecutor) browser()).executeScript("""
                const list = document.querySelector("[data-testid='" + arguments[0] + "/credential-list']");
                if (list === null) return [];
                return Array.from(list.querySelectorAll("[id^='cred-']")).map(row => {
                    const text = role => {
                        const cell = row.querySelector("[data-testrole='" + role + "']");
                        return cell === null ? '' : cell.innerText.trim();
                    };
                    return {
                        id: row.id.substring('cred-'.length),
                        label: text('label'),
                        created: text('created-at'),
                        notes: text('warning-message'),
                        removable: row.querySelector("[data-testrole='remove']") !== null,
                        updatable: row.querySelector("[data-testrole='update']") !== null
                    };
                });
                """, type);
        return rows.stream().map(row -> new Row((String) row.get("id"), (String) row.get("label"), (String) row.get("created"),
                (String) row.get("notes"), (Boolean) row.get("removable"), (Boolean) row.get("updatable"))).toList();
    }

    /** Presses "Update" in the row of credential {@code credentialId}: the console starts the type's update action. */
    void update(String credentialId) {
        press(credentialId, "update");
    }

    /** Presses "Delete" in the row of credential {@code credentialId}: the console starts Keycloak's delete action. */
    void delete(String credentialId) {
        press(credentialId, "remove");
    }

    private void press(String credentialId, String role) {
        WebElement page = browser().findElement(By.tagName("html"));
        waiting().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[id='cred-" + credentialId + "'] [data-testrole='" + role + "']"))).click();
        waiting().until(ExpectedConditions.stalenessOf(page));
    }

    /** On Keycloak's "Delete credential" page (delete-credential.ftl): its question, then the confirmation. */
    String deleteQuestion() {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-delete-text"))).getText().strip();
    }

    void confirmDelete() {
        WebElement page = browser().findElement(By.tagName("html"));
        browser().findElement(By.id("kc-accept")).click();
        waiting().until(ExpectedConditions.stalenessOf(page));
    }

    /** Everything the browser shows, as rendered. */
    String pageText() {
        return browser().findElement(By.tagName("body")).getText();
    }

    /** Rests the pointer nowhere in particular and scrolls to the top, so that a picture shows the page as it opens. */
    void scrollToTop() {
        ((JavascriptExecutor) browser()).executeScript("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur();");
    }

    private static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    private WebDriver browser() {
        return driver.driver();
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser(), LOAD, Duration.ofMillis(100));
    }
}
