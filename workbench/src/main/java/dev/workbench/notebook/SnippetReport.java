package dev.workbench.notebook;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Tells the learner what became of a snippet, as the {@code jshell} prompt would: {@code x ==> 42}
 * for a value, the compile error with its line and a caret, one line for an exception (its class
 * and message; the stack trace would be the notebook's plumbing, not the learner's code).
 */
final class SnippetReport {
  /** JShell's prompt truncates long values too; a model's {@code toString} can fill a screen. */
  static final int LONGEST_VALUE = 200;

  private static final Locale PT_BR = Locale.forLanguageTag("pt-BR");

  private final JShell shell;
  private final CellOutput output;

  SnippetReport(JShell shell, CellOutput output) {
    this.shell = shell;
    this.output = output;
  }

  /** Reports the events of one eval; true when the snippet is valid and ran without exception. */
  boolean report(Piece piece, List<SnippetEvent> events) {
    boolean ok = true;
    for (SnippetEvent event : events) {
      if (event.causeSnippet() == null) {
        ok &= reportOwn(piece, event);
      }
    }
    return ok;
  }

  private boolean reportOwn(Piece piece, SnippetEvent event) {
    Snippet snippet = event.snippet();
    switch (event.status()) {
      case VALID:
        if (event.exception() != null) {
          output.err("linha " + piece.firstCodeLine() + ": " + describe(event.exception()));
          return false;
        }
        showValue(snippet, event.value());
        return true;
      case RECOVERABLE_DEFINED:
      case RECOVERABLE_NOT_DEFINED:
        output.err(
            "linha "
                + piece.firstCodeLine()
                + ": "
                + name(snippet)
                + " depende de "
                + missing(snippet)
                + ", que ainda não existe; declare e rode de novo");
        return false;
      default:
        List<Diag> errors = shell.diagnostics(snippet).filter(Diag::isError).toList();
        if (errors.isEmpty()) {
          output.err(
              "linha "
                  + piece.firstCodeLine()
                  + ": o JShell recusou o trecho ("
                  + event.status()
                  + ")");
        }
        errors.forEach(d -> compileError(piece, d));
        return false;
    }
  }

  private void compileError(Piece piece, Diag diag) {
    long at = diag.getPosition() >= 0 ? diag.getPosition() : diag.getStartPosition();
    String[] message = diag.getMessage(PT_BR).split("\n");
    output.err("linha " + piece.lineOf(at) + ": erro de compilação: " + message[0]);
    for (int i = 1; i < message.length; i++) {
      // javac names JShell's hidden wrapper class here; it means nothing to the learner.
      if (!message[i].strip().equals("location: class")) {
        output.err("    " + message[i].strip());
      }
    }
    if (at >= 0) {
      output.err("    " + piece.textLineAt(at));
      output.err("    " + " ".repeat(piece.columnOf(at)) + "^");
    }
  }

  private void showValue(Snippet snippet, String value) {
    if (snippet instanceof VarSnippet var) {
      valueLine(var.name(), value);
    } else if (snippet instanceof ExpressionSnippet expression) {
      valueLine(expression.name(), value);
    } else if (snippet instanceof MethodSnippet method) {
      output.info("método " + method.name() + "(" + method.parameterTypes() + ") criado");
    } else if (snippet instanceof TypeDeclSnippet type) {
      output.info("tipo " + type.name() + " criado");
    }
  }

  private void valueLine(String name, String value) {
    String shown = value == null ? "null" : value;
    if (shown.length() > LONGEST_VALUE) {
      shown = shown.substring(0, LONGEST_VALUE) + "…";
    }
    String[] lines = shown.split("\n", -1);
    output.out(name + " ==> " + lines[0]);
    for (int i = 1; i < lines.length; i++) {
      output.out(lines[i]);
    }
  }

  private String missing(Snippet snippet) {
    if (snippet instanceof jdk.jshell.DeclarationSnippet declaration) {
      String names = shell.unresolvedDependencies(declaration).collect(Collectors.joining(", "));
      if (!names.isEmpty()) {
        return names;
      }
    }
    return "algo";
  }

  static String describe(JShellException exception) {
    if (exception instanceof UnresolvedReferenceException unresolved) {
      return name(unresolved.getSnippet()) + " ainda depende de algo que não foi declarado";
    }
    String type =
        exception instanceof EvalException eval
            ? eval.getExceptionClassName()
            : exception.getClass().getName();
    String message = exception.getMessage();
    return "exceção "
        + type
        + (message == null || message.isBlank() ? "" : ": " + message.strip().replace('\n', ' '));
  }

  private static String name(Snippet snippet) {
    if (snippet instanceof MethodSnippet method) {
      return "o método " + method.name();
    }
    if (snippet instanceof TypeDeclSnippet type) {
      return "o tipo " + type.name();
    }
    if (snippet instanceof VarSnippet var) {
      return "a variável " + var.name();
    }
    return "o trecho";
  }
}
