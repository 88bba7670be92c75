package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.Workbench;
import dev.workbench.engine.Engine;
import dev.workbench.engine.Session;
import dev.workbench.engine.Snapshot;
import dev.workbench.lesson.Course;
import dev.workbench.run.StepRunner;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A learner's afternoon, for real: headless Chromium opens the course, runs every step of the
 * volumes lesson against the real Docker engine, watches the panel draw what was made, then resets
 * the lesson and checks the engine holds nothing of the session any more; a learner reading in
 * English reads the results of a step's checks in English. On CI a missing engine or browser fails
 * the build; elsewhere it skips with the reason.
 */
class LessonInBrowserIT {
  /** An image build from a cold cache is the slowest step; the wait ends as soon as a step does. */
  private static final Duration PER_STEP = Duration.ofMinutes(10);

  @TempDir Path dataDir;
  @TempDir Path browserProfile;

  private Engine engine;
  private Javalin app;
  private WebDriver browser;
  private Session session;

  @BeforeEach
  void start() {
    Path root = Workbench.projectRoot();
    engine = new Engine(dataDir);
    require(engine.available(), "o Docker Engine não responde");
    TestBrowsers.requireChromium();
    Course course = Course.load(root.resolve("lessons"));
    assertThat(course.find("volumes")).as("the volumes lesson parses").isPresent();
    app =
        WebApp.create(
                new WebConfig("127.0.0.1", 0, dataDir, root, null),
                course,
                engine,
                new StepRunner(engine, root))
            .start();
    browser = TestBrowsers.chromium(browserProfile);
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
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
  void a_learner_runs_every_step_of_the_volumes_lesson_and_resets_it() throws IOException {
    String base = "http://127.0.0.1:" + app.port();
    browser.get(base + "/");
    WebElement link = browser.findElement(By.cssSelector("a[href='/lessons/volumes']"));
    assertThat(link.getText()).contains("Volumes");
    link.click();
    wait(Duration.ofSeconds(20))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".step")));
    session = sessionOfThisBrowser(base);
    wait(Duration.ofSeconds(20))
        .until(
            b ->
                !b.findElements(By.cssSelector("#panel-body .panel-empty")).isEmpty()
                    && !b.findElement(By.cssSelector("#panel-body"))
                        .getText()
                        .contains("Carregando"));

    List<WebElement> steps = browser.findElements(By.cssSelector(".step"));
    assertThat(steps).hasSizeGreaterThan(3);
    List<WebElement> questions = browser.findElements(By.cssSelector(".question"));
    for (WebElement quiz : browser.findElements(By.cssSelector(".question[data-kind='quiz']"))) {
      answer(quiz);
    }
    for (WebElement step : steps) {
      String id = step.getAttribute("data-step");
      // an exercise's step runs only after its prediction: any option will do here
      for (WebElement exercise :
          browser.findElements(By.cssSelector(".question[data-for-step='" + id + "']"))) {
        answer(exercise);
        wait(Duration.ofSeconds(10))
            .until(b -> step.findElement(By.cssSelector("[data-run]")).isEnabled());
      }
      scrollTo(step);
      step.findElement(By.cssSelector("[data-run]")).click();
      wait(Duration.ofSeconds(20))
          .until(b -> classes(step).contains("status-running") || finished(step));
      wait(PER_STEP).until(b -> finished(step));
      assertThat(classes(step))
          .as(
              "step %s passed; it said: %s%n%s",
              id,
              step.findElement(By.cssSelector("[data-message]")).getText(),
              step.findElement(By.cssSelector("[data-output]")).getText())
          .contains("status-passed");
    }

    wait(Duration.ofSeconds(20))
        .until(b -> !b.findElements(By.cssSelector("#panel-body svg g.container")).isEmpty());
    assertThat(browser.findElements(By.cssSelector("#panel-body svg g.volume"))).isNotEmpty();
    assertThat(browser.findElement(By.cssSelector("#lesson-progress .count")).getText())
        .isEqualTo(
            questions.isEmpty()
                ? steps.size() + " de " + steps.size() + " passos concluídos"
                : (steps.size() + questions.size())
                    + " de "
                    + (steps.size() + questions.size())
                    + " atividades concluídas (passos, quizzes e exercícios)");
    screenshot(steps.get(Math.min(steps.size() - 1, 8)), "volumes.png");
    screenshot(browser.findElement(By.tagName("body")), "volumes-top.png");
    browser.get(base + "/");
    screenshot(browser.findElement(By.tagName("body")), "index.png");
    browser.get(base + "/lessons/volumes");
    int count = steps.size();
    wait(Duration.ofSeconds(20))
        .until(b -> b.findElements(By.cssSelector(".step.status-passed")).size() == count);

    scrollTo(browser.findElement(By.id("reset-lesson")));
    WebElement firstStep = browser.findElement(By.cssSelector(".step"));
    browser.findElement(By.id("reset-lesson")).click();
    browser.switchTo().alert().accept();
    wait(Duration.ofMinutes(2)).until(ExpectedConditions.stalenessOf(firstStep));
    wait(Duration.ofSeconds(20))
        .until(b -> b.findElements(By.cssSelector(".step.status-passed")).isEmpty());

    Snapshot left = engine.snapshot(session);
    assertThat(left.containers()).as("containers left").isEmpty();
    assertThat(left.volumes()).as("volumes left").isEmpty();
    assertThat(left.networks()).as("networks left").isEmpty();
  }

  @Test
  void a_step_run_from_the_english_lesson_says_its_checks_in_english() {
    String base = "http://127.0.0.1:" + app.port();
    browser.get(base + "/lessons/volumes?lang=en");
    wait(Duration.ofSeconds(20))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".step")));
    session = sessionOfThisBrowser(base);
    WebElement step = browser.findElement(By.cssSelector(".step[data-step='construir']"));
    scrollTo(step);
    step.findElement(By.cssSelector("[data-run]")).click();
    wait(PER_STEP).until(b -> finished(step));

    String checks = step.findElement(By.cssSelector("[data-checks]")).getText();
    assertThat(classes(step))
        .as(
            "the step passed; it said: %s",
            step.findElement(By.cssSelector("[data-message]")).getText())
        .contains("status-passed");
    assertThat(checks).contains("the image volumes-demo exists").doesNotContain("imagem");
    // the run's record keeps the words it was said in: a reload shows the same
    browser.get(base + "/lessons/volumes");
    WebElement again = browser.findElement(By.cssSelector(".step[data-step='construir']"));
    assertThat(again.findElement(By.cssSelector("[data-checks]")).getText())
        .contains("the image volumes-demo exists");
  }

  private void answer(WebElement question) {
    scrollTo(question);
    question.findElement(By.cssSelector("input[value='1']")).click();
    question.findElement(By.cssSelector("[data-answer]")).click();
    wait(Duration.ofSeconds(10))
        .until(b -> !question.findElement(By.cssSelector("[data-result]")).getText().isEmpty());
  }

  /** The session the site issued this browser: its cookie is HttpOnly, so the page asks the API. */
  private Session sessionOfThisBrowser(String base) {
    Object id =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch('/api/session').then(r => r.json()).then(j => done(j.session));");
    return new Session((String) id);
  }

  private static boolean finished(WebElement step) {
    String classes = classes(step);
    return classes.contains("status-passed") || classes.contains("status-failed");
  }

  private static String classes(WebElement element) {
    String classes = element.getAttribute("class");
    return classes == null ? "" : classes;
  }

  private void scrollTo(WebElement element) {
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  private WebDriverWait wait(Duration timeout) {
    return TestBrowsers.waiting(browser, timeout);
  }

  private void screenshot(WebElement near, String name) throws IOException {
    ((JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -70);", near);
    // let the panel's next refresh land, so the picture is the current one
    wait(Duration.ofSeconds(10))
        .until(
            b ->
                b.findElements(By.cssSelector("#panel-body .panel-empty")).isEmpty()
                    || b.findElements(By.id("panel-body")).isEmpty());
    TestBrowsers.screenshot(browser, name);
  }

  private static void require(boolean present, String missing) {
    TestBrowsers.require(present, missing);
  }
}
