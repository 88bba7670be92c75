package dev.workbench.lesson;

import dev.workbench.step.Step;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Everything {@code workbench lint} reports: files that do not parse, and the rules a parsed lesson
 * must still follow (safe mounts, declared parameters, real checks, files that exist), including
 * its English translation: present, with the same steps. Each finding carries the line of the step
 * or picture it is about.
 */
public final class LessonLinter {
  private LessonLinter() {}

  public static List<LessonFormatError> lint(Path lessonsDir, Path projectRoot) {
    return lint(Course.load(lessonsDir), projectRoot);
  }

  /** The course's parse problems plus the rules' findings, by file and line. */
  public static List<LessonFormatError> lint(Course course, Path projectRoot) {
    List<LessonFormatError> findings = new ArrayList<>(course.problems());
    for (Lesson lesson : course.lessons()) {
      Findings inLesson = new Findings(lesson.source(), findings);
      LessonRules.check(lesson, inLesson);
      for (Step step : lesson.steps()) {
        StepRules.check(step, projectRoot, inLesson);
      }
      // The step rules need not run on the translation: its steps must equal these.
      Lesson english = course.english().get(lesson.id());
      TranslationRules.check(lesson, english, findings);
      if (english != null) {
        LessonRules.checkProse(english, new Findings(english.source(), findings));
      }
    }
    findings.sort(
        Comparator.comparing((LessonFormatError e) -> e.file().toString())
            .thenComparingInt(LessonFormatError::line));
    return findings;
  }
}
