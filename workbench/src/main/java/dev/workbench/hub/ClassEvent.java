package dev.workbench.hub;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.workbench.run.StepResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a learner's workbench tells the hub, and all it tells: a step's result or a lesson's reset.
 * These fields are the whole of what leaves the learner's machine; no parameter value, file or full
 * transcript is among them.
 *
 * @param id made by the learner's workbench when the event is written to its outbox; the hub keeps
 *     one event per id, which is what makes a resend harmless
 * @param kind {@code step} or {@code reset}
 * @param passed for a step: whether every check held
 * @param failedChecks for a failed step: each check that did not hold, with what the engine showed
 * @param output for a failed step: its last lines
 * @param durationMs for a step: how long it ran
 * @param time when the step ended (or the lesson was reset), by the learner's clock
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClassEvent(
    String id,
    String kind,
    String lesson,
    String step,
    Boolean passed,
    List<FailedCheck> failedChecks,
    String output,
    Long durationMs,
    String time) {

  public static final String STEP = "step";
  public static final String RESET = "reset";

  /** Lines of a failed step's output sent: enough to see the error, little enough to stay small. */
  static final int OUTPUT_LINES = 20;

  static final int OUTPUT_CHARS = 4_000;
  static final int TEXT_CHARS = 500;
  static final int MAX_CHECKS = 20;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{8,64}");
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

  /** A check that did not hold: what it expected, and what the engine showed instead. */
  public record FailedCheck(String description, String detail) {}

  public ClassEvent {
    failedChecks = failedChecks == null ? List.of() : List.copyOf(failedChecks);
  }

  /** The event for a step that just ended. A failure before any check ran counts as one check. */
  public static ClassEvent of(
      String lesson, String step, StepResult result, String transcript, Instant time) {
    List<FailedCheck> failed = new ArrayList<>();
    if (!result.passed()) {
      result.checks().stream()
          .filter(c -> !c.passed())
          .forEach(c -> failed.add(new FailedCheck(cut(c.description()), cut(c.detail()))));
      if (failed.isEmpty() && !result.message().isBlank()) {
        failed.add(new FailedCheck("o passo rodou", cut(result.message())));
      }
    }
    Duration took = result.took() == null ? Duration.ZERO : result.took();
    return new ClassEvent(
        UUID.randomUUID().toString(),
        STEP,
        lesson,
        step,
        result.passed(),
        failed.stream().limit(MAX_CHECKS).toList(),
        result.passed() ? null : lastLines(transcript),
        took.toMillis(),
        time.toString());
  }

  public static ClassEvent reset(String lesson, Instant time) {
    return new ClassEvent(
        UUID.randomUUID().toString(),
        RESET,
        lesson,
        null,
        null,
        List.of(),
        null,
        null,
        time.toString());
  }

  /**
   * Null when the event is one the hub can keep, else a pt-BR sentence saying what is wrong: the
   * hub takes nothing from the network on trust, a learner token included.
   */
  public String problem() {
    if (id == null || !ID.matcher(id).matches()) {
      return "evento sem id válido";
    }
    if (!STEP.equals(kind) && !RESET.equals(kind)) {
      return "tipo de evento desconhecido: só step e reset";
    }
    if (lesson == null || !NAME.matcher(lesson).matches()) {
      return "lição inválida no evento " + id;
    }
    if (time == null || instantOrNull(time) == null) {
      return "evento " + id + " sem horário válido (ISO-8601, como 2026-12-02T08:00:00Z)";
    }
    if (STEP.equals(kind)) {
      if (step == null || !NAME.matcher(step).matches() || passed == null) {
        return "passo inválido no evento " + id;
      }
      if (failedChecks.size() > MAX_CHECKS
          || (output != null && output.length() > OUTPUT_CHARS + 100)
          || failedChecks.stream().anyMatch(c -> tooLong(c.description()) || tooLong(c.detail()))) {
        return "evento " + id + " grande demais";
      }
      if (durationMs != null && durationMs < 0) {
        return "duração negativa no evento " + id;
      }
    }
    return null;
  }

  /** When the step ended, by the learner's clock. */
  public Instant instant() {
    return instantOrNull(time);
  }

  private static Instant instantOrNull(String text) {
    try {
      return Instant.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private static boolean tooLong(String text) {
    return text != null && text.length() > TEXT_CHARS + 10;
  }

  static String cut(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= TEXT_CHARS ? text : text.substring(0, TEXT_CHARS) + "…";
  }

  /**
   * The tail of what the learner saw, at most {@link #OUTPUT_LINES} lines and {@link
   * #OUTPUT_CHARS}.
   */
  static String lastLines(String transcript) {
    if (transcript == null || transcript.isBlank()) {
      return "";
    }
    List<String> lines = transcript.strip().lines().toList();
    String tail =
        String.join("\n", lines.subList(Math.max(0, lines.size() - OUTPUT_LINES), lines.size()));
    return tail.length() <= OUTPUT_CHARS ? tail : tail.substring(tail.length() - OUTPUT_CHARS);
  }
}
