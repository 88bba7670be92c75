package dev.workbench.lesson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * A lesson file → {@link Lesson}: the front matter, then the top-level fenced blocks whose info
 * string is {@code step} become steps, and so do notebook cells ({@code cell}, see {@link
 * CellReader}); those whose info string is {@code firestore-table} become live tables, {@code quiz}
 * and {@code exercise} become questions, and the Markdown between them stays prose, byte for byte.
 * Any problem is a {@link LessonFormatError} pointing at the block or the front matter.
 */
public final class LessonParser {
  private LessonParser() {}

  /** Source spans give each block its line, which is what every error message needs. */
  private static final Parser MARKDOWN =
      Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

  public static Lesson parse(Path lessonFile) {
    List<LessonFormatError> problems = new ArrayList<>();
    Lesson lesson = parse(lessonFile, problems);
    if (!problems.isEmpty()) {
      throw problems.get(0);
    }
    return lesson;
  }

  /**
   * Reads every step even after a broken one, so lint shows all of a file's problems at once;
   * returns null (and fills {@code problems}) when anything is wrong.
   */
  static Lesson parse(Path lessonFile, List<LessonFormatError> problems) {
    try {
      List<String> lines = readLines(lessonFile);
      FrontMatter front = FrontMatter.read(lessonFile, lines);
      // Blank the front matter instead of cutting it: block line numbers stay file line numbers.
      List<String> body = new ArrayList<>(Collections.nCopies(front.bodyStart(), ""));
      body.addAll(lines.subList(front.bodyStart(), lines.size()));
      Node document = MARKDOWN.parse(String.join("\n", body));
      rejectNestedSteps(document, lessonFile);
      int before = problems.size();
      List<Lesson.Block> blocks = blocks(document, lines, front.bodyStart(), lessonFile, problems);
      return problems.size() > before
          ? null
          : new Lesson(
              front.id(),
              front.title(),
              front.order(),
              front.summary(),
              lessonFile,
              blocks,
              front.minutes());
    } catch (LessonFormatError e) {
      problems.add(e);
      return null;
    }
  }

  private static List<Lesson.Block> blocks(
      Node document, List<String> lines, int from, Path file, List<LessonFormatError> problems) {
    List<Lesson.Block> blocks = new ArrayList<>();
    int proseFrom = from;
    for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof FencedCodeBlock code && kind(code) != null) {
        int first = firstLine(node);
        addProse(blocks, lines, proseFrom, first);
        try {
          blocks.add(block(code, file, first));
        } catch (LessonFormatError e) {
          problems.add(e);
        }
        proseFrom = lastLine(node) + 1;
      }
    }
    addProse(blocks, lines, proseFrom, lines.size());
    return blocks;
  }

  private static Lesson.Block block(FencedCodeBlock code, Path file, int first) {
    String kind = kind(code);
    if (code.getClosingFenceLength() == null) {
      throw new LessonFormatError(
          file,
          first + 1,
          kind
              + " block is not closed: end it with a line of "
              + code.getFenceCharacter().repeat(code.getOpeningFenceLength()));
    }
    return switch (kind) {
      case "step" ->
          new Lesson.Block.StepBlock(StepReader.read(code.getLiteral(), file, first + 1));
      case CellReader.INFO ->
          new Lesson.Block.StepBlock(CellReader.read(code.getLiteral(), file, first + 1));
      case FirestoreTableReader.INFO ->
          FirestoreTableReader.read(code.getLiteral(), file, first + 1);
      default -> QuestionReader.read(kind, code.getLiteral(), file, first + 1);
    };
  }

  /** Lines {@code [from, to)} as they were written, without blank lines at either end. */
  private static void addProse(List<Lesson.Block> blocks, List<String> lines, int from, int to) {
    while (from < to && lines.get(from).isBlank()) {
      from++;
    }
    while (to > from && lines.get(to - 1).isBlank()) {
      to--;
    }
    if (from < to) {
      blocks.add(new Lesson.Block.Prose(String.join("\n", lines.subList(from, to)), from + 1));
    }
  }

  /** A block inside a list or quote would silently never show, so it is an error. */
  private static void rejectNestedSteps(Node document, Path file) {
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(FencedCodeBlock code) {
            String kind = kind(code);
            if (kind != null && !(code.getParent() instanceof Document)) {
              throw new LessonFormatError(
                  file,
                  firstLine(code) + 1,
                  kind.equals("step")
                      ? "step block inside a list or quote: steps must start at the left margin"
                      : kind + " block inside a list or quote: it must start at the left margin");
            }
          }
        });
  }

  /** The block kind a fence's info string names, or null for ordinary code shown as code. */
  private static String kind(FencedCodeBlock code) {
    String info = code.getInfo() == null ? "" : code.getInfo().strip();
    if (isStep(code)) {
      return "step";
    }
    return switch (info) {
      case CellReader.INFO,
          FirestoreTableReader.INFO,
          QuestionReader.QUIZ,
          QuestionReader.EXERCISE ->
          info;
      default -> null;
    };
  }

  private static boolean isStep(FencedCodeBlock code) {
    String info = code.getInfo() == null ? "" : code.getInfo().strip();
    return info.equals("step") || info.startsWith("step ");
  }

  private static int firstLine(Node node) {
    return node.getSourceSpans().get(0).getLineIndex();
  }

  private static int lastLine(Node node) {
    return node.getSourceSpans().get(node.getSourceSpans().size() - 1).getLineIndex();
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new LessonFormatError(file, 1, "cannot read the lesson file: " + e.getMessage());
    }
  }
}
