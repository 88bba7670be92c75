package dev.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.lesson.Lesson;
import dev.workbench.run.CourseRun.StepOutcome;
import dev.workbench.run.StepResult;
import dev.workbench.run.StepResult.CheckResult;
import dev.workbench.step.Action;
import dev.workbench.step.Step;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JUnitReportTest {
  @TempDir Path dir;

  private static StepOutcome outcome(
      Lesson lesson, String id, boolean passed, String output, String message) {
    Step step = new Step(id, id, "", Map.of(), new Action.ListContainers(), List.of(), "", 0);
    StepResult result =
        new StepResult(
            passed ? StepResult.Status.PASSED : StepResult.Status.FAILED,
            0,
            output,
            List.of(
                new CheckResult(
                    "o contêiner app está rodando", passed, passed ? "" : "está ausente")),
            message,
            Duration.ofMillis(1500));
    return new StepOutcome(lesson, step, result);
  }

  @Test
  void every_step_is_a_case_under_its_lessons_suite_and_any_output_stays_well_formed()
      throws Exception {
    Lesson lesson = new Lesson("redes", "Redes", 5, "", dir, List.of());
    String nasty = "ação <b>&amp; \"aspas\" ]]> \u0001\u001b[31m vermelho\u0007 \uD83D\uDC33";
    Path file = dir.resolve("out/verify.xml");
    JUnitReport.write(
        file,
        List.of(
            outcome(lesson, "rede", true, nasty, ""),
            outcome(lesson, "servidor", false, "saída", "")));

    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("name")).isEqualTo("lesson.redes");
    assertThat(suite.getAttribute("tests")).isEqualTo("2");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    assertThat(suite.getAttribute("time")).isEqualTo("3.000");
    assertThat(xml.getElementsByTagName("system-out").item(0).getTextContent())
        .isEqualTo("ação <b>&amp; \"aspas\" ]]> [31m vermelho \uD83D\uDC33");
    Element failure = (Element) xml.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message"))
        .isEqualTo("o contêiner app está rodando: está ausente");
  }
}
