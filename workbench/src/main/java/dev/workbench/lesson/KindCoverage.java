package dev.workbench.lesson;

import dev.workbench.step.Action;
import dev.workbench.step.Check;
import dev.workbench.step.Kinds;
import java.util.ArrayList;
import java.util.List;

/**
 * Which step kinds the lesson format does not handle yet: a record with no reader row, or no
 * logical-name rule. The runner's test asks, so adding a record without them fails the build,
 * naming the record.
 */
public final class KindCoverage {
  private KindCoverage() {}

  /** Each gap as "Action.Foo (foo.bar) has no …"; empty when every kind is handled. */
  public static List<String> gaps() {
    List<String> gaps = new ArrayList<>();
    gaps.addAll(
        Kinds.missing(Action.class, ActionReader.BY_RECORD.keySet(), "reader row (ActionReader)"));
    gaps.addAll(
        Kinds.missing(Check.class, CheckReader.BY_RECORD.keySet(), "reader row (CheckReader)"));
    gaps.addAll(
        Kinds.missing(
            Action.class, LogicalNames.ACTION_RULES.keySet(), "logical-name rule (LogicalNames)"));
    gaps.addAll(
        Kinds.missing(
            Check.class, LogicalNames.CHECK_RULES.keySet(), "logical-name rule (LogicalNames)"));
    return gaps;
  }
}
