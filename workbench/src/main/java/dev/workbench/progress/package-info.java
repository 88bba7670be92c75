/**
 * What each learner has done: per session, lesson and step, the last run's status, output, checks
 * and parameter values, and the latest answer to each quiz and exercise ({@link
 * dev.workbench.progress.Answer}), in an embedded H2 file under the data dir so it survives a
 * restart.
 */
package dev.workbench.progress;
