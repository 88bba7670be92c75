/**
 * The cloud of the {@code nuvem} lesson, made of real parts: a registry (the CNCF distribution
 * registry, in a container of the learner's engine, with htpasswd users) and a second Docker engine
 * standing for the remote host (a {@code dockerd} in a container of the learner's engine, never a
 * daemon on the host), or the registry and engine an instructor configures. Here the released
 * worker runs once or on a schedule.
 *
 * <p>One {@link dev.workbench.cloud.Clouds}, made and closed by its owner (the step runner) with a
 * {@link dev.workbench.cloud.CloudConfig}, keeps one {@link dev.workbench.cloud.Cloud} per session,
 * within {@link dev.workbench.cloud.CloudLimits}; a lesson's reset and the owner's close (the one
 * shutdown path of {@code serve} and {@code verify}) stop them, and the next start removes what a
 * killed server left. Nothing here reads the environment: the command line does, once.
 *
 * <p>The swarm of the orchestration lesson is owned the same way: one {@link
 * dev.workbench.cloud.Swarms} per learner engine, made and closed by the step runner with a {@link
 * dev.workbench.cloud.SwarmLimits}, keeps one {@code StandInSwarm} per session under the same
 * {@code OnePerLearner} rule as the clouds.
 */
package dev.workbench.cloud;
