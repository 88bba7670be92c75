package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.workbench.TestEngines;
import dev.workbench.Workbench;
import dev.workbench.engine.Engine;
import dev.workbench.engine.Session;
import dev.workbench.lesson.Course;
import dev.workbench.run.StepRunner;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The attack the safety work exists for: a learner has the workbench open (token in a cookie) and
 * visits another page, served from another port of the same machine, whose script posts to the
 * workbench with the tricks that need no CORS permission — a no-cors fetch with a text/plain body
 * and a {@code <form enctype="text/plain">}. The browser sends them with the learner's cookies
 * (another port of 127.0.0.1 is the same site); the workbench must start nothing.
 */
class CrossSiteBrowserIT {
  private static final String TOKEN = "token-do-navegador-" + Session.random().id();
  private static final List<String> TARGETS =
      List.of(
          "/api/lessons/volumes/steps/construir/runs",
          "/api/lessons/volumes/steps/sem-volume/runs",
          "/api/lessons/volumes/reset");

  @TempDir Path dataDir;
  @TempDir Path browserProfile;

  private Engine engine;
  private Javalin app;
  private HttpServer evil;
  private WebDriver browser;
  private Session session;

  @BeforeEach
  void start() throws IOException {
    TestBrowsers.requireChromium();
    engine = TestEngines.require(dataDir);
    Path root = Workbench.projectRoot();
    Course course = Course.load(root.resolve("lessons"));
    app =
        WebApp.create(
                new WebConfig("127.0.0.1", 0, dataDir, root, TOKEN),
                course,
                engine,
                new StepRunner(engine, root))
            .start();
    evil = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    evil.createContext(
        "/",
        exchange -> {
          byte[] page =
              attackPage("http://127.0.0.1:" + app.port()).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, page.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
          }
        });
    evil.start();
    browser = TestBrowsers.chromium(browserProfile);
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (evil != null) {
      evil.stop(0);
    }
    if (app != null) {
      app.stop();
    }
    if (engine != null) {
      if (session != null) {
        engine.removeAll(session, null);
      }
      engine.close();
    }
  }

  @Test
  void a_page_from_another_origin_cannot_start_a_run_even_with_the_learners_cookies()
      throws Exception {
    String site = "http://127.0.0.1:" + app.port();
    browser.get(site + "/?token=" + TOKEN);
    assertThat(browser.getCurrentUrl())
        .as("the token leaves the address bar")
        .isEqualTo(site + "/");
    assertThat(browser.getPageSource()).contains("Volumes");
    session =
        new Session(
            (String)
                script("fetch('/api/session').then(r => r.json()).then(j => done(j.session))"));
    String progressBefore = progress();
    String engineBefore = engineState();

    browser.get("http://127.0.0.1:" + evil.getAddress().getPort() + "/");
    new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(200))
        .until(
            b ->
                ((Number) ((JavascriptExecutor) b).executeScript("return window.answered || 0"))
                        .intValue()
                    >= 2 * TARGETS.size());
    @SuppressWarnings("unchecked")
    List<String> log =
        (List<String>) ((JavascriptExecutor) browser).executeScript("return window.attempts");
    assertThat(log)
        .as("every request left the browser and was answered")
        .hasSize(2 * TARGETS.size())
        .allMatch(line -> line.endsWith("answered"));

    TimeUnit.SECONDS.sleep(2); // a run that had started would show by now
    browser.get(site + "/lessons/volumes");
    assertThat(progress()).isEqualTo(progressBefore).doesNotContain("RUNNING", "PASSED", "FAILED");
    assertThat(engineState()).isEqualTo(engineBefore);
  }

  /** The learner's progress on the volumes lesson, read by the learner's own tab. */
  private String progress() {
    browser.get("http://127.0.0.1:" + app.port() + "/lessons/volumes");
    return (String) script("fetch('/api/lessons/volumes/progress').then(r => r.text()).then(done)");
  }

  /** What this learner has in the engine, and every image built under the learner's names. */
  private String engineState() throws IOException, InterruptedException {
    Process images =
        new ProcessBuilder("docker", "images", "--format", "{{.Repository}}:{{.Tag}}")
            .redirectErrorStream(true)
            .start();
    String all = new String(images.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    images.waitFor();
    String mine =
        all.lines()
            .filter(line -> line.startsWith("wb-" + session.id()))
            .sorted()
            .toList()
            .toString();
    return engine.snapshot(session) + " " + mine;
  }

  private Object script(String body) {
    return ((JavascriptExecutor) browser)
        .executeAsyncScript("const done = arguments[arguments.length - 1];" + body + ";");
  }

  /** The other site's page: for each target, a no-cors text/plain fetch and a text/plain form. */
  private static String attackPage(String site) {
    StringBuilder forms = new StringBuilder();
    for (int i = 0; i < TARGETS.size(); i++) {
      forms
          .append("<iframe name='sink")
          .append(i)
          .append("'></iframe>")
          .append("<form id='f")
          .append(i)
          .append("' method='POST' enctype='text/plain' target='sink")
          .append(i)
          .append("' action='")
          .append(site)
          .append(TARGETS.get(i))
          .append("'>")
          .append("<input name='{\"params\":{},\"x\":\"' value='\"}'></form>");
    }
    return """
        <!doctype html><html><body>%s
        <script>
        window.attempts = []; window.answered = 0;
        const note = (what) => { window.attempts.push(what); window.answered++; };
        const targets = %s;
        targets.forEach((path, i) => {
          fetch("%s" + path, { method: "POST", mode: "no-cors", credentials: "include",
                               headers: { "Content-Type": "text/plain" }, body: '{"params":{}}' })
            .then(() => note("fetch " + path + " answered"), (e) => note("fetch " + path + " failed " + e));
          const frame = document.querySelector("iframe[name=sink" + i + "]");
          frame.addEventListener("load", () => note("form " + path + " answered"), { once: true });
          document.getElementById("f" + i).submit();
        });
        </script></body></html>
        """
        .formatted(forms, jsArray(), site);
  }

  private static String jsArray() {
    return TARGETS.stream()
        .map(t -> "\"" + t + "\"")
        .reduce((a, b) -> a + "," + b)
        .map(s -> "[" + s + "]")
        .orElse("[]");
  }
}
