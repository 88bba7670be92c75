package dev.workbench.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/** What a session has in the engine: the panel's picture, and the clean-up that removes it. */
final class Inventory {
  private final Engine engine;
  private final DockerClient docker;

  Inventory(Engine engine) {
    this.engine = engine;
    this.docker = engine.docker();
  }

  Snapshot snapshot(Session session) {
    Scope learner = new Scope(session, "");
    Map<String, String> bySession = Map.of(Scope.SESSION_LABEL, session.id());
    List<Snapshot.ContainerView> containers = new ArrayList<>();
    for (Container c :
        engine.call(
            () -> docker.listContainersCmd().withShowAll(true).withLabelFilter(bySession).exec())) {
      String lesson = label(c.getLabels(), Scope.LESSON_LABEL);
      Scope scope = learner.inLesson(lesson);
      List<String> networks =
          c.getNetworkSettings() == null
              ? List.of()
              : c.getNetworkSettings().getNetworks().keySet().stream()
                  .map(scope::logical)
                  .sorted()
                  .toList();
      List<String> ports = new ArrayList<>();
      for (ContainerPort p : c.getPorts()) {
        if (p.getPublicPort() != null
            && !ports.contains(p.getPublicPort() + "->" + p.getPrivatePort())) {
          ports.add(p.getPublicPort() + "->" + p.getPrivatePort());
        }
      }
      List<String> volumes =
          c.getMounts() == null
              ? List.of()
              : c.getMounts().stream()
                  .map(
                      m ->
                          m.getName() != null
                              ? scope.logical(m.getName())
                              : "pasta:" + lastSegment(m.getSource()))
                  .toList();
      containers.add(
          new Snapshot.ContainerView(
              scope.logical(c.getNames()[0]),
              lesson,
              scope.logical(c.getImage()),
              c.getState(),
              networks,
              ports,
              volumes));
    }
    List<Snapshot.NetworkView> networks =
        engine.call(() -> docker.listNetworksCmd().exec()).stream()
            .filter(
                n ->
                    ownedBy(n.getLabels(), session)
                        || n.getName().startsWith(learner.sessionPrefix()))
            .map(n -> view(learner, n.getName(), n.getLabels(), Snapshot.NetworkView::new))
            .toList();
    List<Snapshot.VolumeView> volumes =
        engine.call(() -> docker.listVolumesCmd().exec()).getVolumes().stream()
            .filter(v -> ownedBy(v.getLabels(), session))
            .map(v -> view(learner, v.getName(), v.getLabels(), Snapshot.VolumeView::new))
            .toList();
    return new Snapshot(containers, networks, volumes);
  }

  /** A network or volume as the panel names it: logical within its own lesson. */
  private static <T> T view(
      Scope learner, String name, Map<String, String> labels, BiFunction<String, String, T> view) {
    String lesson = label(labels, Scope.LESSON_LABEL);
    return view.apply(learner.inLesson(lesson).logical(name), lesson);
  }

  void removeAll(Session session, String lessonId) {
    String prefix = new Scope(session, "").sessionPrefix();
    Predicate<Map<String, String>> mine =
        labels ->
            ownedBy(labels, session)
                && (lessonId == null || lessonId.equals(label(labels, Scope.LESSON_LABEL)));
    Predicate<String> composeName =
        name -> name.startsWith(prefix + (lessonId == null ? "" : lessonId + "_"));
    remove(mine, composeName);
  }

  int removeSessions(Predicate<String> sessionIds) {
    Predicate<Map<String, String>> orphan =
        labels ->
            label(labels, Scope.SESSION_LABEL) != null
                && sessionIds.test(label(labels, Scope.SESSION_LABEL));
    return remove(
        orphan, name -> name.startsWith(Scope.PREFIX) && sessionIds.test(sessionOf(name)));
  }

  int removeLabelled(Predicate<Map<String, String>> pick) {
    return remove(labels -> labels != null && pick.test(labels), name -> false);
  }

  /** The session part of {@code wb-<session>-<name>} (compose names use "_" after the session). */
  private static String sessionOf(String name) {
    String rest = name.substring(Scope.PREFIX.length());
    int end = rest.indexOf('-');
    return end < 0 ? rest : rest.substring(0, end);
  }

  /** Containers first (they hold networks, volumes and images), then the rest. */
  private int remove(Predicate<Map<String, String>> labelled, Predicate<String> named) {
    int removed = 0;
    for (Container c : engine.call(() -> docker.listContainersCmd().withShowAll(true).exec())) {
      if (labelled.test(c.getLabels()) || named.test(c.getNames()[0].substring(1))) {
        removed +=
            quietly(
                () ->
                    docker
                        .removeContainerCmd(c.getId())
                        .withForce(true)
                        .withRemoveVolumes(true)
                        .exec());
      }
    }
    for (Network n : engine.call(() -> docker.listNetworksCmd().exec())) {
      if (labelled.test(n.getLabels()) || named.test(n.getName())) {
        removed += quietly(() -> docker.removeNetworkCmd(n.getId()).exec());
      }
    }
    for (var v : engine.call(() -> docker.listVolumesCmd().exec()).getVolumes()) {
      if (labelled.test(v.getLabels()) || named.test(v.getName())) {
        removed += quietly(() -> docker.removeVolumeCmd(v.getName()).exec());
      }
    }
    for (Image i : engine.call(() -> docker.listImagesCmd().exec())) {
      boolean byName = i.getRepoTags() != null && List.of(i.getRepoTags()).stream().anyMatch(named);
      if (labelled.test(i.getLabels()) || byName) {
        removed += quietly(() -> docker.removeImageCmd(i.getId()).withForce(true).exec());
      }
    }
    return removed;
  }

  /** Removal races with the engine's own clean-up (e.g. --rm); what is already gone is fine. */
  private int quietly(Runnable removal) {
    try {
      engine.run(removal);
      return 1;
    } catch (EngineError e) {
      if (e.getCause() instanceof NotFoundException) {
        return 0;
      }
      throw e;
    }
  }

  private static boolean ownedBy(Map<String, String> labels, Session session) {
    return session.id().equals(label(labels, Scope.SESSION_LABEL));
  }

  private static String label(Map<String, String> labels, String key) {
    return labels == null ? null : labels.get(key);
  }

  private static String lastSegment(String path) {
    String p = Objects.requireNonNullElse(path, "");
    return p.substring(p.lastIndexOf('/') + 1);
  }
}
