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
public record Lesson(
    String id, String title, int order, String summary, Path source, List<Block> blocks) {

  public Lesson {
    blocks = List.copyOf(blocks);
  }

  /** A piece of a lesson page: Markdown prose or a runnable step. */
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
