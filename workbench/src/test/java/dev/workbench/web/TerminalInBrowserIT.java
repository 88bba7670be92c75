package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.engine.OutputSink;
import dev.workbench.engine.Scope;
import dev.workbench.step.ContainerSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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
 * The terminal in the page, in Chromium against the real engine: opened from the keyboard, it types
 * {@code docker ps} into a real shell and reads the learner's own container there; "Colar no
 * terminal" puts a card's command at the prompt without running it; Esc then Tab leaves the
 * terminal; and the page with the terminal open has no serious axe-core violation.
 */
class TerminalInBrowserIT {
  @RegisterExtension final BrowserSite site = new BrowserSite();
  private final WebDriver browser = site.browser();

  @Test
  void docker_ps_typed_in_the_terminal_shows_the_learners_own_container() throws IOException {
    browser.get(site.base() + "/lessons/volumes?lang=pt-BR");
    Scope lesson = new Scope(site.session(), "volumes");
    site.engine().images().provide("workbench/debian:bookworm", OutputSink.NONE);
    site.engine()
        .containers()
        .run(
            lesson,
            new ContainerSpec(
                "efemero",
                "workbench/debian:bookworm",
                List.of("sleep", "300"),
                null,
                List.of(),
                null,
                null,
                null,
                null),
            Map.of(),
            true,
            OutputSink.NONE,
            Duration.ofSeconds(30));

    WebElement toggle = browser.findElement(By.id("terminal-toggle"));
    assertThat(toggle.getText()).isEqualTo("Abrir o terminal");
    toggle.sendKeys(Keys.ENTER);
    TestBrowsers.waiting(browser, Duration.ofMinutes(5))
        .until(b -> status().equals("Terminal pronto."));
    assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");

    WebElement input =
        browser.findElement(By.cssSelector("#terminal-screen .xterm-helper-textarea"));
    assertThat(browser.switchTo().activeElement())
        .as("the opened terminal has the focus")
        .isEqualTo(input);
    input.sendKeys("docker ps" + Keys.ENTER);
    TestBrowsers.waiting(browser, Duration.ofSeconds(30))
        .until(b -> screen().contains(lesson.name("efemero")));
    assertThat(screen()).contains("docker ps", "CONTAINER ID", lesson.name("efemero"));
    TestBrowsers.screenshot(browser, "terminal.png");

    // a card's command at the prompt, not run: the learner reads it and presses Enter
    WebElement card = browser.findElement(By.id("step-sem-volume"));
    String command = card.findElement(By.cssSelector("[data-cli]")).getText();
    WebElement paste = card.findElement(By.cssSelector("[data-paste]"));
    assertThat(paste.getText()).isEqualTo("Colar no terminal");
    // above the terminal dock, as a learner scrolls a card into sight while the terminal is open
    ((JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -90);", card);
    paste.click();
    TestBrowsers.waiting(browser, Duration.ofSeconds(10))
        .until(b -> screen().replace("\n", "").contains(command));
    assertThat(screen()).doesNotContain("Unable to find image");

    // Esc, then Tab: the keyboard leaves the terminal
    input.sendKeys(Keys.ESCAPE);
    browser.switchTo().activeElement().sendKeys(Keys.TAB);
    assertThat(browser.switchTo().activeElement()).isNotEqualTo(input);

    assertThat(axe())
        .as("serious or critical axe-core violations with the terminal open")
        .isEmpty();
  }

  @Test
  void the_english_page_says_paste_in_terminal() {
    browser.get(site.base() + "/lessons/volumes?lang=en");
    site.session();

    assertThat(browser.findElement(By.cssSelector("#step-sem-volume [data-paste]")).getText())
        .isEqualTo("Paste in terminal");
    assertThat(browser.findElement(By.id("terminal-toggle")).getText())
        .isEqualTo("Open the terminal");
  }

  private String status() {
    return browser.findElement(By.id("terminal-status")).getText();
  }

  /** The terminal's rows as the screen shows them. */
  private String screen() {
    return (String)
        ((JavascriptExecutor) browser)
            .executeScript(
                "return Array.from(document.querySelectorAll('#terminal-screen .xterm-rows > div'))"
                    + ".map(r => r.textContent.replace(/\\u00a0/g, ' ').trimEnd()).join('\\n');");
  }

  @SuppressWarnings("unchecked")
  private List<String> axe() throws IOException {
    String source;
    try (InputStream in = TerminalInBrowserIT.class.getResourceAsStream("/axe/axe.min.js")) {
      source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    JavascriptExecutor js = (JavascriptExecutor) browser;
    js.executeScript(source);
    Object answer =
        js.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document).then(r => done(r.violations.filter(v => v.impact === 'serious'"
                + " || v.impact === 'critical').map(v => v.id + ': ' + v.help + ' → '"
                + " + v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', '))))"
                + ".catch(e => done(['axe-error: ' + e]));");
    return new ArrayList<>((List<String>) answer);
  }
}
