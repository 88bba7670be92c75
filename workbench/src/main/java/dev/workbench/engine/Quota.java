package dev.workbench.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Image;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Counts what a learner holds in the engine, by the session label, before anything new is made: the
 * one place a container, image, volume or network quota is enforced. A quick creation is checked
 * and made under the learner's lock, so two of their steps cannot both take the last place; a build
 * or a compose up is checked before it starts and not held for minutes, so two of those at once may
 * pass a limit by what one of them makes.
 */
final class Quota {
  /** Compose marks what belongs to a project; a project brought up again replaces its own. */
  static final String COMPOSE_PROJECT = "com.docker.compose.project";

  private static final String FREE_ROOM =
      " que não usa mais, ou reinicie uma lição para apagar tudo o que ela criou.";

  /** Striped, not one per session: a fixed number of locks, whatever the number of learners. */
  private static final Object[] LOCKS = new Object[64];

  static {
    for (int i = 0; i < LOCKS.length; i++) {
      LOCKS[i] = new Object();
    }
  }

  private final Engine engine;
  private final DockerClient docker;
  private final Quotas limits;

  Quota(Engine engine, Quotas limits) {
    this.engine = engine;
    this.docker = engine.docker();
    this.limits = limits;
  }

  /** Checks the demand and, still holding the learner's lock, makes the resource. */
  <T> T reserve(Session session, Demand demand, Supplier<T> create) {
    synchronized (LOCKS[Math.floorMod(session.id().hashCode(), LOCKS.length)]) {
      require(session, demand, null, Set.of());
      return create.get();
    }
  }

  /**
   * Refuses with {@link QuotaExceeded} when what the session holds plus {@code demand} passes a
   * limit. Resources of {@code composeProject} (when not null) and images tagged with one of {@code
   * replacedImages} are not counted: bringing that project up again replaces them.
   */
  void require(Session session, Demand demand, String composeProject, Set<String> replacedImages) {
    Map<String, String> mine = Map.of(Scope.SESSION_LABEL, session.id());
    List<String> byLabel = List.of(Scope.SESSION_LABEL + "=" + session.id());
    if (demand.containers() > 0) {
      long held =
          engine
              .call(() -> docker.listContainersCmd().withShowAll(true).withLabelFilter(mine).exec())
              .stream()
              .filter(c -> !inProject(c.getLabels(), composeProject))
              .count();
      check(
          held,
          demand.containers(),
          limits.containers(),
          "contêineres por aluno",
          "Remova contêineres" + FREE_ROOM);
    }
    if (demand.images() > 0) {
      long held =
          engine.call(() -> docker.listImagesCmd().withLabelFilter(mine).exec()).stream()
              .filter(i -> !replaced(i, replacedImages))
              .count();
      check(
          held,
          demand.images(),
          limits.images(),
          "imagens por aluno",
          "Remova imagens" + FREE_ROOM);
    }
    if (demand.volumes() > 0) {
      long held =
          engine
              .call(() -> docker.listVolumesCmd().withFilter("label", byLabel).exec())
              .getVolumes()
              .stream()
              .filter(v -> !inProject(v.getLabels(), composeProject))
              .count();
      check(
          held,
          demand.volumes(),
          limits.volumes(),
          "volumes por aluno",
          "Remova volumes" + FREE_ROOM);
    }
    if (demand.networks() > 0) {
      long held =
          engine.call(() -> docker.listNetworksCmd().withFilter("label", byLabel).exec()).stream()
              .filter(n -> !inProject(n.getLabels(), composeProject))
              .count();
      check(
          held,
          demand.networks(),
          limits.networks(),
          "redes por aluno",
          "Remova redes" + FREE_ROOM);
    }
  }

  private static void check(long held, int more, int max, String limit, String howToFree) {
    if (held + more > max) {
      throw new QuotaExceeded(limit, max, howToFree);
    }
  }

  private static boolean inProject(Map<String, String> labels, String project) {
    return project != null && labels != null && project.equals(labels.get(COMPOSE_PROJECT));
  }

  private static boolean replaced(Image image, Set<String> replacedImages) {
    String[] tags = image.getRepoTags();
    return tags != null && tags.length > 0 && replacedImages.containsAll(List.of(tags));
  }
}
