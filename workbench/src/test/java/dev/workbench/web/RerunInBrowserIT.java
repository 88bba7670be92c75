package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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
  @RegisterExtension final BrowserSite site = new BrowserSite();
  private final WebDriver browser = site.browser();

  @Test
  void a_rerun_whose_name_is_taken_explains_it_keeps_the_step_done_and_fixes_it()
      throws IOException {
    browser.get(site.base() + "/lessons/volumes?lang=pt-BR");
    site.session(); // so closing the site removes what this browser made
    site.runAndWait("construir");
    assertThat(site.status("construir")).contains("status-passed");
    site.runAndWait("sem-volume");
    assertThat(site.status("sem-volume")).contains("status-passed");
    String doneBefore = site.progressText();

    site.runAndWait("sem-volume");
    WebElement card = site.card("sem-volume");
    assertThat(site.status("sem-volume")).contains("status-failed", "done");
    assertThat(card.findElement(By.cssSelector("[data-message]")).getText())
        .startsWith("Já existe um contêiner chamado efemero")
        .doesNotContain("Conflict", "wb-");
    assertThat(card.findElement(By.cssSelector("[data-fix-cli]")).getText())
        .isEqualTo("docker rm -f efemero");
    assertThat(site.progressText()).as("a step once passed stays counted").isEqualTo(doneBefore);
    assertThat(card.findElement(By.cssSelector("[data-done]")).isDisplayed()).isTrue();
    TestBrowsers.screenshot(browser, "rerun-conflict.png");

    // the same card in English, as stored: explained in English, the same fix
    browser.get(site.base() + "/lessons/volumes?lang=en");
    card = site.card("sem-volume");
    assertThat(card.findElement(By.cssSelector("[data-message]")).getText())
        .startsWith("A container called efemero already exists");
    assertThat(card.findElement(By.cssSelector("[data-fix-cli]")).getText())
        .isEqualTo("docker rm -f efemero");
    assertThat(card.findElement(By.cssSelector("[data-fix-run]")).getText())
        .isEqualTo("Remove and run again");
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", card);
    card.findElement(By.cssSelector("[data-fix-run]")).click();
    TestBrowsers.waiting(browser, BrowserSite.PER_STEP)
        .until(b -> site.status("sem-volume").contains("status-passed"));
    assertThat(site.card("sem-volume").findElement(By.cssSelector("[data-fix]")).isDisplayed())
        .isFalse();
    // the same count, said in English ("2 de 17 …" → "2 of 17 …")
    assertThat(site.progressText())
        .startsWith(doneBefore.replaceFirst("^(\\d+) de (\\d+) .*$", "$1 of $2 "));
  }
}
