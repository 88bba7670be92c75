package dev.workbench.lesson;

import static java.util.Map.entry;

import dev.workbench.step.Check;
import dev.workbench.step.Kinds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code expect:} list: each item has exactly one key naming the check, one row per check
 * below; mapping-valued checks reject unknown keys like steps do.
 */
final class CheckReader {
  private CheckReader() {}

  /**
   * How one check is read. A scalar check ({@code exitCode: 0}, {@code output: "text"}) reads its
   * value from the item itself; a mapping-valued one accepts only {@code keys}.
   */
  private record Kind(List<String> keys, Function<Fields, Check> read) {
    static Kind scalar(Function<Fields, Check> read) {
      return new Kind(null, read);
    }

    boolean isScalar() {
      return keys == null;
    }
  }

  /** One row per {@link Check} record: the table a new check must join (StepKindsTest checks). */
  static final Map<Class<? extends Check>, Kind> BY_RECORD =
      Map.ofEntries(
          entry(Check.ExitCode.class, Kind.scalar(f -> new Check.ExitCode(f.whole("exitCode")))),
          entry(
              Check.OutputContains.class,
              Kind.scalar(f -> new Check.OutputContains(f.text("output")))),
          entry(
              Check.ContainerState.class,
              new Kind(List.of("name", "state"), CheckReader::container)),
          entry(
              Check.FileInContainer.class,
              new Kind(List.of("container", "path", "contains", "absent"), CheckReader::file)),
          entry(
              Check.HostFile.class,
              new Kind(
                  List.of("path", "contains"),
                  f -> new Check.HostFile(f.text("path"), f.text("contains")))),
          entry(
              Check.ImageExists.class,
              new Kind(
                  List.of("name", "exists"),
                  f -> new Check.ImageExists(f.text("name"), f.flag("exists", true)))),
          entry(
              Check.VolumeExists.class,
              new Kind(
                  List.of("name", "exists"),
                  f -> new Check.VolumeExists(f.text("name"), f.flag("exists", true)))),
          entry(
              Check.VolumeMount.class,
              new Kind(
                  List.of("container", "target", "anonymous"),
                  f ->
                      new Check.VolumeMount(
                          f.text("container"), f.text("target"), f.flag("anonymous", true)))),
          entry(
              Check.NetworkState.class,
              new Kind(List.of("name", "exists", "containers"), CheckReader::network)),
          entry(
              Check.HttpAnswer.class,
              new Kind(
                  List.of("container", "port", "path", "status", "contains", "reachable"),
                  CheckReader::http)),
          entry(
              Check.NoSecrets.class,
              new Kind(List.of("image"), f -> new Check.NoSecrets(f.text("image")))),
          entry(
              Check.RegistryTag.class,
              new Kind(List.of("repository", "tag"), CheckReader::registry)),
          entry(
              Check.RemoteContainer.class,
              new Kind(
                  List.of("name", "state"),
                  f -> {
                    Check.ContainerState state = (Check.ContainerState) container(f);
                    return new Check.RemoteContainer(state.name(), state.state());
                  })),
          entry(
              Check.ScheduledRuns.class,
              new Kind(
                  List.of("min", "exitCode"),
                  f -> new Check.ScheduledRuns(f.whole("min", 1), f.whole("exitCode", 0)))),
          entry(
              Check.FirestoreCollection.class,
              new Kind(
                  List.of("container", "port", "project", "collection", "field", "filled", "empty"),
                  CheckReader::firestore)),
          entry(
              Check.SwarmService.class,
              new Kind(
                  List.of("name", "replicas", "image"),
                  f ->
                      new Check.SwarmService(
                          f.text("name"), f.whole("replicas"), f.text("image", null)))),
          entry(
              Check.SwarmNode.class,
              new Kind(List.of("name", "role", "availability", "tasks"), CheckReader::swarmNode)));

  /**
   * The rows by {@code expect:} key, the key read from each record's {@link
   * dev.workbench.step.Kind}.
   */
  private static final Map<String, Kind> BY_KEY =
      BY_RECORD.entrySet().stream()
          .collect(Collectors.toUnmodifiableMap(e -> Kinds.name(e.getKey()), Map.Entry::getValue));

  /** Every check key, sorted. */
  static final List<String> KEYS = Check.KEYS;

  static List<Check> read(Fields step) {
    List<?> items = step.list("expect");
    List<Check> checks = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      checks.add(check(Fields.of(items.get(i), step.where().in("expect #" + (i + 1)), "a check")));
    }
    return checks;
  }

  private static Check check(Fields item) {
    if (item.keys().size() != 1) {
      throw item.where()
          .error(
              "a check has exactly one key (one of "
                  + String.join(", ", KEYS)
                  + "), got "
                  + item.keys());
    }
    item.allowOnly(KEYS);
    String key = item.keys().iterator().next();
    Kind kind = BY_KEY.get(key);
    if (kind.isScalar()) {
      return kind.read().apply(item);
    }
    Fields value =
        Fields.of(item.raw(key), item.where().in(key), "'" + key + "'").allowOnly(kind.keys());
    return kind.read().apply(value);
  }

  private static Check container(Fields f) {
    String state = f.text("state");
    if (!Check.ContainerState.STATES.contains(state)) {
      throw f.where()
          .error(
              "'state' must be one of "
                  + String.join(", ", Check.ContainerState.STATES)
                  + "; got '"
                  + state
                  + "'");
    }
    return new Check.ContainerState(f.text("name"), state);
  }

  private static Check file(Fields f) {
    boolean absent = f.flag("absent", false);
    if (absent == f.has("contains")) {
      throw f.where()
          .error("a file check has either 'contains' (text the file holds) or 'absent: true'");
    }
    return new Check.FileInContainer(
        f.text("container"), f.text("path"), f.text("contains", null), absent);
  }

  private static Check network(Fields f) {
    return new Check.NetworkState(f.text("name"), f.flag("exists", true), f.texts("containers"));
  }

  private static Check http(Fields f) {
    return new Check.HttpAnswer(
        ActionReader.target(f, "container"),
        f.whole("status", 200),
        f.text("contains", ""),
        f.flag("reachable", true));
  }

  private static Check registry(Fields f) {
    return new Check.RegistryTag(f.text("repository"), f.text("tag", "latest"));
  }

  private static Check swarmNode(Fields f) {
    String role = oneOf(f, "role", Check.SwarmNode.ROLES);
    String availability = oneOf(f, "availability", Check.SwarmNode.AVAILABILITIES);
    Integer tasks = f.has("tasks") ? f.whole("tasks") : null;
    if (role == null && availability == null && tasks == null) {
      throw f.where().error("a swarmNode check needs 'role', 'availability', 'tasks' or more");
    }
    return new Check.SwarmNode(f.text("name"), role, availability, tasks);
  }

  /** An optional key whose value must be one of {@code words}; null when absent. */
  private static String oneOf(Fields f, String key, List<String> words) {
    String value = f.text(key, null);
    if (value != null && !words.contains(value)) {
      throw f.where()
          .error(
              "'" + key + "' must be one of " + String.join(", ", words) + "; got '" + value + "'");
    }
    return value;
  }

  private static Check firestore(Fields f) {
    if (!f.has("filled") && !f.has("empty")) {
      throw f.where().error("a firestore check needs 'filled', 'empty' or both (document counts)");
    }
    return new Check.FirestoreCollection(
        f.text("container"),
        f.whole("port", 8080),
        f.text("project", null),
        f.text("collection"),
        f.text("field"),
        f.has("filled") ? f.whole("filled") : null,
        f.has("empty") ? f.whole("empty") : null);
  }
}
