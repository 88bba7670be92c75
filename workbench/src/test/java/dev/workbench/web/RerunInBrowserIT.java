package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A rerun that teaches, for real: the volumes lesson's "docker run --name efemero" run twice finds
 * its name taken; the card says so in pt-BR with the {@code docker rm -f} that fixes it, the step
 * still counts as done, and the fix's button removes the old container and runs the step again.
 */
class RerunInBrowserIT {
  private static final Duration PER_STEP = Duration.ofMinutes(10);

  @TempDir Path dataDir;
  @TempDir Path browserProfile;

  private BrowserSite site;
  private WebDriver browser;

  @BeforeEach
  void start() {
    site = new BrowserSite(dataDir, browserProfile);
    browser = site.browser;
  }

  @AfterEach
  void stop() {
    if (site != null) {
      site.close();
    }
  }

  @Test
  void a_rerun_whose_name_is_taken_explains_it_keeps_the_step_done_and_fixes_it()
      throws IOException {
    browser.get(site.base + "/lessons/volumes?lang=pt-BR");
    site.session(); // so closing the site removes what this browser made
    runAndWait("construir");
    assertThat(status("construir")).contains("status-passed");
    runAndWait("sem-volume");
    assertThat(status("sem-volume")).contains("status-passed");
    String doneBefore = progressText();

    runAndWait("sem-volume");
    WebElement card = card("sem-volume");
    assertThat(status("sem-volume")).contains("status-failed", "done");
    assertThat(card.findElement(By.cssSelector("[data-message]")).getText())
        .startsWith("Já existe um contêiner chamado efemero")
        .doesNotContain("Conflict", "wb-");
    assertThat(card.findElement(By.cssSelector("[data-fix-cli]")).getText())
        .isEqualTo("docker rm -f efemero");
    assertThat(progressText()).as("a step once passed stays counted").isEqualTo(doneBefore);
    assertThat(card.findElement(By.cssSelector("[data-done]")).isDisplayed()).isTrue();
    TestBrowsers.screenshot(browser, "rerun-conflict.png");

    // the same card in English, as stored: explained in English, the same fix
    browser.get(site.base + "/lessons/volumes?lang=en");
    card = card("sem-volume");
    assertThat(card.findElement(By.cssSelector("[data-message]")).getText())
        .startsWith("A container called efemero already exists");
    assertThat(card.findElement(By.cssSelector("[data-fix-cli]")).getText())
        .isEqualTo("docker rm -f efemero");
    assertThat(card.findElement(By.cssSelector("[data-fix-run]")).getText())
        .isEqualTo("Remove and run again");
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", card);
    card.findElement(By.cssSelector("[data-fix-run]")).click();
    TestBrowsers.waiting(browser, PER_STEP)
        .until(b -> status("sem-volume").contains("status-passed"));
    assertThat(card("sem-volume").findElement(By.cssSelector("[data-fix]")).isDisplayed())
        .isFalse();
    // the same count, said in English ("2 de 17 …" → "2 of 17 …")
    assertThat(progressText())
        .startsWith(doneBefore.replaceFirst("^(\\d+) de (\\d+) .*$", "$1 of $2 "));
  }

  private void runAndWait(String step) {
    WebElement card = card(step);
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", card);
    String before = status(step);
    card.findElement(By.cssSelector("[data-run]")).click();
    // a refused rerun can go from running to failed between two looks: any change will do
    TestBrowsers.waiting(browser, Duration.ofSeconds(20))
        .until(b -> status(step).contains("status-running") || !status(step).equals(before));
    TestBrowsers.waiting(browser, PER_STEP)
        .until(b -> status(step).matches(".*status-(passed|failed).*"));
  }

  private WebElement card(String step) {
    return browser.findElement(By.id("step-" + step));
  }

  private String status(String step) {
    String classes = card(step).getAttribute("class");
    return classes == null ? "" : classes;
  }

  private String progressText() {
    return browser.findElement(By.cssSelector("#lesson-progress .count")).getText();
  }
}
