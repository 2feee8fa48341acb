package com.fintechlogin.keycloak.it.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * PNG screenshots of the browser tests, under {@code target/screenshots/}: {@code <test>.png} at the moment a test
 * chooses with {@link #take()} (or at its end if it chose none), {@code <test>-failure.png} where a failed test
 * stopped, and {@code docs/<name>.png} for the guides (copied from there to the repository's {@code docs/}).
 * Register with {@code @RegisterExtension}.
 */
final class Screenshots implements BeforeEachCallback, AfterTestExecutionCallback {

    static final Path DIR = Path.of(System.getProperty("user.dir"), "target", "screenshots");

    /** The phone the guides' pictures show (CSS pixels). */
    static final int PHONE_WIDTH = 412;
    static final int PHONE_HEIGHT = 915;

    private final Supplier<ManagedWebDriver> driver;
    private String test;
    private boolean taken;

    /** {@code driver}: read when a picture is taken, so the framework may inject it after this is made. */
    Screenshots(Supplier<ManagedWebDriver> driver) {
        this.driver = driver;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        test = context.getRequiredTestMethod().getName();
        taken = false;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (driver.get() == null) {
            return;
        }
        if (context.getExecutionException().isEmpty()) {
            if (!taken) {
                take();
            }
            return;
        }
        try {
            save(DIR.resolve(test + "-failure.png"));
        } catch (RuntimeException e) {
            // A picture of the failure is a help, not a result: never hide the failure behind it.
            context.getExecutionException().get().addSuppressed(e);
        }
    }

    /** {@code target/screenshots/<test>.png} of what the browser shows now. */
    void take() {
        save(DIR.resolve(test + ".png"));
        taken = true;
    }

    /** {@code target/screenshots/docs/<name>.png} of what the browser shows, drawn on a phone-sized window. */
    void takeForDocs(String name) {
        WebDriver browser = driver.get().driver();
        List<Long> before = viewport(browser);
        resize(driver.get(), PHONE_WIDTH, PHONE_HEIGHT);
        save(DIR.resolve("docs").resolve(name + ".png"));
        resize(driver.get(), before.get(0).intValue(), before.get(1).intValue());
    }

    /** {@code target/screenshots/docs/<name>.png} of what the browser shows now, at the window's current size. */
    void takeForDocsAsShown(String name) {
        save(DIR.resolve("docs").resolve(name + ".png"));
    }

    /**
     * Sets the page's viewport (what CSS media queries and {@code window.innerWidth} see) to this size. Headless
     * Chromium draws browser "chrome" inside the window size, so the window is corrected until the viewport fits.
     */
    static void resize(ManagedWebDriver managed, int width, int height) {
        WebDriver browser = managed.driver();
        browser.manage().window().setSize(new Dimension(width, height));
        for (int i = 0; i < 3; i++) {
            List<Long> inner = viewport(browser);
            int innerWidth = inner.get(0).intValue();
            int innerHeight = inner.get(1).intValue();
            if (innerWidth == width && innerHeight == height) {
                return;
            }
            Dimension outer = browser.manage().window().getSize();
            browser.manage().window().setSize(new Dimension(outer.width + width - innerWidth, outer.height + height - innerHeight));
        }
        List<Long> inner = viewport(browser);
        if (inner.get(0).intValue() != width) {
            throw new AssertionError("The browser's viewport is " + inner + " wide, not " + width);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Long> viewport(WebDriver browser) {
        return (List<Long>) ((JavascriptExecutor) browser).executeScript("return [window.innerWidth, window.innerHeight];");
    }

    private void save(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver.get().driver()).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
