package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.lesson.Course;
import dev.workbench.lesson.Language;
import dev.workbench.lesson.Lesson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * axe-core (MPL-2.0, {@code src/test/resources/axe/}) over the index and every lesson of the real
 * course, in pt-BR and in English, served with a real engine and read by headless Chromium: any
 * serious or critical violation fails, with its rule, impact and the elements it found. No step
 * runs here; the pages as a learner first meets them are what is checked, plus the instructor's
 * guide and, in the last test, a lesson whose quiz has been answered (verdict and explanation
 * shown).
 */
class AccessibilityIT {
  @RegisterExtension final BrowserSite site = new BrowserSite();
  private final WebDriver browser = site.browser();
  private final Course course = site.course();
  private final String base = site.base();

  @BeforeEach
  void start() {
    assertThat(course.lessons()).as("the course's lessons").hasSizeGreaterThanOrEqualTo(9);
  }

  @Test
  void the_index_and_every_lesson_have_no_serious_or_critical_violations_in_either_language()
      throws IOException {
    String axe = axeSource();
    List<String> violations = new ArrayList<>();
    int pages = 0;
    for (Language language : Language.values()) {
      List<String> paths = new ArrayList<>();
      paths.add("/");
      course.lessons().forEach(lesson -> paths.add("/lessons/" + lesson.id()));
      // the instructor's guide and one lesson's answer keys and command sheet
      paths.add(InstructorGuide.PATH);
      paths.add(InstructorGuide.PATH + "/" + course.lessons().get(1).id());
      for (String path : paths) {
        browser.get(base + path + "?lang=" + language.tag());
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang"))
            .as(path)
            .isEqualTo(language.tag());
        waitForPanel();
        violations.addAll(axe(axe, path + "?lang=" + language.tag()));
        pages++;
      }
    }
    assertThat(pages).isEqualTo(2 * (course.lessons().size() + 3));
    assertThat(violations).as("serious or critical axe-core violations").isEmpty();
  }

  @Test
  void the_english_lesson_is_in_english_and_the_switch_works_from_the_keyboard()
      throws IOException {
    Lesson english = course.find("volumes", Language.EN).orElseThrow();
    browser.get(base + "/lessons/volumes?lang=en");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(english.title());
    waitForPanel();
    TestBrowsers.screenshot(browser, "lesson-en.png");
    ((JavascriptExecutor) browser)
        .executeScript(
            "document.querySelector('.step').scrollIntoView({block: 'start'}); window.scrollBy(0, -80);");
    TestBrowsers.screenshot(browser, "lesson-en-step.png");
    ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);");

    // remembered: a page with no ?lang= stays English although the browser asks for pt-BR
    browser.get(base + "/lessons/volumes");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");

    // Tab from the top of the page to the language switch, then Enter: no mouse
    WebElement target = browser.findElement(By.cssSelector(".lang-switch"));
    browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    for (int i = 0; i < 10 && !target.equals(browser.switchTo().activeElement()); i++) {
      browser.switchTo().activeElement().sendKeys(Keys.TAB);
    }
    assertThat(browser.switchTo().activeElement())
        .as("the switch takes the focus")
        .isEqualTo(target);
    browser.switchTo().activeElement().sendKeys(Keys.ENTER);
    wait(Duration.ofSeconds(10))
        .until(b -> "pt-BR".equals(b.findElement(By.tagName("html")).getAttribute("lang")));
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo(course.find("volumes").orElseThrow().title());

    // and the switch is remembered too
    browser.get(base + "/");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("pt-BR");
  }

  @Test
  void an_answered_quiz_and_a_committed_prediction_have_no_serious_or_critical_violations()
      throws IOException {
    String axe = axeSource();
    List<String> violations = new ArrayList<>();
    for (Language language : Language.values()) {
      browser.get(base + "/lessons/imagens?lang=" + language.tag());
      waitForPanel();
      for (String id : List.of("camadas-com-tamanho", "prever-cache")) {
        WebElement box = browser.findElement(By.id("q-" + id));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView();", box);
        box.findElement(By.cssSelector("input[value='1']")).click();
        box.findElement(By.cssSelector("[data-answer]")).click();
        wait(Duration.ofSeconds(10))
            .until(b -> !box.findElement(By.cssSelector("[data-result]")).getText().isEmpty());
      }
      violations.addAll(axe(axe, "/lessons/imagens (answered) ?lang=" + language.tag()));
    }
    assertThat(violations).as("serious or critical axe-core violations").isEmpty();
  }

  private void waitForPanel() {
    if (browser.findElements(By.id("panel-body")).isEmpty()) {
      return;
    }
    wait(Duration.ofSeconds(20))
        .until(
            b ->
                b.findElements(By.cssSelector("#panel-body .panel-empty")).isEmpty()
                    || !b.findElement(By.cssSelector("#panel-body .panel-empty"))
                        .getText()
                        .endsWith("…"));
  }

  @SuppressWarnings("unchecked")
  private List<String> axe(String source, String page) {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    js.executeScript(source);
    Object answer =
        js.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document).then(r => done(r.violations.filter(v => v.impact === 'serious'"
                + " || v.impact === 'critical').map(v => ({id: v.id, impact: v.impact, help: v.help,"
                + " targets: v.nodes.map(n => n.target.join(' ')).slice(0, 8)}))))"
                + ".catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), targets: []}]));");
    List<String> found = new ArrayList<>();
    for (Map<String, Object> v : (List<Map<String, Object>>) answer) {
      found.add(
          page
              + ": "
              + v.get("id")
              + " ("
              + v.get("impact")
              + ") "
              + v.get("help")
              + " → "
              + v.get("targets"));
    }
    found.forEach(System.out::println);
    return found;
  }

  private static String axeSource() throws IOException {
    try (InputStream in = AccessibilityIT.class.getResourceAsStream("/axe/axe.min.js")) {
      assertThat(in).as("axe/axe.min.js on the test class path").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private WebDriverWait wait(Duration timeout) {
    return TestBrowsers.waiting(browser, timeout);
  }
}
