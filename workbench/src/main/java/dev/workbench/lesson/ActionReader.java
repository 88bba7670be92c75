package dev.workbench.lesson;

import static java.util.Map.entry;

import dev.workbench.step.Action;
import dev.workbench.step.HttpTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code do:} table: for each action kind, the keys its step may have and how they become the
 * {@link Action} record. One row per kind, so adding a kind is adding a row.
 */
final class ActionReader {
  private ActionReader() {}

  /** The keys a kind accepts (besides the common ones) and how to read them. */
  record Kind(List<String> keys, Function<Fields, Action> read) {}

  private static final List<String> NAME = List.of("name");
  private static final List<String> IMAGE = List.of("image");

  static final Map<String, Kind> KINDS =
      Map.ofEntries(
          entry("image.provide", new Kind(IMAGE, f -> new Action.ProvideImage(f.text("image")))),
          entry(
              "image.build",
              new Kind(
                  List.of("image", "context", "dockerfile", "buildArgs"), ActionReader::build)),
          entry("image.history", new Kind(IMAGE, f -> new Action.ImageHistory(f.text("image")))),
          entry("image.list", new Kind(List.of(), f -> new Action.ListImages())),
          entry("image.rm", new Kind(IMAGE, f -> new Action.RemoveImage(f.text("image")))),
          entry(
              "container.create",
              new Kind(
                  ContainerReader.KEYS, f -> new Action.CreateContainer(ContainerReader.read(f)))),
          entry("container.run", new Kind(plus(plus(ContainerReader.KEYS, "detach"), "remove"), ActionReader::run)),
          entry("container.start", new Kind(NAME, f -> new Action.StartContainer(f.text("name")))),
          entry("container.stop", new Kind(NAME, f -> new Action.StopContainer(f.text("name")))),
          entry("container.rm", new Kind(NAME, f -> new Action.RemoveContainer(f.text("name")))),
          entry("container.exec", new Kind(List.of("name", "command", "env"), ActionReader::exec)),
          entry(
              "container.commit",
              new Kind(
                  List.of("name", "image"),
                  f -> new Action.CommitContainer(f.text("name"), f.text("image")))),
          entry("container.logs", new Kind(NAME, f -> new Action.ContainerLogs(f.text("name")))),
          entry("container.list", new Kind(List.of(), f -> new Action.ListContainers())),
          entry("volume.create", new Kind(NAME, f -> new Action.CreateVolume(f.text("name")))),
          entry("volume.rm", new Kind(NAME, f -> new Action.RemoveVolume(f.text("name")))),
          entry("network.create", new Kind(NAME, f -> new Action.CreateNetwork(f.text("name")))),
          entry("network.rm", new Kind(NAME, f -> new Action.RemoveNetwork(f.text("name")))),
          entry("compose.up", new Kind(List.of("file"), f -> new Action.ComposeUp(f.text("file")))),
          entry(
              "compose.down",
              new Kind(List.of("file"), f -> new Action.ComposeDown(f.text("file")))),
          entry(
              "http.request",
              new Kind(List.of("container", "port", "path", "method", "body"), ActionReader::http)),
          entry("jshell", new Kind(List.of("code"), f -> new Action.JShellCell(f.text("code")))),
          entry("cloud.start", new Kind(List.of(), f -> new Action.CloudStart())),
          entry(
              "cloud.login",
              new Kind(
                  List.of("user", "password"),
                  f -> new Action.CloudLogin(f.text("user", null), f.text("password", null)))),
          entry(
              "cloud.push",
              new Kind(
                  List.of("image", "user", "password"),
                  f ->
                      new Action.CloudPush(
                          f.text("image"), f.text("user", null), f.text("password", null)))),
          entry(
              "cloud.release",
              new Kind(
                  List.of("image", "name", "env", "firestore"),
                  f ->
                      new Action.CloudRelease(
                          f.text("image"),
                          f.text("name"),
                          f.textMap("env"),
                          f.text("firestore", null)))),
          entry("cloud.run", new Kind(NAME, f -> new Action.CloudRun(f.text("name")))),
          entry(
              "cloud.schedule",
              new Kind(
                  List.of("name", "every"),
                  f -> new Action.CloudSchedule(f.text("name"), f.text("every")))),
          entry(
              "cloud.runs",
              new Kind(List.of("atLeast"), f -> new Action.CloudRuns(f.whole("atLeast", 0)))),
          entry("cloud.unschedule", new Kind(List.of(), f -> new Action.CloudUnschedule())),
          entry("cloud.stop", new Kind(List.of(), f -> new Action.CloudStop())),
          entry("swarm.start", new Kind(List.of("nodes", "images"), ActionReader::swarmStart)),
          entry("swarm.join", new Kind(List.of(), f -> new Action.SwarmJoin())),
          entry("swarm.stop", new Kind(List.of(), f -> new Action.SwarmStop())));

  /** The kind named by {@code do:}, or an error listing the kinds there are. */
  static Kind kind(String name, Where where) {
    Kind kind = KINDS.get(name);
    if (kind == null) {
      throw where.error(
          "'do' must be one of "
              + String.join(", ", Action.KINDS)
              + "; got '"
              + name
              + "'"
              + Suggestions.didYouMean(name, Action.KINDS));
    }
    return kind;
  }

  private static Action build(Fields f) {
    return new Action.BuildImage(
        f.text("image"),
        f.text("context"),
        f.text("dockerfile", "Dockerfile"),
        f.textMap("buildArgs"));
  }

  private static Action run(Fields f) {
    boolean detach = f.flag("detach", false);
    boolean remove = f.flag("remove", false);
    if (detach && remove) {
      // the step would return while the container runs, and nothing would be left to check
      throw f.where().error("'remove: true' (docker run --rm) needs a step that waits: drop 'detach'");
    }
    return new Action.RunContainer(ContainerReader.read(f), detach, remove);
  }

  private static Action swarmStart(Fields f) {
    try {
      return new Action.SwarmStart(f.whole("nodes", Action.SwarmStart.MAX_NODES), f.texts("images"));
    } catch (IllegalArgumentException e) {
      throw f.where().error(e.getMessage());
    }
  }

  private static Action exec(Fields f) {
    List<String> command = f.texts("command");
    if (command.isEmpty()) {
      throw f.where()
          .error("'command' is required: the command to run in the container, as a list");
    }
    return new Action.ExecInContainer(f.text("name"), command, f.textMap("env"));
  }

  private static Action http(Fields f) {
    return new Action.HttpRequest(
        target(f, "container"), f.text("method", "GET"), f.text("body", ""));
  }

  /** The request target shared by {@code http.request} and the {@code http} check. */
  static HttpTarget target(Fields f, String containerKey) {
    String container = f.text(containerKey);
    int port = f.whole("port");
    try {
      return new HttpTarget(container, port, f.text("path", "/"));
    } catch (IllegalArgumentException e) {
      throw f.where().error(e.getMessage());
    }
  }

  private static List<String> plus(List<String> keys, String key) {
    List<String> all = new ArrayList<>(keys);
    all.add(key);
    return List.copyOf(all);
  }
}
