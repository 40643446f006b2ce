package org.reachpbx.server.ui;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for the admin UI tests: Debian's {@code chromium} and {@code chromedriver},
 * given by path so that Selenium Manager never downloads anything. Without them the test is
 * skipped (a JUnit assumption); {@code .ci/run} installs them and fails when Ui tests were skipped.
 */
final class UiBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("PBX_TEST_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("PBX_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;
    private final String base;
    private final Path profile;

    private UiBrowser(WebDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    /** Starts a browser for the server on {@code port}, or skips the test when none is installed. */
    static UiBrowser start(int port) {
        return start(port, null);
    }

    /**
     * The same, the browser asking for pages in {@code language} ("nl"): what a visitor whose
     * browser is set to Dutch sees before any language button, the login page.
     */
    static UiBrowser start(int port, String language) {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Admin UI browser tests skipped: no " + CHROMIUM + " or " + CHROMEDRIVER
                        + " (apt-get install -y chromium chromium-driver)");
        try {
            Path profile = Files.createTempDirectory("reachpbx-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1400,1000", "--user-data-dir=" + profile);
            if (language != null) {
                options.addArguments("--lang=" + language);
                options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
            }
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            return new UiBrowser(new ChromeDriver(service, options), "http://localhost:" + port, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** The browser window's size, e.g. 390 x 844 for a phone. */
    UiBrowser windowSize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        return this;
    }

    /** Whether the element lies wholly inside the visible width of the window. */
    boolean insideWidth(WebElement element) {
        Object inside = script("const r = arguments[0].getBoundingClientRect();"
                + " return r.width > 0 && r.left >= 0 && r.right <= window.innerWidth;", element);
        return Boolean.TRUE.equals(inside);
    }

    UiBrowser open(String path) {
        driver.get(base + path);
        return this;
    }

    /** Logs in through the login form and waits for the main layout. */
    UiBrowser login(String username, String password) {
        open("/ui/login");
        WebElement user = waitFor(By.cssSelector("vaadin-login-form input[name='username']"));
        user.sendKeys(username);
        WebElement pass = driver.findElement(By.cssSelector("vaadin-login-form input[name='password']"));
        pass.sendKeys(password, Keys.ENTER);
        waitFor(By.id("current-user"));
        return this;
    }

    WebElement waitFor(By by) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.WebDriverException.class)
                    .until(ExpectedConditions.visibilityOfElementLocated(by));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw timedOut(e);
        }
    }

    /** A timeout that says what the page showed instead, with a screenshot: what a CI log needs. */
    private org.openqa.selenium.TimeoutException timedOut(org.openqa.selenium.TimeoutException e) {
        String name = "timeout-" + System.currentTimeMillis();
        screenshot(name);
        String text;
        try {
            text = pageText();
        } catch (org.openqa.selenium.WebDriverException unreadable) {
            text = "(unreadable: " + unreadable.getMessage() + ")";
        }
        return new org.openqa.selenium.TimeoutException(e.getMessage() + "\nThe page said (screenshot " + name
                + ".png):\n" + text, e);
    }

    /**
     * Waits until the element shows the text. While the page is being drawn again (a language
     * switch reloads it) Chromium may report an element it just found as gone from the document
     * with a plain WebDriverException, not a stale-element one: that is waited out too.
     */
    void waitForText(By by, String text) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.WebDriverException.class)
                    .until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw timedOut(e);
        }
    }

    /** Waits until nothing found by {@code by} is shown (a dialog closed, say). */
    void waitForGone(By by) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.invisibilityOfElementLocated(by));
    }

    Object script(String javascript, Object... args) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(javascript, args);
    }

    /** Chooses {@code file} in the file input of the vaadin-upload found by {@code upload}. */
    void upload(By upload, Path file) {
        WebElement host = waitFor(upload);
        WebElement input = host.getShadowRoot().findElement(By.cssSelector("input[type='file']"));
        input.sendKeys(file.toAbsolutePath().toString());
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /** Saves a screenshot as {@code target/screenshots/<name>.png}. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }

    // ---- helpers of the configuration editor tests (UiExtensionsTest, UiNumberPlansTest, UiAccountTest)

    /** Replaces the text of the vaadin text field (or area, or combo box input) with this id, then leaves it. */
    void type(String id, String text) {
        WebElement host = waitFor(By.id(id));
        WebElement input = host.findElement(By.cssSelector("input, textarea"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text, Keys.TAB);
    }

    /**
     * Sets a vaadin date-time picker to an ISO local date-time ({@code 2026-12-25T00:00}) and fires
     * the change the server listens to: what choosing a date and a time does, free of the
     * browser's date format.
     */
    void pick(String id, String isoValue) {
        WebElement picker = waitFor(By.id(id));
        script("arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new CustomEvent('change', {bubbles: true}));", picker, isoValue);
    }

    /** Waits until the vaadin picker with this id holds this ISO value. */
    void waitForPicker(String id, String isoValue) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> pickerValue(id).equals(isoValue));
    }

    /** The ISO value a vaadin picker holds, "" when empty. */
    String pickerValue(String id) {
        Object v = script("return arguments[0].value;", waitFor(By.id(id)));
        return v == null ? "" : v.toString();
    }

    /** Picks the item with exactly this label in the vaadin combo box with this id. */
    void choose(String id, String label) {
        WebElement input = waitFor(By.id(id)).findElement(By.cssSelector("input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(label);
        input.sendKeys(Keys.ENTER);
        input.sendKeys(Keys.TAB);
    }

    void click(String id) {
        WebElement element = waitFor(By.id(id));
        script("arguments[0].scrollIntoView({block: 'center'});", element);
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    /** A Vaadin component's property (its error message, ...), which the DOM does not show as an attribute. */
    Object property(String id, String property) {
        return script("return arguments[0][arguments[1]];", present(id), property);
    }

    /** The element with this id once it is in the page, shown or scrolled away. */
    WebElement present(String id) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    /** Whether the element with this id is absent from the page or not shown. */
    boolean absentOrHidden(String id) {
        List<WebElement> found = driver.findElements(By.id(id));
        return found.isEmpty() || !found.get(0).isDisplayed();
    }

    void scrollTo(String id) {
        script("arguments[0].scrollIntoView({block: 'start'});", waitFor(By.id(id)));
    }

    /** The grid cell with exactly this text, waited for. */
    WebElement cell(String gridId, String text) {
        WebElement cell = waitFor(By.xpath("//vaadin-grid[@id='" + gridId + "']/vaadin-grid-cell-content[normalize-space(.)='" + text + "']"));
        script("arguments[0].scrollIntoView({block: 'center'});", cell);
        return cell;
    }

    void doubleClick(WebElement element) {
        new org.openqa.selenium.interactions.Actions(driver).doubleClick(element).perform();
    }

    /** Waits until the element with this id has (or, with {@code present} false, lacks) this attribute. */
    void waitForAttribute(String id, String attribute, boolean present) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            List<WebElement> found = d.findElements(By.id(id));
            return !found.isEmpty() && (found.get(0).getAttribute(attribute) != null) == present;
        });
    }

    /** Waits until no element shows this text in the element found by {@code by}. */
    void waitForNoText(By by, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(
                ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(by, text)));
    }

    /** Waits until the Vaadin field with this id shows an error message containing {@code text}; returns it. */
    String waitForErrorMessage(String id, String text) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            Object message = script("return arguments[0].errorMessage;", present(id));
            return message != null && message.toString().contains(text) ? message.toString() : null;
        });
    }

    // ---- helpers for the REACH, users, voicemail and rule-table tests ----------------------------

    /** Clicks an element, scrolled into view first (the app layout scrolls its content, not the page). */
    WebElement click(By by) {
        WebElement e = new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(by));
        script("arguments[0].scrollIntoView({block: 'center', inline: 'center'});", e);
        try {
            e.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
            script("arguments[0].click();", e);
        }
        return e;
    }

    void doubleClick(By by) {
        WebElement e = waitFor(by);
        script("arguments[0].scrollIntoView({block: 'center'});", e);
        new org.openqa.selenium.interactions.Actions(driver).doubleClick(e).perform();
    }

    /**
     * The element, scrolled into the middle of the view first: the app layout scrolls its content
     * in a container, and an element scrolled out of it does not count as visible.
     */
    WebElement inView(By by) {
        WebElement e = new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(by));
        script("arguments[0].scrollIntoView({block: 'center'});", e);
        return waitFor(by);
    }

    /** Replaces the text of the input inside the field found by {@code field} and leaves it (change event). */
    void type(By field, String text) {
        WebElement input = inView(field).findElement(By.tagName("input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text, Keys.TAB);
    }

    /** Chooses the item labelled {@code label} in a vaadin-combo-box: types it, waits until it is offered, Enter. */
    void choose(By comboBox, String label) {
        WebElement host = inView(comboBox);
        WebElement input = host.findElement(By.tagName("input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(label);
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(script(
                "const c = arguments[0].$ && arguments[0].$.comboBox ? arguments[0].$.comboBox : arguments[0];"
                        + " return c._focusedIndex >= 0;", host)));
        input.sendKeys(Keys.ENTER);
        if ("vaadin-multi-select-combo-box".equals(host.getTagName())) {
            input.sendKeys(Keys.ESCAPE);
        }
    }

    /** Runs asynchronous JavaScript; it ends by calling {@code arguments[arguments.length - 1](result)}. */
    Object asyncScript(String javascript, Object... args) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(javascript, args);
    }

    /** Waits until the input inside the field found by {@code field} has this value. */
    void waitForValue(By field, String value) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> value.equals(
                d.findElement(field).findElement(By.tagName("input")).getAttribute("value")));
    }

    // ---- helpers of the grid tests (sorting, filters, live columns) ------------------------------

    /**
     * The texts of one column of a vaadin-grid, top to bottom as shown: the grid keeps its cell
     * contents in the light DOM in no particular order, so this follows its rows (shadow DOM,
     * by row index) to the cell contents their slots show.
     */
    @SuppressWarnings("unchecked")
    List<String> columnTexts(String gridId, int column) {
        Object texts = script("const grid = arguments[0], col = arguments[1];"
                + " const rows = Array.from(grid.shadowRoot.querySelectorAll('tbody#items tr'))"
                + "   .filter(r => !r.hidden && r.index !== undefined && r.index < grid.size).sort((a, b) => a.index - b.index);"
                + " return rows.map(r => { const cells = Array.from(r.querySelectorAll('td'))"
                + "   .filter(c => !(c.getAttribute('part') || '').includes('details-cell'));"
                + "   const slot = cells[col] && cells[col].querySelector('slot');"
                + "   const content = slot && slot.assignedElements()[0];"
                + "   return content ? content.textContent.trim() : ''; });", waitFor(By.id(gridId)), column);
        return (List<String>) texts;
    }

    /** Waits until the column of the grid shows exactly these texts, top to bottom; returns them. */
    List<String> waitForColumn(String gridId, int column, java.util.function.Predicate<List<String>> wanted) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.WebDriverException.class)
                    .until(d -> {
                        List<String> texts = columnTexts(gridId, column);
                        return wanted.test(texts) ? texts : null;
                    });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("column " + column + " of " + gridId + " shows " + columnTexts(gridId, column), e);
        }
    }

    /** Clicks the sorter in the header of the grid's column with this header text (once: ascending, twice: descending). */
    void sortBy(String gridId, String header) {
        click(By.xpath("//vaadin-grid[@id='" + gridId + "']//vaadin-grid-sorter[normalize-space(.)='" + header + "']"));
    }
}
