package dev.workbench.cli;

import dev.workbench.engine.OutputSink;
import dev.workbench.lesson.Language;
import dev.workbench.lesson.Sentences;
import dev.workbench.run.RunEvent;
import dev.workbench.run.StepResult;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Prints run events for a person at a terminal: output indented, one verdict line per step, in the
 * person's language ({@link #WORDS}).
 */
final class ConsoleEvents implements Consumer<RunEvent>, OutputSink {
  /** What the console says, {@code i18n/console.properties}; {@code verify} reads it too. */
  static final String WORDS = "i18n.console";

  private final PrintStream out;
  private final boolean showOutput;
  private final Sentences say;
  private long lastProgress = -1;

  ConsoleEvents(PrintStream out, boolean showOutput, Language language) {
    this.out = out;
    this.showOutput = showOutput;
    this.say = Sentences.of(WORDS, language);
  }

  @Override
  public void accept(RunEvent event) {
    if (event instanceof RunEvent.Started e) {
      out.println(
          "  ▶ "
              + e.stepId()
              + (e.cli().isBlank() ? "" : "   $ " + e.cli().lines().findFirst().orElse("")));
    } else if (event instanceof RunEvent.Output e) {
      if (showOutput || e.stream().equals("err")) {
        out.println("    │ " + e.text());
      }
    } else if (event instanceof RunEvent.Progress e) {
      progress(e.label(), e.current(), e.total());
    } else if (event instanceof RunEvent.CheckDone e) {
      out.println(
          "    "
              + (e.passed() ? "✓ " : "✗ ")
              + e.description()
              + (e.passed() ? "" : " — " + e.detail()));
    } else if (event instanceof RunEvent.Finished e) {
      StepResult r = e.result();
      out.printf(
          Locale.ROOT,
          "  %s %s (%.1f s)%s%n",
          say.get(r.passed() ? "step.passed" : "step.failed"),
          e.stepId(),
          r.took().toMillis() / 1000.0,
          r.message().isEmpty() ? "" : ": " + r.message());
    }
  }

  @Override
  public void out(String line) {
    if (showOutput) {
      out.println("    │ " + line);
    }
  }

  @Override
  public void err(String line) {
    out.println("    │ " + line);
  }

  @Override
  public void info(String line) {
    out.println("    · " + line);
  }

  @Override
  public void progress(String label, long current, long total) {
    if (current != lastProgress) {
      lastProgress = current;
      out.println("    … " + label + " " + current + (total > 0 ? "/" + total : ""));
    }
  }
}
