package dev.workbench.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.step.Action;
import dev.workbench.step.Step;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A step without cli: shows the command its action makes, where that is exact. */
class ShownCommandsTest {
  @TempDir Path lessons;

  private Step read(String keys) {
    return LessonParser.parse(LessonFiles.withStep(lessons, "id: s\n" + keys)).steps().get(0);
  }

  @Test
  void a_step_without_cli_shows_the_command_of_its_action() {
    assertThat(
            read("do: container.stop\nname: web\nexpect:\n  - container: {name: web, state: exited}")
                .cli())
        .isEqualTo("docker stop web");
    assertThat(
            read("do: image.build\nimage: meu-site\ncontext: lessons/02-imagens\nexpect:\n  - image: {name: meu-site}")
                .cli())
        .isEqualTo("docker build -t meu-site lessons/02-imagens");
    assertThat(
            ShownCommands.of(
                new Action.ExecInContainer(
                    "web", List.of("sh", "-c", "echo oi"), Map.of("A", "b"))))
        .contains("docker exec -e A=b web sh -c \"echo oi\"");
  }

  @Test
  void a_written_cli_wins_and_a_run_still_needs_one() {
    assertThat(
            read("do: container.stop\nname: web\ncli: docker container stop web\nexpect:\n  - output: x")
                .cli())
        .isEqualTo("docker container stop web");
    assertThat(ShownCommands.of(new Action.ListImages())).contains("docker images");
    assertThat(
            read("do: container.run\nname: web\nimage: workbench/nginx\nexpect:\n  - output: x")
                .cli())
        .isEmpty();
  }
}
