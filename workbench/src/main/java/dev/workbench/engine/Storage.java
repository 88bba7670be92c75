package dev.workbench.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Volumes, networks and the session's own files: what outlives a container. */
public final class Storage {
  private final Engine engine;
  private final DockerClient docker;

  Storage(Engine engine) {
    this.engine = engine;
    this.docker = engine.docker();
  }

  public void createVolume(Scope scope, String name) {
    createVolume(scope, name, Map.of());
  }

  /** The same, with labels beyond the scope's (a kind, an owning process). */
  public void createVolume(Scope scope, String name, Map<String, String> moreLabels) {
    engine
        .quota()
        .reserve(
            scope.session(),
            Demand.volumes(1),
            () ->
                engine.call(
                    () ->
                        docker
                            .createVolumeCmd()
                            .withName(scope.name(name))
                            .withLabels(Containers.labels(scope, moreLabels))
                            .exec()));
  }

  /** Creates the volume when missing, so the engine never makes an unlabelled one on its own. */
  void ensureVolume(Scope scope, String name) {
    if (!volumeExists(scope, name)) {
      createVolume(scope, name);
    }
  }

  public void removeVolume(Scope scope, String name) {
    engine.run(() -> docker.removeVolumeCmd(scope.name(name)).exec());
  }

  public boolean volumeExists(Scope scope, String name) {
    return volumeExistsByEngineName(scope.name(name));
  }

  /**
   * Whether a volume exists under the name the engine knows it by: an anonymous volume's (an
   * image's {@code VOLUME}) is the engine's own, not a learner's name.
   */
  public boolean volumeExistsByEngineName(String name) {
    try {
      engine.run(() -> docker.inspectVolumeCmd(name).exec());
      return true;
    } catch (EngineError e) {
      if (e.getCause() instanceof NotFoundException) {
        return false;
      }
      throw e;
    }
  }

  /** A user-defined bridge: containers on it find each other by name. */
  public void createNetwork(Scope scope, String name) {
    createNetwork(scope, name, Map.of());
  }

  /** The same, with labels beyond the scope's (a kind, an owning process). */
  public void createNetwork(Scope scope, String name, Map<String, String> moreLabels) {
    createNetwork(scope, name, moreLabels, null);
  }

  /**
   * A bridge on a subnet the caller picks (a hosted lab's, out of the engine's default pools, which
   * hold only about thirty networks); {@link EngineError} when it overlaps one in use. A null
   * {@code subnet} lets the engine pick from its pools.
   */
  public void createNetwork(
      Scope scope, String name, Map<String, String> moreLabels, String subnet) {
    engine
        .quota()
        .reserve(
            scope.session(),
            Demand.networks(1),
            () ->
                engine.call(
                    () -> {
                      var create =
                          docker
                              .createNetworkCmd()
                              .withName(scope.name(name))
                              .withDriver("bridge")
                              .withLabels(Containers.labels(scope, moreLabels))
                              .withCheckDuplicate(true);
                      if (subnet != null) {
                        create.withIpam(
                            new Network.Ipam()
                                .withConfig(new Network.Ipam.Config().withSubnet(subnet)));
                      }
                      return create.exec();
                    }));
  }

  /**
   * Attaches a container to every user-defined network another container is on (a host that must
   * reach a database joins the database's networks), where it is not attached yet.
   */
  public void joinNetworksOf(Scope scope, String container, String other) {
    List<String> theirs = containerNetworks(scope, other);
    List<String> mine = containerNetworks(scope, container);
    for (String network : theirs) {
      if (!mine.contains(network) && !List.of("bridge", "host", "none").contains(network)) {
        engine.run(
            () ->
                docker
                    .connectToNetworkCmd()
                    .withNetworkId(network)
                    .withContainerId(scope.name(container))
                    .exec());
      }
    }
  }

  /**
   * Attaches a container of one scope to a network of another (the labs' registry to each lab's own
   * network), unless it is attached already.
   */
  public void connect(Scope containerScope, String container, Scope networkScope, String network) {
    if (containerNetworks(containerScope, container).contains(networkScope.name(network))) {
      return;
    }
    engine.run(
        () ->
            docker
                .connectToNetworkCmd()
                .withNetworkId(networkScope.name(network))
                .withContainerId(containerScope.name(container))
                .exec());
  }

  /** The same, for a network known by its engine name (one a container was on before). */
  public void connect(Scope containerScope, String container, String engineNetwork) {
    if (containerNetworks(containerScope, container).contains(engineNetwork)) {
      return;
    }
    engine.run(
        () ->
            docker
                .connectToNetworkCmd()
                .withNetworkId(engineNetwork)
                .withContainerId(containerScope.name(container))
                .exec());
  }

  private List<String> containerNetworks(Scope scope, String container) {
    return new Containers(engine)
        .inspect(scope, container)
        .map(c -> List.copyOf(c.getNetworkSettings().getNetworks().keySet()))
        .orElseThrow(() -> KnownError.noSuchContainer(container));
  }

  public void removeNetwork(Scope scope, String name) {
    engine.run(() -> docker.removeNetworkCmd(scope.name(name)).exec());
  }

  public Optional<Network> network(Scope scope, String name) {
    try {
      return Optional.of(
          engine.call(() -> docker.inspectNetworkCmd().withNetworkId(scope.name(name)).exec()));
    } catch (EngineError e) {
      if (e.getCause() instanceof NotFoundException) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Logical names of the containers attached to a network. */
  public List<String> networkContainers(Scope scope, String name) {
    return network(scope, name)
        .map(
            n ->
                n.getContainers() == null
                    ? List.<String>of()
                    : n.getContainers().values().stream()
                        .map(c -> scope.logical(c.getName()))
                        .sorted()
                        .toList())
        .orElse(List.of());
  }

  void requireNetwork(String engineName, String logical) {
    try {
      engine.run(() -> docker.inspectNetworkCmd().withNetworkId(engineName).exec());
    } catch (EngineError e) {
      if (e.getCause() instanceof NotFoundException) {
        throw new EngineError("a rede " + logical + " não existe: rode antes o passo que a cria");
      }
      throw e;
    }
  }

  /**
   * A path of the session's own folder, where bind mounts live, as it really is (links resolved);
   * refuses with {@link IllegalArgumentException} whatever would lead out of that folder.
   */
  public Path sessionFile(Scope scope, String relative) {
    return Mounts.sessionFolder(engine.dataDir(), scope, relative);
  }

  /**
   * The text of a file of the session's own folder (what a bind mount wrote), at most {@link
   * Containers#FILE_CAP} bytes of it; empty when there is no such file. A link that leads out of
   * the folder is refused, not followed.
   */
  public Optional<String> readSessionFile(Scope scope, String relative) {
    Path file = sessionFile(scope, relative);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file)) {
      return Optional.of(new String(in.readNBytes(Containers.FILE_CAP), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new EngineError("não consegui ler " + relative + " da sua pasta: " + e.getMessage(), e);
    }
  }
}
