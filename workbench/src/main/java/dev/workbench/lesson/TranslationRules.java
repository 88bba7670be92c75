package dev.workbench.lesson;

import dev.workbench.step.Param;
import dev.workbench.step.Step;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A translation tells the same lesson in other words: the same steps, in the same order, each with
 * the same action, command lines, parameters and checks. Only human text may differ (titles, prose,
 * parameter help). Holding to that is what lets {@code verify} run the pt-BR lesson and speak for
 * the English one too, so the engine behaviour is checked once and the words twice.
 */
final class TranslationRules {
  private TranslationRules() {}

  private static final String ORIGINAL = Language.PT_BR.fileName();
  private static final String TRANSLATED = Language.EN.fileName();

  static void check(Lesson original, Lesson translation, List<LessonFormatError> sink) {
    Findings inOriginal = new Findings(original.source(), sink);
    if (translation == null) {
      // A translation that exists but does not parse has its own findings already.
      if (!Files.exists(original.source().resolveSibling(TRANSLATED))) {
        inOriginal.add(
            1,
            "missing translation: write "
                + TRANSLATED
                + " beside "
                + ORIGINAL
                + ", with the same steps (ids, actions, params and checks) in English");
      }
      return;
    }
    Findings inTranslation = new Findings(translation.source(), sink);
    if (original.order() != translation.order()) {
      inTranslation.add(
          1,
          "front matter: order "
              + translation.order()
              + " differs from "
              + ORIGINAL
              + "'s "
              + original.order()
              + ": a translation keeps its lesson's order");
    }
    if (original.minutes() != translation.minutes()) {
      inTranslation.add(
          1,
          "front matter: minutes "
              + translation.minutes()
              + " differs from "
              + ORIGINAL
              + "'s "
              + original.minutes()
              + ": the lesson takes as long in either language");
    }
    Map<String, Step> originals = byId(original.steps());
    Map<String, Step> translated = byId(translation.steps());
    onlyIn(originals, translated, TRANSLATED, inOriginal);
    onlyIn(translated, originals, ORIGINAL, inTranslation);
    sameOrder(originals, translated, inTranslation);
    for (Step step : translated.values()) {
      Step source = originals.get(step.id());
      if (source != null) {
        List<String> differences = differences(source, step);
        if (!differences.isEmpty()) {
          inTranslation.add(
              step.line(),
              "step '"
                  + step.id()
                  + "': "
                  + String.join(", ", differences)
                  + (differences.size() == 1 ? " differs" : " differ")
                  + " from "
                  + ORIGINAL
                  + ":"
                  + source.line()
                  + " (only titles, prose and parameter help are translated)");
        }
      }
    }
    sameTables(original, translation, inTranslation);
    sameQuestions(original, translation, inOriginal, inTranslation);
  }

  /**
   * Quizzes and exercises are stored in a learner's progress by id and an exercise's answer key is
   * proved by verify on the original, so a translation has the same ones, in the same order, with
   * the same number of options, the same right one, the same step and values. Only the question,
   * options and explanation are translated.
   */
  private static void sameQuestions(
      Lesson original, Lesson translation, Findings inOriginal, Findings inTranslation) {
    Map<String, Lesson.Block.Question> originals = questionsById(original);
    Map<String, Lesson.Block.Question> translated = questionsById(translation);
    for (Lesson.Block.Question question : originals.values()) {
      if (!translated.containsKey(question.id())) {
        inOriginal.add(
            question.line(),
            QuestionRules.kind(question)
                + " '"
                + question.id()
                + "' is not in "
                + TRANSLATED
                + ": both languages have the same quizzes and exercises, with the same ids");
      }
    }
    List<String> expected = originals.keySet().stream().filter(translated::containsKey).toList();
    List<String> actual = translated.keySet().stream().filter(originals::containsKey).toList();
    boolean orderReported = false;
    for (int i = 0; i < actual.size(); i++) {
      Lesson.Block.Question question = translated.get(actual.get(i));
      String name = QuestionRules.kind(question) + " '" + question.id() + "'";
      if (!orderReported && !actual.get(i).equals(expected.get(i))) {
        orderReported = true;
        inTranslation.add(
            question.line(),
            name
                + " comes in another place than in "
                + ORIGINAL
                + " (there, '"
                + expected.get(i)
                + "' comes here): keep quizzes and exercises in the same order");
      }
      Lesson.Block.Question source = originals.get(question.id());
      List<String> differences = new ArrayList<>();
      if (!QuestionRules.kind(source).equals(QuestionRules.kind(question))) {
        differences.add("the kind (quiz or exercise)");
      } else {
        if (source.options().size() != question.options().size()) {
          differences.add("the number of options");
        }
        if (source.answer() != question.answer()) {
          differences.add("'answer'");
        }
        if (source instanceof Lesson.Block.Exercise a
            && question instanceof Lesson.Block.Exercise b) {
          if (!a.step().equals(b.step())) {
            differences.add("'step'");
          }
          if (!a.set().equals(b.set())) {
            differences.add("'set'");
          }
        }
      }
      if (!differences.isEmpty()) {
        inTranslation.add(
            question.line(),
            name
                + ": "
                + String.join(", ", differences)
                + (differences.size() == 1 ? " differs" : " differ")
                + " from "
                + ORIGINAL
                + ":"
                + source.line()
                + " (only the question, options and explanation are translated)");
      }
    }
    for (Lesson.Block.Question question : translated.values()) {
      if (!originals.containsKey(question.id())) {
        inTranslation.add(
            question.line(),
            QuestionRules.kind(question)
                + " '"
                + question.id()
                + "' is not in "
                + ORIGINAL
                + ": both languages have the same quizzes and exercises, with the same ids");
      }
    }
  }

  private static Map<String, Lesson.Block.Question> questionsById(Lesson lesson) {
    Map<String, Lesson.Block.Question> byId = new LinkedHashMap<>();
    lesson.questions().forEach(q -> byId.putIfAbsent(q.id(), q));
    return byId;
  }

  private static Map<String, Step> byId(List<Step> steps) {
    Map<String, Step> byId = new LinkedHashMap<>();
    steps.forEach(step -> byId.putIfAbsent(step.id(), step));
    return byId;
  }

  private static void onlyIn(
      Map<String, Step> these, Map<String, Step> others, String otherFile, Findings findings) {
    these.values().stream()
        .filter(step -> !others.containsKey(step.id()))
        .forEach(
            step ->
                findings.add(
                    step.line(),
                    "step '"
                        + step.id()
                        + "' is not in "
                        + otherFile
                        + ": both languages have the same steps, with the same ids"));
  }

  /** Only the first step out of place is reported: one move usually explains the rest. */
  private static void sameOrder(
      Map<String, Step> originals, Map<String, Step> translated, Findings findings) {
    List<String> expected = originals.keySet().stream().filter(translated::containsKey).toList();
    List<String> actual = translated.keySet().stream().filter(originals::containsKey).toList();
    for (int i = 0; i < actual.size(); i++) {
      if (!actual.get(i).equals(expected.get(i))) {
        Step step = translated.get(actual.get(i));
        findings.add(
            step.line(),
            "step '"
                + step.id()
                + "' comes in another place than in "
                + ORIGINAL
                + " (there, step '"
                + expected.get(i)
                + "' comes here): keep the steps in the same order");
        return;
      }
    }
  }

  private static List<String> differences(Step original, Step translation) {
    List<String> differences = new ArrayList<>();
    if (!original.action().equals(translation.action())) {
      differences.add("the action ('do' and its keys)");
    }
    if (!original.expect().equals(translation.expect())) {
      differences.add("the checks ('expect')");
    }
    if (!sameParams(original.params(), translation.params())) {
      differences.add("the params (names, defaults, patterns)");
    }
    if (!original.cli().equals(translation.cli())) {
      differences.add("'cli'");
    }
    if (!original.heroku().equals(translation.heroku())) {
      differences.add("'heroku'");
    }
    if (!original.group().equals(translation.group())) {
      differences.add("'group'");
    }
    return differences;
  }

  /** Help is human text and may be translated; what a learner's value must be may not change. */
  private static boolean sameParams(Map<String, Param> original, Map<String, Param> translation) {
    if (!original.keySet().equals(translation.keySet())) {
      return false;
    }
    return original.values().stream()
        .allMatch(
            p -> {
              Param t = translation.get(p.name());
              return p.defaultValue().equals(t.defaultValue())
                  && Objects.equals(regex(p.pattern()), regex(t.pattern()));
            });
  }

  private static String regex(Pattern pattern) {
    return pattern == null ? null : pattern.pattern();
  }

  /** A live table reads the engine's state, so it is behaviour too: same tables, same order. */
  private static void sameTables(Lesson original, Lesson translation, Findings findings) {
    List<Lesson.Block.FirestoreTable> originals = original.tables();
    List<Lesson.Block.FirestoreTable> translated = translation.tables();
    for (int i = 0; i < translated.size(); i++) {
      Lesson.Block.FirestoreTable table = translated.get(i);
      if (i >= originals.size() || !sameTable(originals.get(i), table)) {
        findings.add(
            table.line(),
            "firestore-table #"
                + (i + 1)
                + " differs from "
                + ORIGINAL
                + "'s: both languages show the same tables, in the same order");
      }
    }
    if (originals.size() > translated.size()) {
      findings.add(
          1,
          "firestore-table: "
              + ORIGINAL
              + " has "
              + originals.size()
              + ", this translation "
              + translated.size()
              + ": both languages show the same tables");
    }
  }

  private static boolean sameTable(Lesson.Block.FirestoreTable a, Lesson.Block.FirestoreTable b) {
    return a.container().equals(b.container())
        && a.port() == b.port()
        && a.project().equals(b.project())
        && a.collection().equals(b.collection())
        && a.columns().equals(b.columns());
  }
}
