package com.fintechlogin.keycloak.it.browser;

import java.util.List;
import java.util.Map;

import com.fintechlogin.keycloak.it.support.UsedSecrets;

import org.keycloak.testframework.ui.page.AbstractPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;

/**
 * A page of the fintech login theme as a user sees it. Keycloak names the page after the template that drew it
 * ({@code <body data-page-id="login-fintech-pin">} for {@code fintech-pin.ftl}), which is what the framework's
 * {@link #assertCurrent()} waits for.
 */
abstract class FintechPage extends AbstractPage {

    private final String template;

    FintechPage(ManagedWebDriver driver, String template) {
        super(driver);
        this.template = template;
    }

    @Override
    public String getExpectedPageId() {
        return "login-" + template;
    }

    /** The page heading. */
    String title() {
        return text("kc-page-title");
    }

    /** Everything the page shows, as rendered. */
    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The page's language, {@code <html lang>}. */
    String language() {
        return driver.findElement(By.tagName("html")).getDomAttribute("lang");
    }

    /** The page-level message box (errors that belong to no single field, such as a locked PIN). */
    String alert() {
        return text("fintech-alert");
    }

    /** The text of the label drawn for an input. */
    String labelOf(String inputId) {
        return driver.findElement(By.cssSelector("label[for='" + inputId + "']")).getText().trim();
    }

    /** Whether an element with this id is in the page; answers at once (no implicit wait) since the page is loaded. */
    boolean has(String id) {
        return (Boolean) js().executeScript("return document.getElementById(arguments[0]) !== null;", id);
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText().trim();
    }

    WebElement input(String id) {
        return driver.findElement(By.id(id));
    }

    void type(String id, String value) {
        if (input(id).getAttribute("type").equals("password")) {
            UsedSecrets.record(value);
        }
        WebElement input = input(id);
        input.clear();
        input.sendKeys(value);
    }

    /** Presses a button or link that leaves the page, and waits until the browser shows the next page. */
    void press(String id) {
        WebElement current = driver.findElement(By.tagName("html"));
        driver.findElement(By.id(id)).click();
        driver.waiting().until(browser -> isGone(current));
    }

    /**
     * Whether the browser has left the page {@code element} was on. Asked mid-navigation, Chrome may answer "node does
     * not belong to the document" instead of calling the element stale: that is the same answer.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    // --- layout and accessibility, as a phone user and a screen-reader user meet them --------------------------

    /** How wide the page is drawn; wider than the window means sideways scrolling. */
    long scrollWidth() {
        return ((Number) js().executeScript("return document.documentElement.scrollWidth;")).longValue();
    }

    /** Ids (or names) of the visible inputs that no {@code <label for=…>} names. */
    @SuppressWarnings("unchecked")
    List<String> visibleInputsWithoutLabel() {
        return (List<String>) js().executeScript("""
                return Array.from(document.querySelectorAll('input'))
                    .filter(i => i.type !== 'hidden' && i.getClientRects().length > 0
                                 && getComputedStyle(i).visibility !== 'hidden')
                    .filter(i => !i.id || !document.querySelector('label[for="' + CSS.escape(i.id) + '"]'))
                    .map(i => i.id || ('name=' + i.name));
                """);
    }

    /** An element an input points at with {@code aria-describedby}, as assistive technology finds it. */
    record Description(String id, boolean exists, boolean announced, String text) {
    }

    /** What a screen reader is told about an input: its {@code aria-invalid} and the descriptions it names. */
    record FieldState(String ariaInvalid, List<Description> describedBy) {
    }

    @SuppressWarnings("unchecked")
    FieldState fieldState(String inputId) {
        Map<String, Object> state = (Map<String, Object>) js().executeScript("""
                const input = document.getElementById(arguments[0]);
                const ids = (input.getAttribute('aria-describedby') || '').split(/\\s+/).filter(id => id);
                return {
                    invalid: input.getAttribute('aria-invalid'),
                    described: ids.map(id => {
                        const el = document.getElementById(id);
                        return {
                            id: id,
                            exists: el !== null,
                            announced: el !== null
                                && el.closest('[aria-live]:not([aria-live="off"]), [role="alert"]') !== null,
                            text: el === null ? null : el.innerText.trim()
                        };
                    })
                };
                """, inputId);
        List<Description> described = ((List<Map<String, Object>>) state.get("described")).stream()
                .map(d -> new Description((String) d.get("id"), (Boolean) d.get("exists"), (Boolean) d.get("announced"),
                        (String) d.get("text")))
                .toList();
        return new FieldState((String) state.get("invalid"), described);
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) driver.driver();
    }
}
