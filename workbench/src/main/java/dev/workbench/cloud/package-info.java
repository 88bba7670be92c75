/**
 * The cloud of the {@code nuvem} lesson, made of real parts: a registry (the CNCF distribution
 * registry, in a container of the learner's engine, with htpasswd users) and a second Docker engine
 * standing for the remote host (a {@code dockerd} the workbench starts and stops), or the registry
 * and engine an instructor configures. Here the released worker runs once or on a schedule.
 *
 * <p>One {@link dev.workbench.cloud.Clouds} per engine keeps one {@link dev.workbench.cloud.Cloud}
 * per session; a lesson's reset, {@code verify} and the server's shutdown stop them.
 */
package dev.workbench.cloud;
