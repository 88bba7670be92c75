package dev.workbench.lesson;

import dev.workbench.step.Action;
import dev.workbench.step.ContainerSpec;
import dev.workbench.step.Step;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One lesson: front matter, then prose and steps in the order the file has them.
 *
 * @param source the lesson file, for error messages; step paths resolve from the project root
 * @param minutes how long the lesson takes in class (front matter {@code minutes}), 0 when unsaid:
 *     the instructor's guide plans with it
 */
public record Lesson(
    String id,
    String title,
    int order,
    String summary,
    Path source,
    List<Block> blocks,
    int minutes) {

  public Lesson {
    blocks = List.copyOf(blocks);
  }

  /** A lesson whose front matter does not say how long it takes. */
  public Lesson(
      String id, String title, int order, String summary, Path source, List<Block> blocks) {
    this(id, title, order, summary, source, blocks, 0);
  }

  /**
   * A piece of a lesson page: Markdown prose, a runnable step, a live table, a quiz or a "predict,
   * then run" exercise.
   */
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

    /**
     * What a quiz and an exercise share: a question, two to six options (Markdown inline text) and
     * the right one, with the explanation the page shows once the learner has answered.
     */
    sealed interface Question extends Block {
      String id();

      String question();

      List<String> options();

      /** The right option, counted from 1 as the author wrote it. */
      int answer();

      String explanation();

      /** The line of the opening fence, for error messages. */
      int line();

      /** Whether {@code choice} (counted from 1) is the right option. */
      default boolean right(int choice) {
        return choice == answer();
      }
    }

    /** A {@code quiz} block: a question answered on the page, no engine involved. */
    record Quiz(
        String id, String question, List<String> options, int answer, String explanation, int line)
        implements Question {
      public Quiz {
        options = List.copyOf(options);
      }
    }

    /**
     * An {@code exercise} block, "predict, then run": the learner sets the parameters in {@code
     * set} on the step {@code step}, picks what they think the engine will do, then runs the step.
     * The step's checks hold exactly when the right option happened, so {@code verify} runs that
     * step with {@code set} and proves the answer key against the real engine.
     *
     * @param step the id of a later step of the same lesson
     * @param set parameter values the exercise asks for (names of the step's params); verify uses
     *     them instead of the defaults
     */
    record Exercise(
        String id,
        String step,
        Map<String, String> set,
        String question,
        List<String> options,
        int answer,
        String explanation,
        int line)
        implements Question {
      public Exercise {
        set = Collections.unmodifiableMap(new LinkedHashMap<>(set));
        options = List.copyOf(options);
      }
    }
  }

  /** The quizzes and exercises, in page order. */
  public List<Block.Question> questions() {
    return blocks.stream()
        .filter(Block.Question.class::isInstance)
        .map(Block.Question.class::cast)
        .toList();
  }

  public Optional<Block.Question> question(String id) {
    return questions().stream().filter(q -> q.id().equals(id)).findFirst();
  }

  /** The exercise that asks for a prediction about this step, if one does. */
  public Optional<Block.Exercise> exerciseFor(String stepId) {
    return questions().stream()
        .filter(Block.Exercise.class::isInstance)
        .map(Block.Exercise.class::cast)
        .filter(e -> e.step().equals(stepId))
        .findFirst();
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
