package dev.workbench.lesson;

import dev.workbench.step.Action;
import dev.workbench.step.Check;
import dev.workbench.step.Mount;
import dev.workbench.step.Param;
import dev.workbench.step.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What one step must satisfy beyond parsing: safe to run, checkable, and its files present. */
final class StepRules {
  private StepRules() {}

  static final Pattern LOGICAL_NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,40}");

  /**
   * An image a lesson builds may add a tag to its logical name, as versions do ({@code ola:2}); the
   * image a container step runs may not, where a tag is most often a registry's image ({@code
   * nginx:latest}) that should have been a base image.
   */
  static final Pattern LOGICAL_IMAGE =
      Pattern.compile(LOGICAL_NAME.pattern() + "(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,40})?");

  static final String BASE_IMAGE_PREFIX = "workbench/";
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");

  static void check(Step step, Path projectRoot, Findings findings) {
    Report report = new Report(step, findings);
    explained(step, report);
    checked(step, report);
    parameters(step, report);
    names(step, report);
    storage(step, report);
    projectFiles(step.action(), projectRoot, report);
  }

  /** Findings about one step, each prefixed with the step's id and placed at its line. */
  private record Report(Step step, Findings findings) {
    void add(String message) {
      findings.add(step.line(), "step '" + step.id() + "': " + message);
    }
  }

  private static void explained(Step step, Report report) {
    if (step.cli().isBlank()) {
      report.add(
          "'cli' is required for a "
              + step.action().kind()
              + " step: the docker command a learner would"
              + " type (only some kinds derive it from the action; see lessons/README.md)");
    }
  }

  private static void checked(Step step, Report report) {
    if (step.expect().stream().allMatch(Check.ExitCode.class::isInstance)) {
      report.add(
          "'expect' needs a check besides exitCode (output, container, file, image, volume,"
              + " network, http…): the result is read from the engine's state");
    }
  }

  private static void parameters(Step step, Report report) {
    List<String> texts = new ArrayList<>(Texts.in(step.action()));
    texts.addAll(Texts.in(step.expect()));
    texts.add(step.cli());
    texts.add(step.title());
    for (String text : texts) {
      Matcher m = REFERENCE.matcher(text);
      while (m.find()) {
        if (!step.params().containsKey(m.group(1))) {
          report.add(
              "${"
                  + m.group(1)
                  + "} is not a declared parameter (declare it under 'params')"
                  + Suggestions.didYouMean(m.group(1), step.params().keySet()));
        }
      }
    }
    for (Param param : step.params().values()) {
      if (param.problemWith(param.defaultValue()) != null) {
        report.add(
            "parameter "
                + param.name()
                + ": default '"
                + param.defaultValue()
                + "' does not match its pattern "
                + param.pattern().pattern());
      }
    }
  }

  private static void names(Step step, Report report) {
    List<LogicalNames.Name> names = new ArrayList<>(LogicalNames.of(step.action()));
    step.expect().forEach(check -> names.addAll(LogicalNames.of(check)));
    List<String> runs =
        step.action() instanceof Action.CreateContainer
                || step.action() instanceof Action.RunContainer
            ? List.of(containerImage(step.action()))
            : List.of();
    for (LogicalNames.Name name : names) {
      String value = withDefaults(name.value(), step);
      boolean base = name.role().equals("image") && value.startsWith(BASE_IMAGE_PREFIX);
      Pattern rule =
          name.role().equals("image") && !runs.contains(name.value())
              ? LOGICAL_IMAGE
              : LOGICAL_NAME;
      if (!base && !rule.matcher(value).matches()) {
        report.add(
            name.role()
                + " name '"
                + name.value()
                + "' must match "
                + rule.pattern()
                + " (a logical name; the workbench prefixes it per session)");
      }
    }
    if (step.action() instanceof Action.ProvideImage provide
        && !provide.image().startsWith(BASE_IMAGE_PREFIX)) {
      report.add(
          "image.provide provides base images ("
              + BASE_IMAGE_PREFIX
              + "…), got '"
              + provide.image()
              + "'");
    }
  }

  /** Names may hold parameters; what must be a valid name is what the defaults make of them. */
  private static String withDefaults(String text, Step step) {
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Param param = step.params().get(m.group(1));
      m.appendReplacement(
          out, Matcher.quoteReplacement(param == null ? m.group() : param.defaultValue()));
    }
    return m.appendTail(out).toString();
  }

  /** Only named volumes and the learner's own folder may be mounted; never the engine. */
  private static void storage(Step step, Report report) {
    for (String text : Texts.in(step.action())) {
      if (text.contains("docker.sock")) {
        report.add("must not mention docker.sock: the engine's socket is never given to a lesson");
        break;
      }
    }
    for (Mount mount : mounts(step.action())) {
      if (mount instanceof Mount.Bind bind) {
        ownFolder("bind mount '" + bind.source() + "'", bind.source(), report);
      }
      if (!mount.target().startsWith("/")) {
        report.add(
            "mount target '" + mount.target() + "' must be an absolute path in the container");
      }
    }
    for (Check check : step.expect()) {
      if (check instanceof Check.HostFile hostFile) {
        ownFolder("hostFile '" + hostFile.path() + "'", hostFile.path(), report);
      }
    }
  }

  private static void ownFolder(String what, String path, Report report) {
    if (path.isBlank()
        || path.startsWith("/")
        || path.startsWith("\\")
        || path.startsWith("~")
        || path.matches("[A-Za-z]:.*")) {
      report.add(what + " must be relative to your own folder, not an absolute path");
    } else if (List.of(path.split("[/\\\\]")).contains("..")) {
      report.add(what + " must not climb out of your own folder with '..'");
    }
  }

  /** The image a container step runs. */
  private static String containerImage(Action action) {
    return action instanceof Action.CreateContainer create
        ? create.spec().image()
        : ((Action.RunContainer) action).spec().image();
  }

  private static List<Mount> mounts(Action action) {
    if (action instanceof Action.CreateContainer create) {
      return create.spec().mounts();
    }
    if (action instanceof Action.RunContainer run) {
      return run.spec().mounts();
    }
    return List.of();
  }

  private static void projectFiles(Action action, Path root, Report report) {
    Path project = root.toAbsolutePath().normalize();
    if (action instanceof Action.BuildImage build) {
      Path context = project.resolve(build.context()).normalize();
      Path dockerfile = context.resolve(build.dockerfile()).normalize();
      if (!context.startsWith(project)) {
        report.add("build context '" + build.context() + "' must stay inside the project folder");
      } else if (!Files.isDirectory(context)) {
        report.add("build context '" + build.context() + "' is not a folder of the project");
      } else if (!dockerfile.startsWith(project) || !Files.isRegularFile(dockerfile)) {
        report.add(
            "dockerfile '"
                + build.dockerfile()
                + "' is not in the build context '"
                + build.context()
                + "'");
      }
    }
    String compose = composeFile(action);
    if (compose != null) {
      Path file = project.resolve(compose).normalize();
      if (!file.startsWith(project)) {
        report.add("compose file '" + compose + "' must stay inside the project folder");
      } else if (!Files.isRegularFile(file)) {
        report.add("compose file '" + compose + "' is not a file of the project");
      }
    }
  }

  private static String composeFile(Action action) {
    if (action instanceof Action.ComposeUp up) {
      return up.file();
    }
    return action instanceof Action.ComposeDown down ? down.file() : null;
  }
}
