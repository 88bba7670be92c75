package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.engine.KnownError;
import dev.workbench.engine.KnownError.Problem;
import dev.workbench.engine.NameInUse;
import dev.workbench.lesson.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's common refusals reach a page in its language, with the same values and fix. */
class EngineWordsTest {
  private static List<String> values(Problem problem) {
    return switch (problem) {
      case PORT_TAKEN -> List.of("127.0.0.1:8080", "8080");
      case NO_SPACE -> List.of();
      default -> List.of("efemero");
    };
  }

  @Test
  void the_pt_br_bundle_says_each_problem_exactly_as_the_engine_does() {
    for (Problem problem : Problem.values()) {
      assertThat(Texts.of(Language.PT_BR).format(problem.key(), values(problem).toArray()))
          .as(problem.name())
          .isEqualTo(problem.say(values(problem)));
      assertThat(Texts.of(Language.PT_BR).engine(problem.say(values(problem))))
          .isEqualTo(problem.say(values(problem)));
    }
  }

  @Test
  void an_english_page_says_each_problem_in_english_with_the_same_command() {
    Texts en = Texts.of(Language.EN);
    assertThat(en.engine(Problem.NO_SUCH_CONTAINER.say(List.of("maquina-1"))))
        .startsWith("The container maquina-1 does not exist")
        .contains("`docker ps -a`");
    assertThat(en.engine(Problem.NO_SUCH_IMAGE.say(List.of("meu-site:1.0"))))
        .startsWith("The image meu-site:1.0 is not in this Docker")
        .contains("`docker build -t meu-site:1.0 FOLDER`");
    assertThat(en.engine(Problem.PORT_TAKEN.say(List.of("127.0.0.1:8080", "8080"))))
        .startsWith("Port 127.0.0.1:8080 of the host is already taken")
        .contains("`docker ps --filter publish=8080`");
    assertThat(en.engine(Problem.NO_SPACE.say(List.of())))
        .startsWith("Docker ran out of disk space")
        .contains("`docker system df`");
    assertThat(en.engine(Problem.NAME_IN_USE.say(List.of("efemero"))))
        .startsWith("A container called efemero already exists")
        .contains("`docker rm -f efemero`");
    assertThat(en.engine("o Docker respondeu: outra coisa"))
        .isEqualTo("o Docker respondeu: outra coisa");
  }

  @Test
  void the_page_recognises_a_taken_name_by_the_lead_of_its_own_language() {
    assertThat(Texts.of(Language.PT_BR).lead(Problem.NAME_IN_USE)).isEqualTo(NameInUse.LEAD);
    assertThat(Texts.of(Language.EN).lead(Problem.NAME_IN_USE)).isEqualTo("A container called ");
    assertThat(
            KnownError.Problem.read(
                Texts.of(Language.EN).engine(Problem.NAME_IN_USE.say(List.of("x")))))
        .isEmpty();
  }
}
