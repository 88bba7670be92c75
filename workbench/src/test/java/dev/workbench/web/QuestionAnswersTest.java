package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workbench.lesson.Language;
import dev.workbench.lesson.Lesson;
import dev.workbench.progress.Answer;
import dev.workbench.progress.StepProgress;
import dev.workbench.progress.StepStatus;
import dev.workbench.step.Action;
import dev.workbench.step.Check;
import dev.workbench.step.Step;
import io.javalin.http.BadRequestResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a learner may post as an answer, and how answers count: a quiz once answered, an exercise
 * once predicted and its step passed.
 */
class QuestionAnswersTest {
  private final Texts pt = Texts.of(Language.PT_BR);

  @Test
  void a_choice_is_a_whole_option_number_and_nothing_else() {
    assertThat(QuestionRoutes.choice("{\"choice\": 2}", 3, pt)).isEqualTo(2);
    for (String body :
        List.of(
            "",
            "[]",
            "{\"choice\": 0}",
            "{\"choice\": 4}",
            "{\"choice\": \"2\"}",
            "{\"choice\": 1.5}",
            "{\"choice\": 1, \"right\": true}",
            "not json")) {
      assertThatThrownBy(() -> QuestionRoutes.choice(body, 3, pt))
          .as(body)
          .isInstanceOf(BadRequestResponse.class)
          .hasMessage("Mande a opção escolhida como {\"choice\": N}, com N de 1 a 3.");
    }
  }

  @Test
  void quizzes_count_once_answered_and_exercises_once_predicted_and_their_step_passed() {
    Step run =
        new Step(
            "rodar",
            "",
            "docker run x",
            Map.of(),
            new Action.ListImages(),
            List.of(new Check.OutputContains("x")),
            "",
            1);
    Lesson.Block.Quiz quiz = new Lesson.Block.Quiz("q", "?", List.of("a", "b"), 1, "porque", 2);
    Lesson.Block.Exercise exercise =
        new Lesson.Block.Exercise("e", "rodar", Map.of(), "?", List.of("a", "b"), 2, "porque", 3);
    Lesson lesson =
        new Lesson(
            "demo",
            "Demo",
            1,
            "",
            Path.of("lesson.md"),
            List.of(quiz, exercise, new Lesson.Block.StepBlock(run)));
    Instant now = Instant.now();

    assertThat(Tally.of(lesson, Map.of(), Map.of())).isEqualTo(new Tally(0, 3));
    Map<String, Answer> answers =
        Map.of("q", new Answer("q", 2, false, now), "e", new Answer("e", 2, true, now));
    assertThat(Tally.of(lesson, Map.of(), answers))
        .as("a wrong answer still counts; a prediction waits for its step")
        .isEqualTo(new Tally(1, 3));
    StepProgress passed =
        new StepProgress("rodar", StepStatus.PASSED, List.of(), List.of(), "", Map.of(), now);
    assertThat(Tally.of(lesson, Map.of("rodar", passed), answers)).isEqualTo(new Tally(3, 3));
    assertThat(Tally.of(lesson, Map.of("rodar", passed), Map.of())).isEqualTo(new Tally(1, 3));
  }
}
