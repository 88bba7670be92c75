package dev.workbench.web;

import dev.workbench.TestEngines;
import dev.workbench.Workbench;
import dev.workbench.engine.Engine;
import dev.workbench.engine.Session;
import dev.workbench.lesson.Course;
import dev.workbench.run.StepRunner;
import io.javalin.Javalin;
import java.nio.file.Path;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The real course served on a free port against the real engine, and a headless Chromium to read
 * it: what the browser tests share. Closing it quits the browser, stops the site and removes what
 * the browser's session made in the engine.
 */
final class BrowserSite implements AutoCloseable {
  final Engine engine;
  final Course course;
  final Javalin app;
  final WebDriver browser;
  final String base;
  private Session session;

  BrowserSite(Path dataDir, Path browserProfile) {
    Path root = Workbench.projectRoot();
    engine = TestEngines.require(dataDir);
    TestBrowsers.requireChromium();
    course = Course.load(root.resolve("lessons"));
    app =
        WebApp.create(
                new WebConfig("127.0.0.1", 0, dataDir, root, null),
                course,
                engine,
                new StepRunner(engine, root))
            .start();
    base = "http://127.0.0.1:" + app.port();
    browser = TestBrowsers.chromium(browserProfile);
  }

  /**
   * The session the site issued this browser (its cookie is HttpOnly, so the page asks the API).
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

  @Override
  public void close() {
    try {
      browser.quit();
    } finally {
      app.stop();
      if (session != null) {
        engine.removeAll(session, null);
      }
      engine.close();
    }
  }
}
