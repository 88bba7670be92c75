package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.TestEngines;
import dev.workbench.Workbench;
import dev.workbench.engine.Engine;
import dev.workbench.engine.Session;
import dev.workbench.hub.ClassEvent;
import dev.workbench.hub.ClassHub;
import dev.workbench.hub.HubClient;
import dev.workbench.hub.Outbox;
import dev.workbench.lesson.Course;
import dev.workbench.run.StepRunner;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The class in two real browsers: the instructor's on the hub, a learner's on their own workbench
 * joined to it. The instructor opens {@code /instrutor} (the learner is on the roster; the page has
 * no serious axe-core violation and its timeline opens from the keyboard), then {@code
 * /apresentar/volumes}, moves with the arrow keys and runs a step on the hub's engine; the
 * learner's page, following the instructor, puts that step in front of them. Screenshots of both
 * instructor pages are what docs/ shows.
 */
class ClassBrowserIT {
  private static final String HUB_TOKEN = "token-do-hub-" + Session.random().id();
  private static final String LEARNER_TOKEN = "token-da-ana-" + Session.random().id();

  @TempDir Path hubDir;
  @TempDir Path learnerDir;
  @TempDir Path instructorProfile;
  @TempDir Path learnerProfile;

  private final List<AutoCloseable> open = new ArrayList<>();
  private Engine hubEngine;
  private Session instructorSession;

  @AfterEach
  void stop() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      try {
        open.get(i).close();
      } catch (Exception e) {
        // the rest still close
      }
    }
    if (instructorSession != null && hubEngine != null) {
      try (Engine engine = TestEngines.require(hubDir)) {
        engine.removeAll(instructorSession, null);
      }
    }
  }

  @Test
  void the_presenter_runs_a_step_and_a_following_learner_sees_it() throws Exception {
    Path root = Workbench.projectRoot();
    Course course = Course.load(root.resolve("lessons"));
    hubEngine = TestEngines.require(hubDir);
    open.add(hubEngine);
    ClassHub hub = ClassHub.open(hubDir.resolve("class"), "Turma do navegador", course);
    Javalin hubSite =
        WebApp.create(
                new WebConfig("127.0.0.1", 0, hubDir, root, HUB_TOKEN),
                course,
                hubEngine,
                new StepRunner(hubEngine, root),
                ClassMode.hub(hub))
            .start();
    open.add(hubSite::stop);
    String hubBase = "http://127.0.0.1:" + hubSite.port();

    Engine learnerEngine = TestEngines.require(learnerDir);
    open.add(learnerEngine);
    Outbox outbox = Outbox.open(learnerDir.resolve("class"));
    outbox.join(hubBase, hub.info().code(), "Ana");
    Javalin learnerSite =
        WebApp.create(
                new WebConfig("127.0.0.1", 0, learnerDir, root, LEARNER_TOKEN),
                course,
                learnerEngine,
                new StepRunner(learnerEngine, root),
                ClassMode.learner(outbox))
            .start();
    open.add(learnerSite::stop);
    String learnerBase = "http://127.0.0.1:" + learnerSite.port();
    classmates(hubBase, hub.info().code());

    WebDriver learner = TestBrowsers.chromium(learnerProfile);
    open.add(learner::quit);
    learner.get(learnerBase + "/lessons/volumes?token=" + LEARNER_TOKEN);
    WebElement follow =
        TestBrowsers.waiting(learner, Duration.ofSeconds(20))
            .until(
                b ->
                    b.findElement(By.id("follow")).isDisplayed()
                        ? b.findElement(By.id("follow"))
                        : null);
    assertThat(follow.getText()).isEqualTo("Seguir o instrutor");
    assertThat(axe(learner)).as("a joined learner's lesson page").isEmpty();
    learner.get(learnerBase + "/");
    TestBrowsers.waiting(learner, Duration.ofSeconds(20))
        .until(
            b ->
                b.findElement(By.id("join-state"))
                    .getText()
                    .contains("Você está na turma “Turma do navegador” como Ana"));
    assertThat(axe(learner)).as("a joined learner's index").isEmpty();
    learner.get(learnerBase + "/lessons/volumes");
    TestBrowsers.waiting(learner, Duration.ofSeconds(20))
        .until(b -> b.findElement(By.id("follow")).isDisplayed());
    learner.findElement(By.id("follow-toggle")).click();

    WebDriver instructor = TestBrowsers.chromium(instructorProfile);
    open.add(instructor::quit);
    instructor.get(hubBase + "/instrutor?token=" + HUB_TOKEN);
    TestBrowsers.waiting(instructor, Duration.ofSeconds(20))
        .until(b -> b.findElements(By.cssSelector("#roster-rows tr")).size() == 5);
    TestBrowsers.waiting(instructor, Duration.ofSeconds(20))
        .until(
            b ->
                b.findElement(By.id("stuck-rows")).getText().contains("5 alunos")
                    || b.findElement(By.id("stuck-rows")).getText().contains("alunos"));
    assertThat(instructor.findElement(By.id("roster-rows")).getText())
        .contains("Ana")
        .contains("conectado");
    assertThat(instructor.findElement(By.id("stuck-rows")).getText()).contains("está ausente");
    assertThat(axe(instructor)).as("/instrutor: serious or critical axe-core violations").isEmpty();

    // keyboard: Tab reaches a learner's timeline button, Enter opens it and moves the focus there
    String bia =
        instructor
            .findElements(By.cssSelector("#roster-rows button"))
            .get(1)
            .getAttribute("data-learner");
    instructor.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    for (int i = 0;
        i < 40 && !bia.equals(instructor.switchTo().activeElement().getAttribute("data-learner"));
        i++) {
      instructor.switchTo().activeElement().sendKeys(Keys.TAB);
    }
    assertThat(instructor.switchTo().activeElement().getAttribute("data-learner")).isEqualTo(bia);
    instructor.switchTo().activeElement().sendKeys(Keys.ENTER);
    TestBrowsers.waiting(instructor, Duration.ofSeconds(10))
        .until(
            b ->
                b.findElement(By.id("timeline")).isDisplayed()
                    && b.switchTo().activeElement().getAttribute("id").equals("timeline-title"));
    assertThat(instructor.findElement(By.id("timeline-events")).getText()).contains("falhou");
    assertThat(axe(instructor)).as("/instrutor with a timeline open").isEmpty();
    instructor.manage().window().setSize(new Dimension(1400, 1750));
    ((JavascriptExecutor) instructor).executeScript("window.scrollTo(0, 0);");
    screenshot(instructor, "instrutor.png");
    instructor.manage().window().setSize(new Dimension(1400, 1000));

    // the presenter: arrow keys to the volume step, Enter runs it on the hub's engine
    instructor.get(hubBase + "/apresentar/volumes");
    instructorSession =
        new Session(
            (String)
                ((JavascriptExecutor) instructor)
                    .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                            + "fetch('/api/session').then(r => r.json()).then(j => done(j.session));"));
    assertThat(axe(instructor)).as("/apresentar/volumes").isEmpty();
    for (int i = 0;
        i < 20 && !instructor.findElement(By.id("present-criar-volume")).isDisplayed();
        i++) {
      instructor.findElement(By.tagName("body")).sendKeys(Keys.ARROW_RIGHT);
    }
    WebElement card = instructor.findElement(By.id("present-criar-volume"));
    assertThat(card.isDisplayed()).as("the arrow keys reach the step").isTrue();
    instructor.findElement(By.tagName("body")).sendKeys(Keys.ENTER);
    TestBrowsers.waiting(instructor, Duration.ofSeconds(120))
        .until(
            b ->
                b.findElement(By.cssSelector("#present-criar-volume [data-status]"))
                    .getText()
                    .startsWith("passou"));
    assertThat(card.findElement(By.cssSelector("[data-checks]")).getText())
        .as("the checks, read from the engine")
        .startsWith("✓");
    ((JavascriptExecutor) instructor).executeScript("document.activeElement.blur();");
    screenshot(instructor, "apresentar.png");

    // the learner's page follows: the same step, marked and in view
    TestBrowsers.waiting(learner, Duration.ofSeconds(20))
        .until(
            b ->
                b.findElement(By.id("step-criar-volume"))
                    .getAttribute("class")
                    .contains("presenting"));
    assertThat(hub.presenter())
        .get()
        .extracting(ClassHub.Presenter::step)
        .isEqualTo("criar-volume");
    // the page scrolls smoothly: give the scroll time to end before reading where the card is
    java.util.function.Supplier<Double> top =
        () ->
            ((Number)
                    ((JavascriptExecutor) learner)
                        .executeScript(
                            "return document.getElementById('step-criar-volume')"
                                + ".getBoundingClientRect().top;"))
                .doubleValue();
    try {
      TestBrowsers.waiting(learner, Duration.ofSeconds(10))
          .until(b -> top.get() >= -5.0 && top.get() <= 600.0);
    } catch (org.openqa.selenium.TimeoutException e) {
      // the assertion below says where the card stayed
    }
    assertThat(top.get()).as("the step is scrolled into the learner's view").isBetween(-5.0, 600.0);
  }

  /**
   * Four classmates through the hub's real API, so the roster and the stuck map have a class to
   * show.
   */
  private static void classmates(String hubBase, String code) {
    HubClient client = new HubClient(URI.create(hubBase));
    ClassEvent.FailedCheck absent =
        new ClassEvent.FailedCheck("contêiner escreve-volume está exited", "está ausente");
    String[] names = {"Bia", "Caio", "Davi", "Elis"};
    for (int i = 0; i < names.length; i++) {
      ClassHub.Joined joined = client.join(code, names[i]);
      List<ClassEvent> events = new ArrayList<>();
      events.add(event("volumes", "construir", true, null));
      events.add(
          event(
              "volumes",
              "sem-volume",
              i != 3,
              i != 3
                  ? null
                  : new ClassEvent.FailedCheck(
                      "a saída mostra o arquivo escrito", "a saída não tem “olá”")));
      if (i < 3) {
        events.add(event("volumes", "no-volume", false, absent));
      }
      client.post(joined.token(), events);
    }
  }

  private static ClassEvent event(
      String lesson, String step, boolean passed, ClassEvent.FailedCheck failed) {
    return new ClassEvent(
        UUID.randomUUID().toString(),
        ClassEvent.STEP,
        lesson,
        step,
        passed,
        failed == null ? List.of() : List.of(failed),
        passed
            ? null
            : "» docker run --rm -v dados:/dados workbench/debian:bookworm cat /dados/nota.txt\n"
                + "! cat: /dados/nota.txt: No such file or directory",
        840L,
        Instant.now().toString());
  }

  private static void screenshot(WebDriver browser, String name) throws IOException {
    Path shot = TestBrowsers.screenshot(browser, name);
    Path docs = Workbench.projectRoot().resolve("docs");
    if (Files.isDirectory(docs)) {
      Files.copy(shot, docs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> axe(WebDriver browser) throws IOException {
    String source;
    try (InputStream in = ClassBrowserIT.class.getResourceAsStream("/axe/axe.min.js")) {
      assertThat(in).as("axe/axe.min.js on the test class path").isNotNull();
      source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    JavascriptExecutor js = (JavascriptExecutor) browser;
    js.executeScript(source);
    Object answer =
        js.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document).then(r => done(r.violations.filter(v => v.impact === 'serious'"
                + " || v.impact === 'critical').map(v => v.id + ' (' + v.impact + ') ' + v.help + ' → '"
                + " + v.nodes.map(n => n.target.join(' ')).slice(0, 8).join(', '))))"
                + ".catch(e => done(['axe-error ' + String(e)]));");
    return (List<String>) answer;
  }
}
