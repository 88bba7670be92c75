package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.engine.Scope;
import dev.workbench.lesson.Lesson;
import dev.workbench.step.Action;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The course's ways of making a learner think, in a real browser against the real engine: a quiz
 * answered from the keyboard (the explanation shown, the result announced, progress counting it), a
 * step done "in a terminal" (the engine asked directly) and then checked with Conferir, and a
 * "predict, then run" exercise whose step stays locked until the prediction, then runs with the
 * value it asks for and says the prediction matched. Screenshots for docs/ are taken on the way.
 */
class CourseInBrowserIT {
  @RegisterExtension final BrowserSite site = new BrowserSite();
  private final WebDriver browser = site.browser();

  @Test
  void a_quiz_is_answered_from_the_keyboard_and_explains_itself() throws IOException {
    browser.get(site.base() + "/lessons/conteineres?lang=pt-BR");
    site.session();
    String before = site.progressText();
    WebElement quiz = browser.findElement(By.id("q-o-que-apaga"));
    scrollTo(quiz);
    assertThat(quiz.findElement(By.cssSelector("[data-explanation]")).isDisplayed())
        .as("the key is not shown before answering")
        .isFalse();

    // keyboard only: focus the first option, arrow to the second, Enter submits the form
    WebElement first = quiz.findElement(By.cssSelector("input[value='1']"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].focus();", first);
    first.sendKeys(Keys.SPACE);
    browser.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
    assertThat(quiz.findElement(By.cssSelector("input[value='2']")).isSelected()).isTrue();
    browser.switchTo().activeElement().sendKeys(Keys.ENTER);

    WebElement result = quiz.findElement(By.cssSelector("[data-result]"));
    TestBrowsers.waiting(browser, Duration.ofSeconds(10)).until(b -> !result.getText().isEmpty());
    assertThat(result.getText()).isEqualTo("Certo! A resposta é a opção 2.");
    assertThat(result.getAttribute("role")).isEqualTo("status");
    assertThat(quiz.getAttribute("class")).contains("right", "done");
    assertThat(quiz.findElement(By.cssSelector("[data-explanation]")).getText())
        .contains("camada de escrita");
    TestBrowsers.waiting(browser, Duration.ofSeconds(5))
        .until(b -> b.findElement(By.id("announcer")).getText().startsWith("Certo!"));
    assertThat(site.progressText()).isNotEqualTo(before).startsWith("1 de ");
    shot(quiz, "quiz.png");

    // kept per learner: after a reload the answer, the verdict and the explanation are back
    browser.navigate().refresh();
    WebElement again = browser.findElement(By.id("q-o-que-apaga"));
    TestBrowsers.waiting(browser, Duration.ofSeconds(10))
        .until(
            b -> again.findElement(By.cssSelector("[data-result]")).getText().startsWith("Certo!"));
    assertThat(again.findElement(By.cssSelector("input[value='2']")).isSelected()).isTrue();
    assertThat(site.progressText()).startsWith("1 de ");
  }

  @Test
  void conferir_counts_a_step_done_in_a_terminal_and_fails_one_not_done() {
    browser.get(site.base() + "/lessons/conteineres?lang=pt-BR");
    // what "docker create --name maquina-1 …" in a terminal does: the engine, not the site
    Lesson lesson = site.course().find("conteineres").orElseThrow();
    Action.CreateContainer create =
        (Action.CreateContainer) lesson.step("criar-1").orElseThrow().action();
    site.engine()
        .containers()
        .create(new Scope(site.session(), lesson.id()), create.spec(), Map.of());

    site.conferirAndWait("criar-1");
    assertThat(site.status("criar-1")).contains("status-passed");
    WebElement card = site.card("criar-1");
    assertThat(card.findElement(By.cssSelector("[data-checks]")).getText()).contains("maquina-1");
    assertThat(card.findElement(By.cssSelector("[data-output]")).getText())
        .contains("Conferido no estado atual do Docker, sem rodar o passo.");
    assertThat(site.progressText()).startsWith("1 de ");

    site.conferirAndWait("criar-2");
    assertThat(site.status("criar-2")).contains("status-failed");
    assertThat(
            site.engine().containers().inspect(new Scope(site.session(), lesson.id()), "maquina-2"))
        .as("Conferir made nothing")
        .isEmpty();
  }

  @Test
  void an_exercise_locks_its_step_until_the_prediction_and_says_whether_it_matched()
      throws IOException {
    browser.get(site.base() + "/lessons/imagens?lang=pt-BR");
    site.session();
    site.runAndWait("construir-versao");
    assertThat(site.status("construir-versao")).contains("status-passed");

    WebElement exercise = browser.findElement(By.id("q-prever-cache"));
    WebElement step = site.card("reconstruir-versao");
    assertThat(step.findElement(By.cssSelector("[data-run]")).isEnabled()).as("locked").isFalse();
    assertThat(step.findElement(By.cssSelector("[data-locked]")).isDisplayed()).isTrue();
    assertThat(exercise.getText()).contains("VERSAO", "2");

    scrollTo(exercise);
    exercise.findElement(By.cssSelector("input[value='2']")).click();
    exercise.findElement(By.cssSelector("[data-answer]")).click();
    WebElement result = exercise.findElement(By.cssSelector("[data-result]"));
    TestBrowsers.waiting(browser, Duration.ofSeconds(10))
        .until(b -> result.getText().startsWith("Previsão registrada"));
    assertThat(exercise.findElement(By.cssSelector("[data-explanation]")).isDisplayed())
        .as("the key waits for the run")
        .isFalse();
    assertThat(step.findElement(By.cssSelector("[data-run]")).isEnabled()).isTrue();
    assertThat(step.findElement(By.cssSelector("[data-locked]")).isDisplayed()).isFalse();

    WebElement versao = step.findElement(By.cssSelector("input[name='VERSAO']"));
    versao.clear();
    versao.sendKeys("2");
    site.runAndWait("reconstruir-versao");
    assertThat(site.status("reconstruir-versao")).contains("status-passed");
    TestBrowsers.waiting(browser, Duration.ofSeconds(10))
        .until(b -> result.getText().startsWith("Você previu a opção 2"));
    assertThat(result.getText())
        .isEqualTo("Você previu a opção 2, e foi o que o Docker fez. Acertou!");
    assertThat(exercise.getAttribute("class")).contains("matched", "done");
    assertThat(exercise.findElement(By.cssSelector("[data-explanation]")).getText())
        .contains("chave do cache");
    shot(exercise, "exercicio.png");
  }

  @Test
  void the_instructors_guide_lists_times_keys_and_commands() {
    browser.get(site.base() + "/instrutor/guia?lang=pt-BR");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Guia do instrutor");
    List<WebElement> rows = browser.findElements(By.cssSelector(".guide-table tbody tr"));
    assertThat(rows).hasSize(site.course().lessons().size());
    assertThat(rows.get(1).getText()).contains("Imagens", "40 min");

    browser.get(site.base() + "/instrutor/guia/imagens?lang=pt-BR");
    String page = browser.findElement(By.id("content")).getText();
    assertThat(page)
        .contains(
            "Gabarito",
            "prever-cache",
            "Resposta: opção 2",
            "VERSAO=2",
            "Folha de comandos",
            "docker build --build-arg VERSAO=${VERSAO}");
  }

  private void shot(WebElement element, String name) throws IOException {
    scrollTo(element);
    Path taken = TestBrowsers.screenshot(browser, name);
    Path docs = dev.workbench.Workbench.projectRoot().resolve("docs");
    if (Files.isDirectory(docs)
        && "true".equals(System.getProperty("workbench.docs.screenshots"))) {
      Files.copy(taken, docs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private void scrollTo(WebElement element) {
    ((JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -70);", element);
  }
}
