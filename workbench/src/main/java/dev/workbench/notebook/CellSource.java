package dev.workbench.notebook;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Cuts a cell into snippets the way Java reads it: a snippet ends where its statement or
 * declaration ends, so a call chain may continue on the next line (JShell's own prompt would take a
 * line that parses on its own as complete). Only the last snippet may leave out its semicolon, and
 * an expression there shows its value, as in a Jupyter cell.
 */
final class CellSource {
  private CellSource() {}

  static List<Piece> split(SourceCodeAnalysis analysis, String code) {
    List<Piece> pieces = new ArrayList<>();
    String rest = code.replace("\r\n", "\n");
    int line = 1;
    while (!rest.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
      switch (info.completeness()) {
        case COMPLETE:
        case COMPLETE_WITH_SEMI:
          int consumed = rest.length() - info.remaining().length();
          if (consumed <= 0 || info.source() == null) {
            pieces.add(new Piece(rest, line));
            return pieces;
          }
          pieces.add(new Piece(info.source(), line));
          line += count('\n', rest.substring(0, consumed));
          rest = info.remaining();
          break;
        case EMPTY:
          return pieces; // only comments are left
        default:
          // Incomplete or unparseable: evaluating it as it is gets javac's own error message.
          pieces.add(new Piece(rest, line));
          return pieces;
      }
    }
    return pieces;
  }

  private static int count(char c, String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }
}
