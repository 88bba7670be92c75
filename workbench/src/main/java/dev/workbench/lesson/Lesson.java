package dev.workbench.lesson;

import dev.workbench.step.Step;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One lesson: front matter, then prose and steps in the order the file has them.
 *
 * @param source the lesson file, for error messages; step paths resolve from the project root
 */
public record Lesson(String id, String title, int order, String summary, Path source, List<Block> blocks) {

  public Lesson {
    blocks = List.copyOf(blocks);
  }

  /** A piece of a lesson page: Markdown prose or a runnable step. */
  public sealed interface Block {
    /** Markdown text between steps, rendered to HTML by the page. */
    record Prose(String markdown) implements Block {}

    record StepBlock(Step step) implements Block {}
  }

  public List<Step> steps() {
    return blocks.stream()
        .filter(Block.StepBlock.class::isInstance)
        .map(b -> ((Block.StepBlock) b).step())
        .toList();
  }

  public Optional<Step> step(String stepId) {
    return steps().stream().filter(s -> s.id().equals(stepId)).findFirst();
  }
}
