package dev.workbench.run;

/** What a running step reports, in order: started, any output and progress, checks, finished. */
public sealed interface RunEvent {
  String stepId();

  record Started(String stepId, String cli) implements RunEvent {}

  /** One line of output; {@code stream} is out, err or info (the workbench's own narration). */
  record Output(String stepId, String stream, String text) implements RunEvent {}

  /** Progress of long work (an image build, a pull); total is 0 when unknown. */
  record Progress(String stepId, String label, long current, long total) implements RunEvent {}

  record CheckDone(String stepId, String description, boolean passed, String detail)
      implements RunEvent {}

  record Finished(String stepId, StepResult result) implements RunEvent {}
}
