package dev.workbench.lesson;

import dev.workbench.step.Action;
import dev.workbench.step.Check;
import dev.workbench.step.ContainerSpec;
import dev.workbench.step.Mount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The names a step gives to engine objects (containers, images, networks, volumes): the ones the
 * workbench prefixes per session, so they must be plain enough to prefix. One rule per record,
 * including the records that name nothing, so a new kind without a rule is a gap StepKindsTest
 * names rather than a step whose names go unchecked.
 */
final class LogicalNames {
  private LogicalNames() {}

  /**
   * @param role container, image, network or volume
   */
  record Name(String role, String value) {}

  /** The rule of each action record: the names it gives. */
  static final Map<Class<?>, Function<Action, List<Name>>> ACTION_RULES = new HashMap<>();

  /** The rule of each check record: the names it reads. */
  static final Map<Class<?>, Function<Check, List<Name>>> CHECK_RULES = new HashMap<>();

  /** The container a start, stop, rm, logs, exec or commit step acts on: its one container name. */
  private static final Map<Class<?>, Function<Action, String>> ACTS_ON = new HashMap<>();

  static {
    action(Action.ProvideImage.class, a -> none()); // a base image, never prefixed
    action(Action.BuildImage.class, a -> List.of(image(a.image())));
    action(Action.TagImage.class, a -> List.of(image(a.image()), image(a.tag())));
    action(Action.ImageHistory.class, a -> List.of(image(a.image())));
    action(Action.ListImages.class, a -> none());
    action(Action.RemoveImage.class, a -> List.of(image(a.image())));
    action(Action.CreateContainer.class, a -> of(a.spec()));
    action(Action.RunContainer.class, a -> of(a.spec()));
    actsOn(Action.StartContainer.class, Action.StartContainer::name);
    actsOn(Action.StopContainer.class, Action.StopContainer::name);
    actsOn(Action.RemoveContainer.class, Action.RemoveContainer::name);
    actsOn(Action.ExecInContainer.class, Action.ExecInContainer::name);
    actsOn(Action.ContainerLogs.class, Action.ContainerLogs::name);
    actsOn(Action.CommitContainer.class, Action.CommitContainer::name);
    action(Action.CommitContainer.class, a -> List.of(container(a.name()), image(a.image())));
    action(Action.ListContainers.class, a -> none());
    action(Action.CreateVolume.class, a -> List.of(new Name("volume", a.name())));
    action(Action.RemoveVolume.class, a -> List.of(new Name("volume", a.name())));
    action(Action.CreateNetwork.class, a -> List.of(new Name("network", a.name())));
    action(Action.RemoveNetwork.class, a -> List.of(new Name("network", a.name())));
    action(Action.ComposeUp.class, a -> none()); // compose names its own objects
    action(Action.ComposeDown.class, a -> none());
    action(Action.HttpRequest.class, a -> List.of(container(a.target().container())));
    action(Action.JShellCell.class, a -> none());
    // the cloud's objects live on the session's own registry and remote engine, never prefixed
    action(Action.CloudStart.class, a -> none());
    action(Action.CloudLogin.class, a -> none());
    action(Action.CloudPush.class, a -> none());
    action(Action.CloudRelease.class, a -> none());
    action(Action.CloudRun.class, a -> none());
    action(Action.CloudSchedule.class, a -> none());
    action(Action.CloudRuns.class, a -> none());
    action(Action.CloudUnschedule.class, a -> none());
    action(Action.CloudStop.class, a -> none());
    // a swarm's hosts are the session's own; the images it copies into them are the learner's
    action(Action.SwarmStart.class, a -> a.images().stream().map(LogicalNames::image).toList());
    action(Action.SwarmJoin.class, a -> none());
    action(Action.SwarmStop.class, a -> none());

    check(Check.ExitCode.class, c -> none());
    check(Check.OutputContains.class, c -> none());
    check(Check.ContainerState.class, c -> List.of(container(c.name())));
    check(Check.FileInContainer.class, c -> List.of(container(c.container())));
    check(Check.HostFile.class, c -> none());
    check(Check.ImageExists.class, c -> List.of(image(c.image())));
    check(Check.VolumeExists.class, c -> List.of(new Name("volume", c.name())));
    check(Check.VolumeMount.class, c -> List.of(container(c.container())));
    check(
        Check.NetworkState.class,
        c -> {
          List<Name> names = new ArrayList<>();
          names.add(new Name("network", c.name()));
          c.containers().forEach(name -> names.add(container(name)));
          return names;
        });
    check(Check.HttpAnswer.class, c -> List.of(container(c.target().container())));
    check(Check.RegistryTag.class, c -> none());
    check(Check.RemoteContainer.class, c -> none());
    check(Check.ScheduledRuns.class, c -> none());
    // the emulator container is found by its published port, read from the engine as it is
    check(Check.FirestoreCollection.class, c -> none());
    check(Check.NoSecrets.class, c -> none());
    // services and nodes live inside the stand-in swarm, named as the learner typed them
    check(Check.SwarmService.class, c -> none());
    check(Check.SwarmNode.class, c -> none());
  }

  static List<Name> of(Action action) {
    return rule(ACTION_RULES, action).apply(action);
  }

  static List<Name> of(Check check) {
    return rule(CHECK_RULES, check).apply(check);
  }

  /** The container a start, stop, rm, logs, exec or commit step acts on. */
  static Optional<String> containerName(Action action) {
    Function<Action, String> name = ACTS_ON.get(action.getClass());
    return name == null ? Optional.empty() : Optional.ofNullable(name.apply(action));
  }

  private static <T> Function<T, List<Name>> rule(
      Map<Class<?>, Function<T, List<Name>>> rules, T step) {
    Function<T, List<Name>> rule = rules.get(step.getClass());
    if (rule == null) {
      throw new IllegalStateException(
          "no logical-name rule for " + step.getClass().getSimpleName());
    }
    return rule;
  }

  private static <A extends Action> void action(Class<A> record, Function<A, List<Name>> rule) {
    ACTION_RULES.put(record, a -> rule.apply(record.cast(a)));
  }

  /** A step that acts on one existing container: that is its only name. */
  private static <A extends Action> void actsOn(Class<A> record, Function<A, String> name) {
    ACTS_ON.put(record, a -> name.apply(record.cast(a)));
    action(record, a -> List.of(container(name.apply(a))));
  }

  private static <C extends Check> void check(Class<C> record, Function<C, List<Name>> rule) {
    CHECK_RULES.put(record, c -> rule.apply(record.cast(c)));
  }

  private static List<Name> none() {
    return List.of();
  }

  private static Name container(String name) {
    return new Name("container", name);
  }

  private static Name image(String name) {
    return new Name("image", name);
  }

  private static List<Name> of(ContainerSpec spec) {
    List<Name> names = new ArrayList<>();
    names.add(container(spec.name()));
    names.add(image(spec.image()));
    if (spec.network() != null) {
      names.add(new Name("network", spec.network()));
    }
    for (Mount mount : spec.mounts()) {
      if (mount instanceof Mount.Volume volume) {
        names.add(new Name("volume", volume.volume()));
      }
    }
    return names;
  }
}
