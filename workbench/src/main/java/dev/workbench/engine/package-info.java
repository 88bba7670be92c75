/**
 * The only place that talks to the Docker engine (docker-java, and the compose binary). It scopes
 * every name to a learner's session, labels everything it creates, puts limits on every container
 * and resolves base images: pulled where a registry answers, else built locally from Debian.
 */
package dev.workbench.engine;
