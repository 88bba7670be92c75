/**
 * Notebook cells: one live JShell per learner and lesson, like a Jupyter kernel, so a cell sees the
 * variables of the cells run before it. The snippets run in a separate JVM (JShell's JDI remote
 * agent) with the classifier on its classpath; whatever a snippet does — loop forever, print
 * without end, call {@code System.exit} — costs that JVM at most, never the server. Each cell has a
 * time limit and an output cap; idle notebooks are closed, and none outlives the server.
 */
package dev.workbench.notebook;
