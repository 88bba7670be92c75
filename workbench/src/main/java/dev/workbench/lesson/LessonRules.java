package dev.workbench.lesson;

import dev.workbench.step.Action;
import dev.workbench.step.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/** What a lesson as a whole must satisfy: steps that fit together and pictures that exist. */
final class LessonRules {
  private LessonRules() {}

  /** The picture types the site serves from a lesson folder. */
  static final List<String> PICTURES = List.of("svg", "png", "jpg", "jpeg", "gif");

  private static final Parser MARKDOWN =
      Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

  static void check(Lesson lesson, Findings findings) {
    folderName(lesson, findings);
    uniqueStepIds(lesson, findings);
    containersCreatedFirst(lesson, findings);
    pictures(lesson, findings);
    tablesHaveAnEmulator(lesson, findings);
    QuestionRules.check(lesson, findings);
  }

  /** What a translation's own text must satisfy; its steps are checked against the original. */
  static void checkProse(Lesson translation, Findings findings) {
    folderName(translation, findings);
    pictures(translation, findings);
  }

  private static void folderName(Lesson lesson, Findings findings) {
    Path folder = lesson.source().toAbsolutePath().getParent();
    String name = folder == null ? "" : folder.getFileName().toString();
    if (name.matches("\\d+-.+") && !name.substring(name.indexOf('-') + 1).equals(lesson.id())) {
      findings.add(
          1,
          "front matter: id '"
              + lesson.id()
              + "' does not match the folder '"
              + name
              + "' (lesson folders are named NN-id)");
    }
  }

  private static void uniqueStepIds(Lesson lesson, Findings findings) {
    Set<String> seen = new HashSet<>();
    for (Step step : lesson.steps()) {
      if (!seen.add(step.id())) {
        findings.add(
            step.line(),
            "step '" + step.id() + "': id already used by an earlier step of this lesson");
      }
    }
  }

  /**
   * A step that starts, stops, execs into… a container must follow the step that made it, or the
   * lesson fails for a learner who runs it top to bottom. Compose names its own containers, so
   * after a compose.up the rule cannot tell and stays quiet.
   */
  private static void containersCreatedFirst(Lesson lesson, Findings findings) {
    Set<String> created = new HashSet<>();
    for (Step step : lesson.steps()) {
      Action action = step.action();
      if (action instanceof Action.ComposeUp) {
        return;
      }
      Lesson.created(action).ifPresent(spec -> created.add(spec.name()));
      LogicalNames.containerName(action)
          .filter(name -> !created.contains(name))
          .ifPresent(
              name ->
                  findings.add(
                      step.line(),
                      "step '"
                          + step.id()
                          + "': container '"
                          + name
                          + "' is not created by an earlier step of this lesson (container.create"
                          + " or container.run)"));
    }
  }

  /**
   * A live table reads through the port its container publishes; a container no step makes, or one
   * that does not publish that port, would leave the table waiting forever.
   */
  private static void tablesHaveAnEmulator(Lesson lesson, Findings findings) {
    for (Lesson.Block.FirestoreTable table : lesson.tables()) {
      List<Step> makers = lesson.stepsCreating(table.container());
      String where = "firestore-table: container '" + table.container() + "' ";
      if (makers.isEmpty()) {
        findings.add(
            table.line(),
            where + "is not made by any step of this lesson (container.create or container.run)");
      } else if (makers.stream()
          .noneMatch(
              s -> Lesson.created(s.action()).orElseThrow().ports().contains(table.port()))) {
        findings.add(
            table.line(),
            where + "does not publish port " + table.port() + " (add it to the step's 'ports')");
      }
    }
  }

  private static void pictures(Lesson lesson, Findings findings) {
    Path folder = lesson.source().toAbsolutePath().normalize().getParent();
    for (Lesson.Block block : lesson.blocks()) {
      if (block instanceof Lesson.Block.Prose prose) {
        MARKDOWN
            .parse(prose.markdown())
            .accept(
                new AbstractVisitor() {
                  @Override
                  public void visit(Image image) {
                    int line = prose.line() + image.getSourceSpans().get(0).getLineIndex();
                    picture(image.getDestination(), folder, line, findings);
                  }
                });
      }
    }
  }

  private static void picture(String destination, Path folder, int line, Findings findings) {
    if (destination.isEmpty()
        || destination.contains(":")
        || destination.startsWith("/")
        || destination.startsWith("#")) {
      return; // a web address or a site path, not a file of the lesson
    }
    String file = destination.replaceAll("[?#].*$", "");
    Path resolved = folder.resolve(file).normalize();
    String extension = file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    if (!resolved.startsWith(folder)) {
      findings.add(line, "picture '" + destination + "' must be a file of the lesson folder");
    } else if (!Files.isRegularFile(resolved)) {
      findings.add(line, "picture '" + destination + "' is not in the lesson folder");
    } else if (!PICTURES.contains(extension)) {
      findings.add(
          line, "picture '" + destination + "': the site serves only SVG, PNG, JPEG and GIF");
    }
  }
}
