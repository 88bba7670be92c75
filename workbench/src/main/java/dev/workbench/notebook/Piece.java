package dev.workbench.notebook;

/**
 * One snippet of a cell as JShell evaluates it, and where it sits in the cell, so a compile error
 * or an exception can name the line the learner sees.
 *
 * @param source the snippet's text, leading blank lines and comments included
 * @param line the cell line (from 1) on which {@code source} begins
 */
record Piece(String source, int line) {

  /** The cell line of a position in {@link #source()}; a negative position means the first line. */
  int lineOf(long position) {
    int end = clamp(position);
    int line = this.line;
    for (int i = 0; i < end; i++) {
      if (source.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** The cell line where the code itself starts, after leading blank lines and whitespace. */
  int firstCodeLine() {
    int i = 0;
    while (i < source.length() && Character.isWhitespace(source.charAt(i))) {
      i++;
    }
    return lineOf(i);
  }

  /** The text of the line holding {@code position}. */
  String textLineAt(long position) {
    int at = clamp(position);
    int start = source.lastIndexOf('\n', at - 1) + 1;
    int end = source.indexOf('\n', at);
    return source.substring(start, end < 0 ? source.length() : end);
  }

  /** The column (from 0) of {@code position} in its line. */
  int columnOf(long position) {
    int at = clamp(position);
    return at - (source.lastIndexOf('\n', at - 1) + 1);
  }

  private int clamp(long position) {
    return (int) Math.max(0, Math.min(position, source.length()));
  }
}
