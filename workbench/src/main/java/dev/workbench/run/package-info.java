/**
 * Runs lesson steps: performs a step's action through the engine, streams what happens as {@link
 * dev.workbench.run.RunEvent}s, then evaluates the step's checks against the engine's state. The
 * site, {@code verify} and the tests all run steps through {@link dev.workbench.run.StepRunner}.
 */
package dev.workbench.run;
