package dev.workbench.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules a lesson that parses must still follow, each reported at the step's line. */
class LessonLinterTest {

  @TempDir Path root;

  private Path lessons() {
    return root.resolve("lessons");
  }

  /** The findings for a lesson whose only step is {@code yaml}, as {@code line: message}. */
  private List<String> lintStep(String yaml) {
    LessonFiles.withStep(lessons(), yaml);
    return lint();
  }

  /**
   * The original's findings, as {@code line: message}. These rules are about one language, so each
   * lesson gets a word-for-word translation and its findings are left out ({@link
   * TranslationLintTest} covers translations).
   */
  private List<String> lint() {
    LessonFiles.translateVerbatim(lessons());
    return LessonLinter.lint(lessons(), root).stream()
        .filter(e -> e.file().getFileName().toString().equals("lesson.md"))
        .map(e -> e.line() + ": " + e.problem())
        .toList();
  }

  private static final String RUN =
      "id: x\ndo: container.run\ncli: docker run\nname: a\nimage: workbench/debian:bookworm\n";
  private static final String CHECKED = "expect:\n  - output: ok\n";

  @Test
  void a_well_formed_lesson_has_no_findings() {
    assertThat(lintStep(RUN + "mounts: [{bind: meus/arquivos, target: /mnt}]\n" + CHECKED))
        .isEmpty();
  }

  @Test
  void a_step_without_cli_is_reported_unless_its_action_derives_one() {
    assertThat(lintStep("id: x\ndo: image.provide\nimage: workbench/nginx\n" + CHECKED))
        .containsExactly(
            "7: step 'x': 'cli' is required for a image.provide step: the docker command a learner would"
                + " type (only some kinds derive it from the action; see lessons/README.md)");
    assertThat(lintStep("id: x\ndo: image.list\n" + CHECKED)).isEmpty();
  }

  @Test
  void a_step_checked_only_by_its_exit_code_is_reported() {
    assertThat(lintStep(RUN + "expect:\n  - exitCode: 0"))
        .containsExactly(
            "7: step 'x': 'expect' needs a check besides exitCode (output, container, file, image, "
                + "volume, network, http…): the result is read from the engine's state");
  }

  @Test
  void a_bind_mount_may_not_climb_out_or_be_absolute() {
    assertThat(lintStep(RUN + "mounts: [{bind: a/../../etc, target: /mnt}]\n" + CHECKED))
        .containsExactly(
            "7: step 'x': bind mount 'a/../../etc' must not climb out of your own folder with"
                + " '..'");
    assertThat(lintStep(RUN + "mounts: [{bind: /etc, target: /mnt}]\n" + CHECKED))
        .containsExactly(
            "7: step 'x': bind mount '/etc' must be relative to your own folder, not an absolute"
                + " path");
  }

  @Test
  void the_engine_socket_is_never_mentioned() {
    assertThat(
            lintStep(
                RUN
                    + "mounts: [{bind: run/docker.sock, target: /var/run/docker.sock}]\n"
                    + CHECKED))
        .containsExactly(
            "7: step 'x': must not mention docker.sock: the engine's socket is never given to a"
                + " lesson");
  }

  @Test
  void every_parameter_used_is_declared() {
    assertThat(lintStep(RUN + "params: {TEXTO: oi}\ncommand: [echo, '${TEXT}']\n" + CHECKED))
        .containsExactly(
            "7: step 'x': ${TEXT} is not a declared parameter (declare it under 'params') (did you"
                + " mean 'TEXTO'?)");
  }

  @Test
  void a_parameter_default_must_match_its_pattern() {
    assertThat(lintStep(RUN + "params: {N: {default: Abc, pattern: '[a-z]+'}}\n" + CHECKED))
        .containsExactly(
            "7: step 'x': parameter N: default 'Abc' does not match its pattern [a-z]+");
  }

  @Test
  void an_image_of_the_lesson_may_carry_a_version_tag() {
    assertThat(
            lintStep(
                "id: x\ndo: image.history\ncli: c\nimage: ola:2\nexpect:\n"
                    + "  - image: {name: 'ola:2'}\n"))
        .isEmpty();
    assertThat(
            lintStep(
                "id: x\ndo: image.history\ncli: c\nimage: ola:2:3\nexpect:\n"
                    + "  - image: {name: 'ola:2'}\n"))
        .singleElement()
        .asString()
        .contains("image name 'ola:2:3' must match");
  }

  @Test
  void logical_names_are_plain_unless_they_are_base_images() {
    assertThat(
            lintStep(
                "id: x\ndo: container.run\ncli: c\nname: Meu_Web\nimage: docker.io/nginx:latest\n"
                    + CHECKED))
        .containsExactly(
            "7: step 'x': container name 'Meu_Web' must match [a-z0-9][a-z0-9_.-]{0,40} (a logical"
                + " name; the workbench prefixes it per session)",
            // the image a container runs takes no tag: there a tag is most often a registry's image
            "7: step 'x': image name 'docker.io/nginx:latest' must match"
                + " [a-z0-9][a-z0-9_.-]{0,40} (a logical"
                + " name; the workbench prefixes it per session)");
  }

  @Test
  void an_image_name_may_carry_a_tag_as_docker_tag_gives_one() {
    assertThat(
            lintStep(
                "id: x\ndo: image.tag\ncli: c\nimage: meu-site\ntag: meu-site:1.0\n"
                    + "expect:\n  - image: { name: \"meu-site:1.0\" }\n"))
        .isEmpty();
    assertThat(
            lintStep(
                "id: x\ndo: image.tag\ncli: c\nimage: meu-site\ntag: \"meu-site:\"\n"
                    + "expect:\n  - image: { name: meu-site }\n"))
        .hasSize(1);
  }

  @Test
  void names_made_of_parameters_are_checked_with_their_defaults() {
    assertThat(
            lintStep(
                RUN.replace("name: a", "name: '${NOME}'") + "params: {NOME: meu-web}\n" + CHECKED))
        .isEmpty();
  }

  @Test
  void build_contexts_and_compose_files_must_exist_inside_the_project() throws IOException {
    assertThat(
            lintStep("id: x\ndo: image.build\ncli: c\nimage: demo\ncontext: ../fora\n" + CHECKED))
        .containsExactly(
            "7: step 'x': build context '../fora' must stay inside the project folder");
    assertThat(lintStep("id: x\ndo: image.build\ncli: c\nimage: demo\ncontext: demo\n" + CHECKED))
        .containsExactly("7: step 'x': build context 'demo' is not a folder of the project");
    Files.createDirectories(root.resolve("demo"));
    assertThat(lintStep("id: x\ndo: image.build\ncli: c\nimage: demo\ncontext: demo\n" + CHECKED))
        .containsExactly("7: step 'x': dockerfile 'Dockerfile' is not in the build context 'demo'");
    Files.writeString(root.resolve("demo/Dockerfile"), "FROM workbench/debian:bookworm\n");
    assertThat(lintStep("id: x\ndo: image.build\ncli: c\nimage: demo\ncontext: demo\n" + CHECKED))
        .isEmpty();
    assertThat(lintStep("id: x\ndo: compose.up\ncli: c\nfile: /etc/compose.yaml\n" + CHECKED))
        .containsExactly(
            "7: step 'x': compose file '/etc/compose.yaml' must stay inside the project folder");
  }

  @Test
  void pictures_linked_from_prose_must_be_in_the_lesson_folder() throws IOException {
    Path file =
        LessonFiles.write(
            lessons(),
            "01-demo",
            LessonFiles.front("demo", 1)
                + "Texto.\n\n"
                + "![ok](ok.svg) e ![falta](falta.svg)\n\n"
                + "![longe](../x.png) ![web](https://x/y.png)\n");
    Files.writeString(file.resolveSibling("ok.svg"), "<svg/>");
    assertThat(lint())
        .containsExactly(
            "9: picture 'falta.svg' is not in the lesson folder",
            "11: picture '../x.png' must be a file of the lesson folder");
  }

  @Test
  void container_steps_need_the_container_made_by_an_earlier_step() {
    LessonFiles.write(
        lessons(),
        "01-demo",
        LessonFiles.front("demo", 1)
            + LessonFiles.step(
                "id: parar\ndo: container.stop\ncli: docker stop a\nname: a\n" + CHECKED)
            + LessonFiles.step(RUN.replace("id: x", "id: criar") + CHECKED)
            + LessonFiles.step(
                "id: parar-de-novo\ndo: container.stop\ncli: docker stop a\nname: a\n" + CHECKED));
    assertThat(lint())
        .containsExactly(
            "7: step 'parar': container 'a' is not created by an earlier step of this lesson"
                + " (container.create or container.run)");
  }

  @Test
  void step_ids_are_unique_in_a_lesson() {
    LessonFiles.write(
        lessons(),
        "01-demo",
        LessonFiles.front("demo", 1)
            + LessonFiles.step("id: ver\ndo: image.list\ncli: docker images\n" + CHECKED)
            + LessonFiles.step("id: ver\ndo: container.list\ncli: docker ps\n" + CHECKED));
    assertThat(lint())
        .containsExactly("14: step 'ver': id already used by an earlier step of this lesson");
  }

  @Test
  void parse_errors_are_findings_too() {
    assertThat(lintStep("id: x\ndo: nada"))
        .singleElement()
        .asString()
        .startsWith("7: step 'x': 'do' must be one of");
  }

  @Test
  void a_lesson_folder_is_named_after_its_id() {
    LessonFiles.write(lessons(), "01-outro-nome", LessonFiles.front("demo", 1));
    assertThat(lint())
        .containsExactly(
            "1: front matter: id 'demo' does not match the folder '01-outro-nome' (lesson folders"
                + " are named NN-id)");
  }

  @Test
  void every_broken_step_of_a_file_is_reported_at_once() {
    LessonFiles.write(
        lessons(),
        "01-demo",
        LessonFiles.front("demo", 1)
            + LessonFiles.step("id: a\ndo: image.lst")
            + LessonFiles.step("id: b\ndo: image.list\ncli: c\ncomand: [x]"));
    assertThat(lint())
        .containsExactly(
            "7: step 'a': 'do' must be one of "
                + String.join(", ", dev.workbench.step.Action.KINDS)
                + "; got 'image.lst' (did you mean 'image.list'?)",
            "11: step 'b': unknown key 'comand' (allowed: id, do, title, cli, params, expect, group, heroku)");
  }

  @Test
  void a_firestore_table_needs_a_step_that_makes_its_container_and_publishes_the_port() {
    String table = "```firestore-table\ncontainer: a\ncollection: produtos\ncolumns: [nome]\n```\n";
    LessonFiles.write(
        lessons(),
        "01-demo",
        LessonFiles.front("demo", 1)
            + LessonFiles.step(RUN + CHECKED)
            + table
            + table.replace("container: a", "container: b"));
    assertThat(lint())
        .containsExactly(
            "16: firestore-table: container 'a' does not publish port 8080 (add it to the step's"
                + " 'ports')",
            "21: firestore-table: container 'b' is not made by any step of this lesson"
                + " (container.create or container.run)");
  }
}
