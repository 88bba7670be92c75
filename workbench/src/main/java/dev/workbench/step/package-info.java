/**
 * What a lesson step is: the closed set of Docker actions a learner can run ({@link Action}), the
 * expectations checked against the engine's real state afterwards ({@link Check}), and the
 * parameters a learner may edit ({@link Param}). Pure data, no engine calls.
 */
package dev.workbench.step;
