package dev.workbench.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.SwarmNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an engine that manages a swarm knows of it, as {@code docker node ls}, {@code docker service
 * ls} and {@code docker service ps} show it: nodes, services and their tasks, in Docker's own
 * lower-case words ({@code manager}, {@code drain}, {@code running}). Read only: the lesson changes
 * the swarm with the real {@code docker} CLI, on the node itself.
 */
public final class Swarm {
  /**
   * A node: its host name, {@code manager}/{@code worker}, {@code active}/{@code pause}/{@code
   * drain}, {@code ready}/{@code down}.
   */
  public record Node(String id, String hostname, String role, String availability, String state) {}

  /**
   * A service: how many replicas it asks for, its image, and its last update's state (null: never
   * updated).
   */
  public record Service(String id, String name, long replicas, String image, String updateState) {}

  /**
   * A task: where it runs (the node's host name), its state and the one the swarm wants, its image.
   */
  public record Task(String node, String state, String desiredState, String image) {
    public boolean running() {
      return state.equals("running") && desiredState.equals("running");
    }
  }

  private final Engine engine;
  private final DockerClient docker;

  Swarm(Engine engine) {
    this.engine = engine;
    this.docker = engine.docker();
  }

  /** True when this engine is a manager of a swarm (what {@code docker swarm init} makes it). */
  public boolean managing() {
    var swarm = engine.call(() -> docker.infoCmd().exec()).getSwarm();
    return swarm != null && Boolean.TRUE.equals(swarm.getControlAvailable());
  }

  /** True when this engine is a node of a swarm, manager or worker. */
  public boolean member() {
    var swarm = engine.call(() -> docker.infoCmd().exec()).getSwarm();
    return swarm != null
        && swarm.getLocalNodeState() != null
        && swarm.getLocalNodeState().name().equalsIgnoreCase("active");
  }

  /** The token a worker joins with ({@code docker swarm join-token -q worker}). */
  public String workerToken() {
    return engine.call(() -> docker.inspectSwarmCmd().exec()).getJoinTokens().getWorker();
  }

  public List<Node> nodes() {
    return engine.call(() -> docker.listSwarmNodesCmd().exec()).stream().map(Swarm::node).toList();
  }

  public Optional<Service> service(String name) {
    return engine.call(() -> docker.listServicesCmd().withNameFilter(List.of(name)).exec()).stream()
        .filter(s -> name.equals(s.getSpec().getName()))
        .findFirst()
        .map(
            s ->
                new Service(
                    s.getId(),
                    name,
                    s.getSpec().getMode() == null || s.getSpec().getMode().getReplicated() == null
                        ? 0
                        : s.getSpec().getMode().getReplicated().getReplicas(),
                    s.getSpec().getTaskTemplate().getContainerSpec().getImage(),
                    s.getUpdateStatus() == null || s.getUpdateStatus().getState() == null
                        ? null
                        : lower(s.getUpdateStatus().getState().name())));
  }

  /** The service's tasks, old ones (shut down, replaced) included, as {@code docker service ps}. */
  public List<Task> tasks(Service service) {
    Map<String, String> hostnames = hostnames();
    return engine.call(() -> docker.listTasksCmd().withServiceFilter(service.id()).exec()).stream()
        .map(t -> task(t, hostnames))
        .toList();
  }

  /** Every service's tasks. */
  public List<Task> tasks() {
    Map<String, String> hostnames = hostnames();
    return engine.call(() -> docker.listTasksCmd().exec()).stream()
        .map(t -> task(t, hostnames))
        .toList();
  }

  private Map<String, String> hostnames() {
    return nodes().stream().collect(Collectors.toMap(Node::id, Node::hostname));
  }

  private static Task task(com.github.dockerjava.api.model.Task t, Map<String, String> hostnames) {
    String state =
        t.getStatus() == null || t.getStatus().getState() == null
            ? "new"
            : lower(t.getStatus().getState().name());
    String desired = t.getDesiredState() == null ? "" : lower(t.getDesiredState().name());
    String image =
        t.getSpec() == null || t.getSpec().getContainerSpec() == null
            ? ""
            : Objects.requireNonNullElse(t.getSpec().getContainerSpec().getImage(), "");
    return new Task(
        t.getNodeId() == null ? "" : hostnames.getOrDefault(t.getNodeId(), t.getNodeId()),
        state,
        desired,
        image);
  }

  private static Node node(SwarmNode n) {
    return new Node(
        n.getId(),
        n.getDescription() == null ? n.getId() : n.getDescription().getHostname(),
        n.getSpec() == null || n.getSpec().getRole() == null
            ? ""
            : lower(n.getSpec().getRole().name()),
        n.getSpec() == null || n.getSpec().getAvailability() == null
            ? ""
            : lower(n.getSpec().getAvailability().name()),
        n.getStatus() == null || n.getStatus().getState() == null
            ? ""
            : lower(n.getStatus().getState().name()));
  }

  private static String lower(String word) {
    return word.toLowerCase(Locale.ROOT);
  }
}
