package dev.workbench.web;

import dev.workbench.lesson.Lesson;
import dev.workbench.progress.StepProgress;
import dev.workbench.step.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lesson pages, rendered once. Lessons do not change while the server runs, and a lesson page is
 * the same for every learner except the step cards, so the page is rendered once per lesson (and
 * per language and per engine state, for the banner) with a marker where each card goes; a request
 * only joins the pieces, rendering the cards of the steps this learner has run. A card nobody has
 * touched is rendered once too.
 */
final class LessonPages {
  private static final Pattern MARKER = Pattern.compile("<!--wb-card:(\\d+)-->");

  /** One lesson's page cut at its cards: {@code chunks} has one more entry than {@code cards}. */
  private record Prepared(
      List<String> chunks, List<NumberedStep> cards, List<String> untouched, Texts texts) {}

  /** A card's place: its number in the lesson and its heading level in the page's outline. */
  private record NumberedStep(Step step, int number, int level) {}

  private final Pages pages;
  private final Map<String, Prepared> prepared = new ConcurrentHashMap<>();

  LessonPages(Pages pages) {
    this.pages = pages;
  }

  /**
   * @param page the page's model without the learner: lesson fields, neighbours, engine state
   * @param progress the learner's last run of each step they ran
   * @param runningRunId the run in progress for a step id, or null
   * @param texts the interface's words, in the language {@code lesson} is written in
   */
  String render(
      Lesson lesson,
      Map<String, Object> page,
      Markdown markdown,
      Map<String, StepProgress> progress,
      Function<String, String> runningRunId,
      Texts texts) {
    String key =
        lesson.id()
            + "|"
            + texts.language().tag()
            + (Boolean.TRUE.equals(page.get("engineDown")) ? "|down" : "|up");
    Prepared cut = prepared.computeIfAbsent(key, k -> prepare(lesson, page, markdown, texts));
    StringBuilder html = new StringBuilder(cut.chunks().get(0).length() * 2);
    for (int i = 0; i < cut.cards().size(); i++) {
      html.append(cut.chunks().get(i));
      NumberedStep card = cut.cards().get(i);
      StepProgress last = progress.get(card.step().id());
      String runId = runningRunId.apply(card.step().id());
      if (last == null && runId == null) {
        html.append(cut.untouched().get(i));
      } else {
        StepProgress shown = last == null ? StepProgress.notRun(card.step().id()) : last;
        html.append(card(card, shown, runId, cut.texts()));
      }
    }
    return html.append(cut.chunks().get(cut.chunks().size() - 1)).toString();
  }

  private Prepared prepare(
      Lesson lesson, Map<String, Object> page, Markdown markdown, Texts texts) {
    List<NumberedStep> cards = new ArrayList<>();
    Map<String, Object> model = new java.util.HashMap<>(page);
    model.putAll(
        LessonView.sections(
            lesson,
            markdown,
            (step, number, level) -> {
              cards.add(new NumberedStep(step, number, level));
              return "<!--wb-card:" + (cards.size() - 1) + "-->";
            }));
    String whole = pages.render("lesson", lesson.title(), texts, model);
    List<String> chunks = new ArrayList<>();
    Matcher marker = MARKER.matcher(whole);
    int from = 0;
    int expected = 0;
    while (marker.find()) {
      if (Integer.parseInt(marker.group(1)) != expected++) {
        throw new IllegalStateException(
            "step cards out of order in the lesson page of " + lesson.id());
      }
      chunks.add(whole.substring(from, marker.start()));
      from = marker.end();
    }
    chunks.add(whole.substring(from));
    if (chunks.size() != cards.size() + 1) {
      throw new IllegalStateException("the lesson template lost a step card of " + lesson.id());
    }
    List<String> untouched =
        cards.stream()
            .map(card -> card(card, StepProgress.notRun(card.step().id()), null, texts))
            .toList();
    return new Prepared(List.copyOf(chunks), List.copyOf(cards), untouched, texts);
  }

  private String card(NumberedStep card, StepProgress last, String runId, Texts texts) {
    return pages.render(
        "step-card",
        null,
        texts,
        LessonView.card(card.step(), card.number(), card.level(), last, runId, texts));
  }
}
