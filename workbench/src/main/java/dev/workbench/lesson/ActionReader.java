package dev.workbench.lesson;

import static java.util.Map.entry;

import dev.workbench.step.Action;
import dev.workbench.step.HttpTarget;
import dev.workbench.step.Kinds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

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

  /** One row per {@link Action} record: the table a new kind must join (StepKindsTest checks). */
  static final Map<Class<? extends Action>, Kind> BY_RECORD =
      Map.ofEntries(
          row(Action.ProvideImage.class, IMAGE, f -> new Action.ProvideImage(f.text("image"))),
          row(
              Action.BuildImage.class,
              List.of("image", "context", "dockerfile", "buildArgs"),
              ActionReader::build),
          row(
              Action.TagImage.class,
              List.of("image", "tag"),
              f -> new Action.TagImage(f.text("image"), f.text("tag"))),
          row(Action.ImageHistory.class, IMAGE, f -> new Action.ImageHistory(f.text("image"))),
          row(Action.ListImages.class, List.of(), f -> new Action.ListImages()),
          row(Action.RemoveImage.class, IMAGE, f -> new Action.RemoveImage(f.text("image"))),
          row(
              Action.CreateContainer.class,
              ContainerReader.KEYS,
              f -> new Action.CreateContainer(ContainerReader.read(f))),
          row(
              Action.RunContainer.class,
              plus(plus(ContainerReader.KEYS, "detach"), "remove"),
              ActionReader::run),
          row(Action.StartContainer.class, NAME, f -> new Action.StartContainer(f.text("name"))),
          row(Action.StopContainer.class, NAME, f -> new Action.StopContainer(f.text("name"))),
          row(Action.RemoveContainer.class, NAME, f -> new Action.RemoveContainer(f.text("name"))),
          row(Action.ExecInContainer.class, List.of("name", "command", "env"), ActionReader::exec),
          row(
              Action.CommitContainer.class,
              List.of("name", "image"),
              f -> new Action.CommitContainer(f.text("name"), f.text("image"))),
          row(Action.ContainerLogs.class, NAME, f -> new Action.ContainerLogs(f.text("name"))),
          row(Action.ListContainers.class, List.of(), f -> new Action.ListContainers()),
          row(Action.CreateVolume.class, NAME, f -> new Action.CreateVolume(f.text("name"))),
          row(Action.RemoveVolume.class, NAME, f -> new Action.RemoveVolume(f.text("name"))),
          row(Action.CreateNetwork.class, NAME, f -> new Action.CreateNetwork(f.text("name"))),
          row(Action.RemoveNetwork.class, NAME, f -> new Action.RemoveNetwork(f.text("name"))),
          row(Action.ComposeUp.class, List.of("file"), f -> new Action.ComposeUp(f.text("file"))),
          row(
              Action.ComposeDown.class,
              List.of("file", "volumes"),
              f -> new Action.ComposeDown(f.text("file"), f.flag("volumes", true))),
          row(
              Action.HttpRequest.class,
              List.of("container", "port", "path", "method", "body"),
              ActionReader::http),
          row(Action.JShellCell.class, List.of("code"), f -> new Action.JShellCell(f.text("code"))),
          row(Action.CloudStart.class, List.of(), f -> new Action.CloudStart()),
          row(
              Action.CloudLogin.class,
              List.of("user", "password"),
              f -> new Action.CloudLogin(f.text("user", null), f.text("password", null))),
          row(
              Action.CloudPush.class,
              List.of("image", "user", "password"),
              f ->
                  new Action.CloudPush(
                      f.text("image"), f.text("user", null), f.text("password", null))),
          row(
              Action.CloudRelease.class,
              List.of("image", "name", "env", "firestore"),
              f ->
                  new Action.CloudRelease(
                      f.text("image"),
                      f.text("name"),
                      f.textMap("env"),
                      f.text("firestore", null))),
          row(Action.CloudRun.class, NAME, f -> new Action.CloudRun(f.text("name"))),
          row(
              Action.CloudSchedule.class,
              List.of("name", "every"),
              f -> new Action.CloudSchedule(f.text("name"), f.text("every"))),
          row(
              Action.CloudRuns.class,
              List.of("atLeast"),
              f -> new Action.CloudRuns(f.whole("atLeast", 0))),
          row(Action.CloudUnschedule.class, List.of(), f -> new Action.CloudUnschedule()),
          row(Action.CloudStop.class, List.of(), f -> new Action.CloudStop()),
          row(Action.SwarmStart.class, List.of("nodes", "images"), ActionReader::swarmStart),
          row(Action.SwarmJoin.class, List.of(), f -> new Action.SwarmJoin()),
          row(Action.SwarmStop.class, List.of(), f -> new Action.SwarmStop()));

  /**
   * The rows by {@code do:} name, the name read from each record's {@link dev.workbench.step.Kind}.
   */
  static final Map<String, Kind> KINDS =
      BY_RECORD.entrySet().stream()
          .collect(Collectors.toUnmodifiableMap(e -> Kinds.name(e.getKey()), Map.Entry::getValue));

  private static Map.Entry<Class<? extends Action>, Kind> row(
      Class<? extends Action> record, List<String> keys, Function<Fields, Action> read) {
    return entry(record, new Kind(keys, read));
  }

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
      throw f.where()
          .error("'remove: true' (docker run --rm) needs a step that waits: drop 'detach'");
    }
    return new Action.RunContainer(ContainerReader.read(f), detach, remove);
  }

  private static Action swarmStart(Fields f) {
    try {
      return new Action.SwarmStart(
          f.whole("nodes", Action.SwarmStart.MAX_NODES), f.texts("images"));
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
