package org.songspace.web;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.songspace.cli.TestPipeline;

/**
 * The web map end to end in real headless Chromium (Debian's chromium + chromium-driver, installed by
 * .ci/run), on a server with users: the login page refuses a wrong password and lets the right one in, the
 * page loads under its Content-Security-Policy, the points are drawn, a real mouse click on a point plays it
 * and lists its neighbours, and logging out ends the session. Skips with a message when Chromium is not
 * installed.
 */
class WebMapBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path tmp;
    static WebServer server;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver): skipping");
        TestPipeline.Built built = TestPipeline.shared();
        Path users = tmp.resolve("users");
        Files.writeString(users, "alice:s3cret: pass\n");
        Files.setPosixFilePermissions(users, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        server = new WebServer(built.index(), users);
        int port = server.start("127.0.0.1", 0);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--no-first-run", "--disable-dev-shm-usage", "--disable-component-update", "--disable-sync",
                "--window-size=1500,950", "--user-data-dir=" + tmp.resolve("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        logIn("http://127.0.0.1:" + port);
    }

    /** The server has users: the map sends the browser to its login page first, and back after logging in. */
    private static void logIn(String base) throws IOException {
        browser.get(base + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> d.getCurrentUrl().endsWith("/login"));
        browser.findElement(By.id("name")).sendKeys("alice");
        browser.findElement(By.id("password")).sendKeys("wrong");
        browser.findElement(By.cssSelector("#login button")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/login?failed"));
        assertTrue(browser.findElement(By.cssSelector(".error")).getText().contains("Wrong name or password"));
        save("web-login-screenshot.png");
        browser.findElement(By.id("name")).sendKeys("alice");
        browser.findElement(By.id("password")).sendKeys("s3cret: pass");
        browser.findElement(By.cssSelector("#login button")).click();
        wait.until(d -> d.getCurrentUrl().equals(base + "/"));
        org.openqa.selenium.Cookie session = browser.manage().getCookieNamed(WebAccess.COOKIE);
        assertTrue(session != null && session.isHttpOnly() && "Strict".equals(session.getSameSite()), String.valueOf(session));
    }

    private static void save(String name) throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void pageDrawsThePointsAndAClickListsNeighbours() throws IOException {
        JavascriptExecutor js = browser;
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> Boolean.TRUE.equals(js.executeScript("return !!(window.songspace && window.songspace.ready)")));
        long drawn = ((Number) js.executeScript("return window.songspace.pointsDrawn()")).longValue();
        assertTrue(drawn == 40, "points drawn on the canvas: " + drawn);

        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) js.executeScript("return window.songspace.screenPositionOf('rock/rock.00001')");
        WebElement canvas = browser.findElement(By.id("map"));
        int x = ((Number) p.get("x")).intValue() - canvas.getSize().getWidth() / 2;
        int y = ((Number) p.get("y")).intValue() - canvas.getSize().getHeight() / 2;
        new Actions(browser).moveToElement(canvas, x, y).click().perform();

        wait.until(d -> d.findElements(By.cssSelector("#neighbours li.neighbour")).size() == 10);
        List<WebElement> neighbours = browser.findElements(By.cssSelector("#neighbours li.neighbour"));
        assertTrue(browser.findElement(By.id("selected-title")).getText().length() > 0);
        String src = (String) js.executeScript("return document.getElementById('player').src");
        assertTrue(src.contains("/api/audio/"), "the clicked track is loaded into the player: " + src);
        assertTrue(neighbours.get(0).findElements(By.tagName("button")).size() == 1, "each neighbour is playable");
        String plainFirst = neighbours.get(0).getText();

        // The variety switches ask the same service for a mix, or for hub-reduced neighbours.
        browser.findElement(By.id("opt-mix")).click();
        wait.until(d -> String.valueOf(d.findElement(By.id("neighbours")).getAttribute("data-source")).contains("/api/mix")
                && d.findElements(By.cssSelector("#neighbours li.neighbour")).size() == 10);
        browser.findElement(By.id("opt-mix")).click();
        browser.findElement(By.id("opt-mp")).click();
        wait.until(d -> String.valueOf(d.findElement(By.id("neighbours")).getAttribute("data-source")).contains("mutualProximity=true")
                && d.findElements(By.cssSelector("#neighbours li.neighbour")).size() == 10);
        assertTrue(!plainFirst.isEmpty());

        assertTrue(browser.findElement(By.id("user")).getText().contains("alice"), "who is logged in is shown");
        save("web-map-screenshot.png");

        // Logging out ends the session: the map sends the browser back to the login page.
        browser.findElement(By.cssSelector("#logout button")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/login"));
        browser.navigate().to(browser.getCurrentUrl().replace("/login", "/"));
        wait.until(d -> d.getCurrentUrl().endsWith("/login"));
    }
}
