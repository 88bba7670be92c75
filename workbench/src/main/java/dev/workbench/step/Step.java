package dev.workbench.step;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One runnable block of a lesson: an action against the engine, the {@code docker} command line a
 * learner would type for it, the parameters they may edit and what must hold afterwards.
 *
 * @param group steps sharing a group are shown side by side (e.g. the same program on two JVMs)
 * @param line the line of the lesson file where the step block starts, for error messages
 * @param heroku the Heroku CLI line for the same step (cloud lessons), or empty
 */
public record Step(
    String id,
    String title,
    String cli,
    Map<String, Param> params,
    Action action,
    List<Check> expect,
    String group,
    int line,
    String heroku) {

  public Step {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(action, "action");
    title = title == null ? "" : title;
    cli = cli == null ? "" : cli;
    group = group == null ? "" : group;
    heroku = heroku == null ? "" : heroku;
    params = Map.copyOf(params == null ? Map.of() : params);
    expect = List.copyOf(expect == null ? List.of() : expect);
  }

  /** A step with no Heroku line: every lesson but the cloud one. */
  public Step(
      String id,
      String title,
      String cli,
      Map<String, Param> params,
      Action action,
      List<Check> expect,
      String group,
      int line) {
    this(id, title, cli, params, action, expect, group, line, "");
  }
}
