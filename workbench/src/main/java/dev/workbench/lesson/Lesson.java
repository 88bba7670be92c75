package dev.workbench.lesson;

import dev.workbench.step.Action;
import dev.workbench.step.ContainerSpec;
import dev.workbench.step.Step;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One lesson: front matter, then prose and steps in the order the file has them.
 *
 * @param source the lesson file, for error messages; step paths resolve from the project root
 */
public record Lesson(
    String id, String title, int order, String summary, Path source, List<Block> blocks) {

  public Lesson {
    blocks = List.copyOf(blocks);
  }

  /** A piece of a lesson page: Markdown prose, a runnable step or a live table. */
  public sealed interface Block {
    /**
     * Markdown text between steps, exactly as written, rendered to HTML by the page.
     *
     * @param line the file line the text starts on, so the linter can point at a broken picture
     */
    record Prose(String markdown, int line) implements Block {
      public Prose(String markdown) {
        this(markdown, 0);
      }
    }

    record StepBlock(Step step) implements Block {}

    /**
     * A {@code firestore-table} block: the page shows a collection of a Firestore emulator running
     * in one of the learner's containers, read again every few seconds, so a learner watches data
     * change while a step runs.
     *
     * @param container the logical name of the emulator's container, its {@code port} published
     * @param project the emulator project, or empty for the one the course uses everywhere
     * @param columns the document fields shown, in order; the last is the one the count line counts
     * @param line the line of the opening fence, for error messages
     */
    record FirestoreTable(
        String container,
        int port,
        String project,
        String collection,
        List<String> columns,
        int line)
        implements Block {
      public FirestoreTable {
        project = project == null ? "" : project;
        columns = List.copyOf(columns);
      }
    }
  }

  public List<Step> steps() {
    return blocks.stream()
        .filter(Block.StepBlock.class::isInstance)
        .map(b -> ((Block.StepBlock) b).step())
        .toList();
  }

  /** The live tables, in page order: the site names one by its index here. */
  public List<Block.FirestoreTable> tables() {
    return blocks.stream()
        .filter(Block.FirestoreTable.class::isInstance)
        .map(Block.FirestoreTable.class::cast)
        .toList();
  }

  /** The steps that make a container of this logical name (container.create or container.run). */
  public List<Step> stepsCreating(String container) {
    return steps().stream()
        .filter(s -> created(s.action()).filter(spec -> spec.name().equals(container)).isPresent())
        .toList();
  }

  /** The container an action makes, if it makes one. */
  public static Optional<ContainerSpec> created(Action action) {
    if (action instanceof Action.CreateContainer create) {
      return Optional.of(create.spec());
    }
    return action instanceof Action.RunContainer run ? Optional.of(run.spec()) : Optional.empty();
  }

  public Optional<Step> step(String stepId) {
    return steps().stream().filter(s -> s.id().equals(stepId)).findFirst();
  }
}
