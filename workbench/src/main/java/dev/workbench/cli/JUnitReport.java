package dev.workbench.cli;

import dev.workbench.lesson.Lesson;
import dev.workbench.run.CourseRun.StepOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The JUnit XML CI servers read: one suite per lesson, one case per step. */
final class JUnitReport {
  private JUnitReport() {}

  static void write(Path file, List<StepOutcome> outcomes) throws IOException {
    Map<Lesson, List<StepOutcome>> byLesson =
        outcomes.stream().collect(Collectors.groupingBy(StepOutcome::lesson, LinkedHashMap::new, Collectors.toList()));
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
    byLesson.forEach((lesson, steps) -> {
      long failures = steps.stream().filter(s -> !s.result().passed()).count();
      double seconds = steps.stream().mapToLong(s -> s.result().took().toMillis()).sum() / 1000.0;
      xml.append(String.format(Locale.ROOT, "  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" time=\"%.3f\">%n",
          esc("lesson." + lesson.id()), steps.size(), failures, seconds));
      for (StepOutcome s : steps) {
        xml.append(String.format(Locale.ROOT, "    <testcase classname=\"%s\" name=\"%s\" time=\"%.3f\">",
            esc("lesson." + lesson.id()), esc(s.step().id()), s.result().took().toMillis() / 1000.0));
        if (!s.result().passed()) {
          String why = s.result().message().isEmpty()
              ? s.result().checks().stream().filter(c -> !c.passed()).map(c -> c.description() + ": " + c.detail())
                  .collect(Collectors.joining("; "))
              : s.result().message();
          xml.append("\n      <failure message=\"").append(esc(why)).append("\"/>\n    ");
        }
        xml.append("<system-out>").append(esc(s.result().output())).append("</system-out></testcase>\n");
      }
      xml.append("  </testsuite>\n");
    });
    xml.append("</testsuites>\n");
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    Files.writeString(file, xml);
  }

  private static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
