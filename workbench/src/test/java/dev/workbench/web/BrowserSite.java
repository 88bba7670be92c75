package dev.workbench.web;

import dev.workbench.TestEngines;
import dev.workbench.Workbench;
import dev.workbench.engine.Engine;
import dev.workbench.engine.Session;
import dev.workbench.lesson.Course;
import dev.workbench.run.StepRunner;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The real course served on a free port against the real engine, and a headless Chromium to read
 * it, for the browser ITs: {@code @RegisterExtension final BrowserSite site = new BrowserSite();}
 * gives each test (a new test instance each, as JUnit makes them) a site of its own. After the test
 * it quits the browser, stops the site, removes what the browser's session made in the engine and
 * deletes its folders. It also does what those tests do on a lesson page: find a step's card, press
 * its Run or Conferir and wait for the verdict, read the progress.
 */
final class BrowserSite implements AfterEachCallback {
  /** A step may build an image: long on a busy machine, and the card's verdict ends the wait. */
  static final Duration PER_STEP = Duration.ofMinutes(10);

  // set once, by the constructor; not final only so a failed start can undo what it began
  private Path folder;
  private Engine engine;
  private Course course;
  private Javalin app;
  private WebDriver browser;
  private String base;
  private Session session;

  /** Started here, so a test's fields may read it; a failure to start leaves nothing behind. */
  BrowserSite() {
    TestBrowsers.requireChromium();
    Path root = Workbench.projectRoot();
    try {
      folder = Files.createTempDirectory("wb-browser-site");
      Path dataDir = Files.createDirectory(folder.resolve("data"));
      engine = TestEngines.require(dataDir);
      course = Course.load(root.resolve("lessons"));
      app =
          WebApp.create(
                  new WebConfig("127.0.0.1", 0, dataDir, root, null),
                  course,
                  engine,
                  new StepRunner(engine, root))
              .start();
      base = "http://127.0.0.1:" + app.port();
      browser = TestBrowsers.chromium(Files.createDirectory(folder.resolve("profile")));
    } catch (IOException e) {
      stop();
      throw new UncheckedIOException(e);
    } catch (RuntimeException | Error e) {
      stop();
      throw e;
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    stop();
  }

  /** Whatever was started, undone in the reverse order. */
  private void stop() {
    try {
      if (browser != null) {
        browser.quit();
      }
    } finally {
      if (app != null) {
        app.stop();
      }
      if (engine != null) {
        if (session != null) {
          engine.removeAll(session, null);
        }
        engine.close();
      }
      deleteTree(folder);
    }
  }

  WebDriver browser() {
    return browser;
  }

  Engine engine() {
    return engine;
  }

  Course course() {
    return course;
  }

  /** The site's address, e.g. {@code http://127.0.0.1:41234}. */
  String base() {
    return base;
  }

  /**
   * The session the site issued this browser (its cookie is HttpOnly, so the page asks the API).
   * Asking for it also marks it for removal from the engine after the test.
   */
  Session session() {
    if (session == null) {
      session =
          new Session(
              (String)
                  ((JavascriptExecutor) browser)
                      .executeAsyncScript(
                          "const done = arguments[arguments.length - 1];"
                              + "fetch('/api/session').then(r => r.json()).then(j => done(j.session));"));
    }
    return session;
  }

  WebElement card(String step) {
    return browser.findElement(By.id("step-" + step));
  }

  /** The card's classes: {@code status-running}, {@code status-passed}, {@code done}… */
  String status(String step) {
    String classes = card(step).getAttribute("class");
    return classes == null ? "" : classes;
  }

  /** The lesson's progress as the page counts it ("2 de 17 …"). */
  String progressText() {
    return browser.findElement(By.cssSelector("#lesson-progress .count")).getText();
  }

  /** Presses the card's Run and waits until it says passed or failed. */
  void runAndWait(String step) {
    press(step, "[data-run]");
  }

  /** Presses the card's Conferir and waits until it says passed or failed. */
  void conferirAndWait(String step) {
    press(step, "[data-conferir]");
  }

  private void press(String step, String button) {
    WebElement card = card(step);
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", card);
    String before = status(step);
    card.findElement(By.cssSelector(button)).click();
    // a refused rerun can go from running to failed between two looks: any change will do
    TestBrowsers.waiting(browser, Duration.ofSeconds(20))
        .until(b -> status(step).contains("status-running") || !status(step).equals(before));
    TestBrowsers.waiting(browser, PER_STEP)
        .until(b -> status(step).matches(".*status-(passed|failed).*"));
  }

  /** Best effort: what a container made as another user may stay, in the system's temp folder. */
  private static void deleteTree(Path root) {
    if (root == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // left to the system's temp cleaning
    }
  }
}
