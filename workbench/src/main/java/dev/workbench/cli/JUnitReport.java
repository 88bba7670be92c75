package dev.workbench.cli;

import dev.workbench.lesson.Lesson;
import dev.workbench.run.CourseRun.StepOutcome;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The JUnit XML CI servers read: one suite per lesson, one case per step. Written with the JDK's
 * StAX writer, which escapes text and attributes; only characters XML 1.0 cannot hold at all
 * (control characters a program may print) are dropped first.
 */
final class JUnitReport {
  private JUnitReport() {}

  static void write(Path file, List<StepOutcome> outcomes) throws IOException {
    Map<Lesson, List<StepOutcome>> byLesson =
        outcomes.stream()
            .collect(
                Collectors.groupingBy(
                    StepOutcome::lesson, LinkedHashMap::new, Collectors.toList()));
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("testsuites");
      for (Map.Entry<Lesson, List<StepOutcome>> entry : byLesson.entrySet()) {
        suite(xml, entry.getKey(), entry.getValue());
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException(
          "não consegui escrever o relatório JUnit em " + file + ": " + e.getMessage(), e);
    }
  }

  private static void suite(XMLStreamWriter xml, Lesson lesson, List<StepOutcome> steps)
      throws XMLStreamException {
    long failures = steps.stream().filter(s -> !s.result().passed()).count();
    long millis = steps.stream().mapToLong(s -> s.result().took().toMillis()).sum();
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", "lesson." + lesson.id());
    xml.writeAttribute("tests", String.valueOf(steps.size()));
    xml.writeAttribute("failures", String.valueOf(failures));
    xml.writeAttribute("time", seconds(millis));
    for (StepOutcome s : steps) {
      xml.writeStartElement("testcase");
      xml.writeAttribute("classname", "lesson." + lesson.id());
      xml.writeAttribute("name", s.step().id());
      xml.writeAttribute("time", seconds(s.result().took().toMillis()));
      if (!s.result().passed()) {
        xml.writeEmptyElement("failure");
        xml.writeAttribute("message", xmlSafe(why(s)));
      }
      xml.writeStartElement("system-out");
      xml.writeCharacters(xmlSafe(s.result().output()));
      xml.writeEndElement();
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  private static String why(StepOutcome s) {
    return s.result().message().isEmpty()
        ? s.result().checks().stream()
            .filter(c -> !c.passed())
            .map(c -> c.description() + ": " + c.detail())
            .collect(Collectors.joining("; "))
        : s.result().message();
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }

  /** XML 1.0 has no way to write most control characters, escaped or not. */
  static String xmlSafe(String text) {
    return text.codePoints()
        .filter(
            c ->
                c == '\n'
                    || c == '\t'
                    || c == '\r'
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || c >= 0x10000)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }
}
