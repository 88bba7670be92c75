package dev.workbench.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.step.Action;
import dev.workbench.step.Check;
import dev.workbench.step.ContainerSpec;
import dev.workbench.step.Limits;
import dev.workbench.step.Mount;
import dev.workbench.step.Step;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonParserTest {

  @TempDir Path lessons;

  private static final String GOOD =
"""
---
id: volumes
title: Volumes
order: 4
summary: Um arquivo escrito dentro de um contêiner some com ele.
---

# Sem volume

Veja ![camadas](camadas.svg).

```step
id: sem-volume
do: container.run
title: Escrever um arquivo
cli: docker run --name efemero workbench/debian:bookworm sh -c 'echo "${TEXTO}" > /root/file.txt'
params:
  TEXTO: "Aqui vai uma frase"
  NOME: { default: efemero, pattern: "[a-z]+", help: o nome do contêiner }
name: efemero
image: workbench/debian:bookworm
command: [sh, -c, 'echo "$TEXTO" > /root/file.txt']
env: { LANG: C.UTF-8 }
mounts:
  - { volume: dados, target: /data }
  - { bind: meus-arquivos, target: /mnt, readOnly: true }
ports: [80, 443]
workdir: /root
limits: { memory: 1g, cpus: 0.5 }
group: lado-a-lado
expect:
  - exitCode: 0
  - file: { container: efemero, path: /root/file.txt, contains: "${TEXTO}" }
```

Depois do passo.

| a | b |
|---|---|
""";

  @Test
  void reads_front_matter_prose_and_steps_in_file_order() {
    Lesson lesson = LessonParser.parse(LessonFiles.write(lessons, "04-volumes", GOOD));

    assertThat(lesson.id()).isEqualTo("volumes");
    assertThat(lesson.title()).isEqualTo("Volumes");
    assertThat(lesson.order()).isEqualTo(4);
    assertThat(lesson.summary()).startsWith("Um arquivo escrito");
    assertThat(lesson.blocks()).hasSize(3);
    assertThat(lesson.blocks().get(0))
        .isEqualTo(new Lesson.Block.Prose("# Sem volume\n\nVeja ![camadas](camadas.svg).", 8));
    assertThat(lesson.blocks().get(1)).isInstanceOf(Lesson.Block.StepBlock.class);
    assertThat(lesson.blocks().get(2))
        .isEqualTo(new Lesson.Block.Prose("Depois do passo.\n\n| a | b |\n|---|---|", 36));
  }

  @Test
  void reads_a_step_with_its_line_params_container_keys_and_checks() {
    Step step =
        LessonParser.parse(LessonFiles.write(lessons, "04-volumes", GOOD))
            .step("sem-volume")
            .orElseThrow();

    assertThat(step.line()).isEqualTo(12);
    assertThat(step.title()).isEqualTo("Escrever um arquivo");
    assertThat(step.cli()).startsWith("docker run --name efemero");
    assertThat(step.group()).isEqualTo("lado-a-lado");
    assertThat(step.params().get("TEXTO").defaultValue()).isEqualTo("Aqui vai uma frase");
    assertThat(step.params().get("NOME").pattern().pattern()).isEqualTo("[a-z]+");
    assertThat(step.params().get("NOME").help()).isEqualTo("o nome do contêiner");
    assertThat(step.action()).isInstanceOf(Action.RunContainer.class);
    ContainerSpec spec = ((Action.RunContainer) step.action()).spec();
    assertThat(spec.command()).containsExactly("sh", "-c", "echo \"$TEXTO\" > /root/file.txt");
    assertThat(spec.env()).containsEntry("LANG", "C.UTF-8");
    assertThat(spec.mounts())
        .containsExactly(
            new Mount.Volume("dados", "/data", false),
            new Mount.Bind("meus-arquivos", "/mnt", true));
    assertThat(spec.ports()).containsExactly(80, 443);
    assertThat(spec.workdir()).isEqualTo("/root");
    assertThat(spec.limits()).isEqualTo(new Limits(1L << 30, 0.5, Limits.DEFAULT.pids()));
    assertThat(step.expect())
        .containsExactly(
            new Check.ExitCode(0),
            new Check.FileInContainer("efemero", "/root/file.txt", "${TEXTO}", false));
  }

  @Test
  void a_firestore_table_block_is_read_with_its_defaults_between_prose() {
    Path file =
        LessonFiles.write(
            lessons,
            "01-demo",
            LessonFiles.front("demo", 1)
                + "Antes.\n\n```firestore-table\ncontainer: firestore\ncollection: produtos\n"
                + "columns: [nome, descricao, categoria]\n```\n\nDepois.\n");

    Lesson lesson = LessonParser.parse(file);
    assertThat(lesson.blocks())
        .containsExactly(
            new Lesson.Block.Prose("Antes.", 7),
            new Lesson.Block.FirestoreTable(
                "firestore", 8080, "", "produtos", List.of("nome", "descricao", "categoria"), 9),
            new Lesson.Block.Prose("Depois.", 15));
    assertThat(lesson.tables()).hasSize(1);
  }

  @Test
  void fenced_blocks_of_other_languages_stay_prose() {
    Path file =
        LessonFiles.write(
            lessons, "01-demo", LessonFiles.front("demo", 1) + "```bash\ndocker ps\n```\n");

    assertThat(LessonParser.parse(file).blocks())
        .containsExactly(new Lesson.Block.Prose("```bash\ndocker ps\n```", 7));
  }
}
