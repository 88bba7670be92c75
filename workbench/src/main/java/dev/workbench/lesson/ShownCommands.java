package dev.workbench.lesson;

import dev.workbench.step.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The docker command a step shows when its block has no {@code cli:}: derived from the action, so
 * the command a learner reads and the one the workbench runs cannot disagree. Only for the kinds
 * where the derivation is exact; a {@code container.run} (limits, published ports on loopback,
 * session names) or an {@code image.provide} (pull or build) still writes its {@code cli:}.
 */
final class ShownCommands {
  private ShownCommands() {}

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./${}-]+");

  private static final Map<Class<?>, Function<Action, String>> DERIVED =
      Map.ofEntries(
          Map.entry(
              Action.ImageHistory.class,
              a -> "docker image history " + q(((Action.ImageHistory) a).image())),
          Map.entry(Action.ListImages.class, a -> "docker images"),
          Map.entry(
              Action.RemoveImage.class, a -> "docker rmi " + q(((Action.RemoveImage) a).image())),
          Map.entry(Action.BuildImage.class, a -> build((Action.BuildImage) a)),
          Map.entry(
              Action.StartContainer.class,
              a -> "docker start " + q(((Action.StartContainer) a).name())),
          Map.entry(
              Action.StopContainer.class,
              a -> "docker stop " + q(((Action.StopContainer) a).name())),
          Map.entry(
              Action.RemoveContainer.class,
              a -> "docker rm " + q(((Action.RemoveContainer) a).name())),
          Map.entry(
              Action.ContainerLogs.class,
              a -> "docker logs " + q(((Action.ContainerLogs) a).name())),
          Map.entry(Action.ListContainers.class, a -> "docker ps -a"),
          Map.entry(Action.ExecInContainer.class, a -> exec((Action.ExecInContainer) a)),
          Map.entry(
              Action.CommitContainer.class,
              a ->
                  "docker commit "
                      + q(((Action.CommitContainer) a).name())
                      + " "
                      + q(((Action.CommitContainer) a).image())),
          Map.entry(
              Action.CreateVolume.class,
              a -> "docker volume create " + q(((Action.CreateVolume) a).name())),
          Map.entry(
              Action.RemoveVolume.class,
              a -> "docker volume rm " + q(((Action.RemoveVolume) a).name())),
          Map.entry(
              Action.CreateNetwork.class,
              a -> "docker network create " + q(((Action.CreateNetwork) a).name())),
          Map.entry(
              Action.RemoveNetwork.class,
              a -> "docker network rm " + q(((Action.RemoveNetwork) a).name())),
          Map.entry(
              Action.ComposeUp.class,
              a -> "docker compose -f " + q(((Action.ComposeUp) a).file()) + " up -d"),
          Map.entry(
              Action.ComposeDown.class,
              a -> "docker compose -f " + q(((Action.ComposeDown) a).file()) + " down"),
          Map.entry(Action.JShellCell.class, a -> "jshell"));

  /**
   * The command shown for {@code action} when the step writes none; empty where no derivation is
   * exact.
   */
  static Optional<String> of(Action action) {
    Function<Action, String> derive = DERIVED.get(action.getClass());
    return derive == null ? Optional.empty() : Optional.of(derive.apply(action));
  }

  private static String build(Action.BuildImage a) {
    List<String> words = new ArrayList<>(List.of("docker", "build", "-t", q(a.image())));
    if (a.dockerfile() != null && !a.dockerfile().equals("Dockerfile")) {
      words.add("-f");
      words.add(q(a.context() + "/" + a.dockerfile()));
    }
    new TreeMap<>(a.buildArgs())
        .forEach(
            (k, v) -> {
              words.add("--build-arg");
              words.add(q(k + "=" + v));
            });
    words.add(q(a.context()));
    return String.join(" ", words);
  }

  private static String exec(Action.ExecInContainer a) {
    List<String> words = new ArrayList<>(List.of("docker", "exec"));
    new TreeMap<>(a.env())
        .forEach(
            (k, v) -> {
              words.add("-e");
              words.add(q(k + "=" + v));
            });
    words.add(q(a.name()));
    a.command().forEach(word -> words.add(q(word)));
    return String.join(" ", words);
  }

  /**
   * A word as a shell reads it back: as is when plain, else in double quotes (parameters stay
   * expandable).
   */
  private static String q(String word) {
    if (PLAIN.matcher(word).matches()) {
      return word;
    }
    return "\"" + word.replace("\\", "\\\\").replace("\"", "\\\"").replace("`", "\\`") + "\"";
  }
}
