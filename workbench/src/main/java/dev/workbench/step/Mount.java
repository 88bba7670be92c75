package dev.workbench.step;

/** Storage attached to a container: a named volume, or a folder under the session's own files. */
public sealed interface Mount {
  String target();

  boolean readOnly();

  /** A named volume, scoped to the learner's session like every other resource name. */
  record Volume(String volume, String target, boolean readOnly) implements Mount {}

  /**
   * A folder of the learner's session files (under the workbench data dir), never an arbitrary host
   * path: {@code source} is relative and may not climb out with {@code ..}.
   */
  record Bind(String source, String target, boolean readOnly) implements Mount {}
}
