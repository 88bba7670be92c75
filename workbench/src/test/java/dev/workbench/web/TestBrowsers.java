package dev.workbench.web;

import static org.assertj.core.api.Assertions.fail;

import dev.workbench.Workbench;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium for the browser tests: one way to find it, start it and say what is missing.
 */
public final class TestBrowsers {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private TestBrowsers() {}

  /** On CI a missing browser is a failure; on a laptop, a skip that says how to install it. */
  public static void requireChromium() {
    require(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "falta "
            + CHROMIUM
            + " ou "
            + CHROMEDRIVER
            + " (apt-get install chromium chromium-driver)");
  }

  static void require(boolean present, String missing) {
    if (present) {
      return;
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(missing);
    }
    Assumptions.abort(missing);
  }

  /**
   * Headless, with a fresh profile, named explicitly so Selenium Manager never downloads a thing.
   */
  public static WebDriver chromium(Path profile) {
    requireChromium();
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,1000",
        "--lang=pt-BR",
        "--user-data-dir=" + profile);
    // headless Chromium ignores --lang for Accept-Language, and the site follows that header
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "pt-BR,pt"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  /** A wait that polls four times a second and outlives a page redrawing the element it reads. */
  public static WebDriverWait waiting(WebDriver browser, Duration timeout) {
    WebDriverWait wait = new WebDriverWait(browser, timeout, Duration.ofMillis(250));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  /** The window as it is now, saved as {@code workbench/target/screenshots/NAME}. */
  public static Path screenshot(WebDriver browser, String name) throws IOException {
    Path folder = Workbench.projectRoot().resolve("workbench/target/screenshots");
    Files.createDirectories(folder);
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    return Files.copy(shot.toPath(), folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
