package dev.workbench.web;

import dev.workbench.lesson.Course;
import dev.workbench.lesson.Lesson;
import dev.workbench.lesson.LessonFormatError;
import dev.workbench.step.Action;
import dev.workbench.step.Check;
import dev.workbench.step.ContainerSpec;
import dev.workbench.step.Param;
import dev.workbench.step.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A small course written into a temporary folder: one lesson with prose, a picture and three steps
 * (two of them side by side), one with a Heroku line, a code parameter and a live table, plus one
 * file that failed to parse. Built by hand so these tests depend on the site alone, not on the
 * parser or the real lessons.
 */
final class TestCourse {
  private TestCourse() {}

  static final String PROSE =
      """
      # Volumes

      Um arquivo escrito dentro de um contêiner some com ele.

      ![Camada ou volume](camada.svg)

      ## Por que <script>alert(1)</script>

      | comando | efeito |
      |---|---|
      | docker volume create | cria |
      """;

  static Course write(Path root) throws IOException {
    Path folder = Files.createDirectories(root.resolve("lessons/04-volumes"));
    Path source = folder.resolve("lesson.md");
    Files.writeString(source, "---\nid: volumes\n---\n" + PROSE);
    Files.writeString(folder.resolve("camada.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    Files.writeString(root.resolve("pom.xml"), "<project/>");

    Step create =
        new Step(
            "criar",
            "Criar o volume",
            "docker volume create ${NOME}",
            Map.of("NOME", new Param("NOME", "dados", null, "o nome do volume")),
            new Action.CreateVolume("${NOME}"),
            List.of(new Check.VolumeExists("${NOME}", true)),
            "",
            20);
    Step left =
        new Step(
            "jvm17",
            "Na JVM 17",
            "docker run workbench/jre:17 java -version",
            Map.of(),
            new Action.ListContainers(),
            List.of(new Check.OutputContains("17")),
            "jvms",
            30);
    Step right =
        new Step(
            "jvm21",
            "Na JVM 21",
            "docker run workbench/jdk:21 java -version",
            Map.of(),
            new Action.ListContainers(),
            List.of(new Check.OutputContains("21")),
            "jvms",
            40);
    Lesson volumes =
        new Lesson(
            "volumes",
            "Volumes",
            4,
            "Num volume, o arquivo fica.",
            source,
            List.of(
                new Lesson.Block.Prose(PROSE),
                new Lesson.Block.StepBlock(create),
                new Lesson.Block.StepBlock(left),
                new Lesson.Block.StepBlock(right)));
    LessonFormatError broken =
        new LessonFormatError(Path.of("lessons/09-quebrada/lesson.md"), 3, "falta o campo 'title'");
    return new Course(List.of(volumes, producao(root)), List.of(broken));
  }

  static final String CODE = "var a = 1;\nSystem.out.println(a + \"<b>\");\n";

  /**
   * A cloud-ish lesson: a step with a Heroku line and a multi-line parameter, then a live table.
   */
  private static Lesson producao(Path root) throws IOException {
    Path folder = Files.createDirectories(root.resolve("lessons/08-producao"));
    Path source = Files.writeString(folder.resolve("lesson.md"), "---\nid: producao\n---\n");
    ContainerSpec emulator =
        new ContainerSpec(
            "firestore",
            "workbench/firestore-emulator",
            List.of(),
            Map.of(),
            List.of(),
            null,
            List.of(8080),
            null,
            null);
    Step start =
        new Step(
            "firestore",
            "Ligar o emulador",
            "docker run --name firestore -e APP=${APP} emulador",
            Map.of(
                "APP",
                new Param("APP", "classificador", null, "o app"),
                "CODIGO",
                new Param("CODIGO", CODE, Pattern.compile("(?s).{1,8000}"), "edite e rode")),
            new Action.RunContainer(emulator, true),
            List.of(new Check.ContainerState("firestore", "running")),
            "",
            10,
            "heroku run worker --app ${APP}");
    Lesson.Block.FirestoreTable table =
        new Lesson.Block.FirestoreTable(
            "firestore", 8080, "", "produtos", List.of("nome", "categoria"), 30);
    return new Lesson(
        "producao",
        "Produção",
        8,
        "O emulador e a tabela.",
        source,
        List.of(new Lesson.Block.Prose("A tabela:"), new Lesson.Block.StepBlock(start), table));
  }
}
