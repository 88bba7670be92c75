package dev.workbench.web;

import dev.workbench.lesson.Lesson;
import dev.workbench.progress.OutputLine;
import dev.workbench.progress.StepProgress;
import dev.workbench.progress.StepStatus;
import dev.workbench.step.Param;
import dev.workbench.step.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lesson page's model: prose as HTML, steps as cards carrying the learner's last run, steps of
 * one {@code group} gathered in a row, and live tables as empty frames the page fills. Plain maps,
 * because that is what Mustache reads.
 */
final class LessonView {
  private LessonView() {}

  /** What stands where a step card goes: {@link LessonPages} renders the cards per learner. */
  @FunctionalInterface
  interface CardSlot {
    String html(Step step, int number, int level);
  }

  static Map<String, Object> sections(Lesson lesson, Markdown markdown, CardSlot slot) {
    List<Map<String, Object>> sections = new ArrayList<>();
    List<Map<String, Object>> row = null;
    String rowGroup = "";
    int number = 0;
    int tables = 0;
    int level = 2; // the page's h1 is the lesson's title; before any heading, cards are h2
    for (Lesson.Block block : lesson.blocks()) {
      if (block instanceof Lesson.Block.Prose prose) {
        String text =
            sections.isEmpty() ? withoutTitle(prose.markdown(), lesson.title()) : prose.markdown();
        sections.add(Map.of("isProse", true, "html", markdown.render(text, lesson.id())));
        level = levelAfter(text, level);
        row = null;
        continue;
      }
      if (block instanceof Lesson.Block.FirestoreTable table) {
        Map<String, Object> frame =
            new HashMap<>(table(table, LiveTables.address(lesson.id(), tables++)));
        frame.put("level", level);
        sections.add(frame);
        row = null;
        continue;
      }
      if (block instanceof Lesson.Block.Question question) {
        sections.add(question(question, lesson, markdown, level));
        row = null;
        continue;
      }
      Step step = ((Lesson.Block.StepBlock) block).step();
      number++;
      Map<String, Object> card = Map.of("html", slot.html(step, number, level));
      if (row != null && !step.group().isEmpty() && step.group().equals(rowGroup)) {
        row.add(card);
        continue;
      }
      row = new ArrayList<>();
      row.add(card);
      rowGroup = step.group();
      Map<String, Object> section = new HashMap<>();
      section.put("isSteps", true);
      section.put("steps", row);
      sections.add(section);
    }
    for (Map<String, Object> section : sections) {
      if (section.containsKey("steps")) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cards = (List<Map<String, Object>>) section.get("steps");
        section.put("grouped", cards.size() > 1);
        section.put("columns", cards.size());
      }
    }
    Map<String, Object> model = new HashMap<>();
    model.put("sections", sections);
    model.put("stepCount", number);
    model.put("itemCount", number + lesson.questions().size());
    return model;
  }

  /**
   * The heading level of what comes after {@code markdown}: one below its last heading (a card
   * after a "## Section" is an h3, after a "### Part" an h4), so the outline has no jumps.
   */
  static int levelAfter(String markdown, int level) {
    boolean fenced = false;
    for (String line : markdown.split("\n")) {
      String stripped = line.stripLeading();
      if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
        fenced = !fenced;
        continue;
      }
      if (fenced || line.length() - stripped.length() > 3) {
        continue;
      }
      int hashes = 0;
      while (hashes < stripped.length() && stripped.charAt(hashes) == '#') {
        hashes++;
      }
      if (hashes >= 1
          && hashes <= 6
          && (stripped.length() == hashes || stripped.charAt(hashes) == ' ')) {
        level = Math.min(hashes + 1, 6);
      }
    }
    return level;
  }

  /**
   * A quiz or an exercise as the page first draws it, unanswered: the learner's answer, the outcome
   * and the explanation come from the API once they commit (or from what they committed before), so
   * the answer key is not in the page.
   */
  static Map<String, Object> question(
      Lesson.Block.Question question, Lesson lesson, Markdown markdown, int level) {
    Map<String, Object> box = new HashMap<>();
    box.put("isQuestion", true);
    box.put("id", question.id());
    box.put("level", level);
    box.put("questionHtml", markdown.renderInline(question.question(), lesson.id()));
    List<Map<String, Object>> options = new ArrayList<>();
    for (int i = 0; i < question.options().size(); i++) {
      options.add(
          Map.of(
              "number",
              i + 1,
              "html",
              markdown.renderInline(question.options().get(i), lesson.id())));
    }
    box.put("options", options);
    if (question instanceof Lesson.Block.Exercise exercise) {
      box.put("isExercise", true);
      box.put("kind", "exercise");
      box.put("step", exercise.step());
      lesson
          .step(exercise.step())
          .ifPresent(
              step -> box.put("stepTitle", step.title().isEmpty() ? step.id() : step.title()));
      List<Map<String, Object>> set = new ArrayList<>();
      exercise.set().forEach((name, value) -> set.add(Map.of("name", name, "value", value)));
      box.put("set", set);
      box.put("hasSet", !set.isEmpty());
    } else {
      box.put("isQuiz", true);
      box.put("kind", "quiz");
    }
    return box;
  }

  /** The table's frame; its rows come from {@code address}, polled by the page. */
  static Map<String, Object> table(Lesson.Block.FirestoreTable table, String address) {
    return Map.of(
        "isTable", true,
        "address", address,
        "collection", table.collection(),
        "container", table.container(),
        "columns", table.columns());
  }

  /**
   * The page already shows the title as its heading; a lesson that repeats it as "# Title" would
   * show it twice.
   */
  static String withoutTitle(String markdown, String title) {
    String trimmed = markdown.stripLeading();
    String heading = "# " + title;
    if (trimmed.startsWith(heading + "\n") || trimmed.equals(heading)) {
      return trimmed.substring(heading.length()).stripLeading();
    }
    return markdown;
  }

  static Map<String, Object> card(
      Step step, int number, int level, StepProgress last, String runId, Texts texts) {
    Map<String, Object> card = new HashMap<>();
    String title = step.title().isEmpty() ? step.id() : step.title();
    card.put("id", step.id());
    card.put("number", number);
    card.put("level", level);
    card.put("title", title);
    card.put("stepLabel", texts.format("step_label", number));
    card.put("outputLabel", texts.format("output_label", title));
    card.put("checksLabel", texts.format("checks_label", title));
    card.put("cli", step.cli());
    card.put("heroku", step.heroku());
    card.put("hasHeroku", !step.heroku().isEmpty());
    card.put("kind", step.action().kind());
    StepStatus status =
        runId != null
            ? StepStatus.RUNNING
            : last.status() == StepStatus.RUNNING ? StepStatus.NOT_RUN : last.status();
    card.put("status", status.name().toLowerCase().replace('_', '-'));
    card.put("statusLabel", label(status, texts));
    card.put("doneBefore", last.done() && status != StepStatus.PASSED);
    card.put(
        "runLabel",
        texts.get(
            status == StepStatus.NOT_RUN
                ? "run"
                : status == StepStatus.RUNNING ? "running" : "run_again"));
    card.put("runId", runId == null ? "" : runId);
    card.put("params", params(step, last.params(), texts.format("param_of", title)));
    card.put("hasParams", !step.params().isEmpty());
    card.put("lines", lines(last.output()));
    card.put("hasOutput", !last.output().isEmpty());
    card.put("checks", EventJson.checks(last.checks()));
    card.put("hasChecks", !last.checks().isEmpty());
    card.put("message", texts.engine(last.message()));
    card.put("hasMessage", !last.message().isEmpty());
    return card;
  }

  static String label(StepStatus status, Texts texts) {
    switch (status) {
      case RUNNING:
        return texts.get("status_running");
      case PASSED:
        return texts.get("status_passed");
      case FAILED:
        return texts.get("status_failed");
      default:
        return texts.get("status_not_run");
    }
  }

  /**
   * @param of which step the field belongs to, for its accessible name ("CODIGO em “…”")
   */
  private static List<Map<String, Object>> params(
      Step step, Map<String, String> lastValues, String of) {
    List<Map<String, Object>> params = new ArrayList<>();
    for (Param p : new LinkedHashMap<>(step.params()).values()) {
      String value = lastValues.getOrDefault(p.name(), p.defaultValue());
      params.add(
          Map.of(
              "name", p.name(),
              "value", value,
              "defaultValue", p.defaultValue(),
              "help", p.help(),
              "paramOf", of,
              "multiline", multiline(p),
              "rows", rows(value)));
    }
    params.sort((a, b) -> ((String) a.get("name")).compareTo((String) b.get("name")));
    return params;
  }

  /**
   * Code and other text of many lines gets a text area: an input would flatten it to one line, and
   * Enter would run the step instead of breaking the line.
   */
  static boolean multiline(Param param) {
    return param.defaultValue().contains("\n")
        || param.pattern().matcher(param.defaultValue() + "\n").matches();
  }

  /** As tall as the text, within reason: a long cell scrolls rather than pushing the page away. */
  static int rows(String value) {
    int lines = (int) value.stripTrailing().lines().count();
    return Math.max(3, Math.min(lines + 1, 30));
  }

  /**
   * The stored lines as the card shows them: each with its stream, read from the data, never from
   * the text.
   */
  static List<Map<String, Object>> lines(List<OutputLine> output) {
    return output.stream()
        .<Map<String, Object>>map(l -> Map.of("stream", l.stream(), "text", l.text()))
        .toList();
  }
}
