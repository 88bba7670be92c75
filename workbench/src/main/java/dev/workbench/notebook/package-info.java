/**
 * Notebook cells: one live JShell per learner and lesson, like a Jupyter kernel, so a cell sees the
 * variables of the cells run before it. JShell's front end (compiling, analysing, reporting) runs
 * in the server; the snippets never do. They run in a JVM inside a container of the course's JDK
 * image ({@link dev.workbench.notebook.KernelContainer}, made through {@code engine.Kernels}): no
 * network, no engine socket, a non-root user, a read-only root, an empty environment, the course's
 * memory, CPU and PID limits, and only the classifier's jars, the dataset and the learner's own
 * files mounted. The server and the {@link dev.workbench.notebook.KernelAgent} inside talk over a
 * unix socket in the kernel's private folder. Whatever a snippet does — loop forever, print without
 * end, allocate or fork without end, call {@code System.exit} — costs that container at most, never
 * the server or the host. Each cell has a time limit and an output cap; processes a cell starts end
 * with it; idle notebooks are closed; a learner has one open and the server a few; none outlives
 * the server, and the kernels of a server killed outright are removed when the next one starts.
 */
package dev.workbench.notebook;
