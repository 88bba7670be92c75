/**
 * The only place that talks to the Docker engine (docker-java, and the compose binary). It scopes
 * every name to a learner's session, labels everything it creates, puts limits on every container
 * (its log included), counts each learner's containers, images, volumes and networks against their
 * {@link dev.workbench.engine.Quotas} before making more, and resolves base images: pulled where a
 * registry answers, else built locally from Debian. Host paths a container may see are the
 * learner's own folder as it really is, links resolved; host programs it runs have time-outs that
 * fire. The engine's refusals learners meet often (a name or port taken, no such container or
 * image, a full disk) are read from Docker's words in one place, {@link
 * dev.workbench.engine.KnownError}, and said in pt-BR with the command that fixes them. The
 * terminal's {@code docker} CLI reaches a learner's engine only through an {@link
 * dev.workbench.engine.ApiProxy}, whose {@link dev.workbench.engine.ApiRules} refuse whatever would
 * reach the host; its shell runs in a locked-down {@link dev.workbench.engine.Toolboxes toolbox}.
 */
package dev.workbench.engine;
