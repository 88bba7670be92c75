/**
 * Hosted labs: with {@code serve --labs} every learner gets a Docker engine of their own, a {@code
 * dockerd} in a limited container of this machine's engine ({@link
 * dev.workbench.engine.NestedEngines}), so {@code docker ps} in a lab shows only that learner's
 * work. {@link dev.workbench.labs.Labs} is the {@link dev.workbench.engine.LearnerEngines} the
 * runner, the panel and the tables ask; it keeps the lifecycle learners must be able to follow: a
 * spawn limit with a queue whose place is shown, a pool of labs started before anyone asks, idle
 * judged by the learner's own actions with a warning before the stop, a stopped lab that comes back
 * with its containers, a maximum age, and a clear "machine full" ({@link
 * dev.workbench.labs.LabsFull}, a 503) instead of a silent failure.
 *
 * <p>Labs get base images from {@link dev.workbench.labs.LabRegistry}, a CNCF registry this machine
 * fills from its own base images: never from the internet. Every lab container, network and volume
 * carries the owner label ({@link dev.workbench.engine.Owner}), so a server killed with its labs
 * running leaves nothing the next start does not remove.
 */
package dev.workbench.labs;
