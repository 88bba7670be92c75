package dev.workbench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.workbench.cloud.CloudConfig;
import dev.workbench.cloud.Clouds;
import dev.workbench.engine.Engine;
import dev.workbench.engine.OutputSink;
import dev.workbench.engine.Scope;
import dev.workbench.engine.Session;
import dev.workbench.lesson.KindCoverage;
import dev.workbench.lesson.Language;
import dev.workbench.notebook.Notebooks;
import dev.workbench.step.Action;
import dev.workbench.step.Check;
import dev.workbench.step.Step;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of action and check, found from the sealed interfaces themselves, so a record added
 * without the rest fails here by name: it has a {@code do:}/{@code expect:} name, a reader row, a
 * logical-name rule, cloud rules where it is a cloud kind, and the runner has an executor (or an
 * evaluator) for it. Against an engine that is away each one fails as the engine's absence, never
 * as "nothing handles this kind".
 */
class StepKindsTest {
  @TempDir Path root;

  @Test
  void every_action_kind_is_listed_for_the_lesson_format_and_has_an_executor() throws Exception {
    List<Class<?>> kinds = leaves(Action.class);
    assertThat(kinds).hasSizeGreaterThan(20);
    List<String> names = new ArrayList<>();
    try (Engine away =
        new Engine(URI.create("unix://" + root.resolve("no-engine.sock")), root.resolve("data"))) {
      Notebooks notebooks = new Notebooks(away, root);
      try {
        Actions actions =
            new Actions(
                away, new ProjectFiles(root), notebooks, new Clouds(away, CloudConfig.LOCAL));
        for (Class<?> kind : kinds) {
          Action action = (Action) sample(kind);
          names.add(action.kind());
          Step step = new Step("s", "s", "", Map.of(), action, List.of(), "", 0);
          Throwable thrown =
              outcome(
                  () -> actions.perform(action, scope(), Vars.of(step, Map.of()), OutputSink.NONE));
          assertThat(thrown)
              .as("%s has an executor", kind.getSimpleName())
              .satisfiesAnyOf(
                  t -> assertThat(t).isNull(),
                  t -> assertThat(t.getMessage()).doesNotContain("sem execução"));
        }
      } finally {
        notebooks.close();
      }
    }
    assertThat(names)
        .as("each record's do: name is in Action.KINDS, and KINDS names no other")
        .containsExactlyInAnyOrderElementsOf(Action.KINDS);
  }

  @Test
  void every_kind_has_a_reader_a_logical_name_rule_and_its_cloud_rules() throws Exception {
    assertThat(KindCoverage.gaps()).as("records the lesson format does not handle").isEmpty();
    try (Engine away =
        new Engine(URI.create("unix://" + root.resolve("no-engine.sock")), root.resolve("data"))) {
      assertThat(new Clouds(away, CloudConfig.LOCAL).gaps())
          .as("cloud records Clouds does not handle")
          .isEmpty();
    }
  }

  @Test
  void every_check_kind_has_an_evaluator_and_its_words_in_every_language() throws Exception {
    List<Class<?>> kinds = leaves(Check.class);
    assertThat(kinds).hasSizeGreaterThan(10);
    try (Engine away =
        new Engine(URI.create("unix://" + root.resolve("no-engine.sock")), root.resolve("data"))) {
      Clouds clouds = new Clouds(away, CloudConfig.LOCAL);
      Step step = new Step("s", "s", "", Map.of(), new Action.ListContainers(), List.of(), "", 0);
      for (Language language : Language.values()) {
        Checks checks = new Checks(away, clouds, language);
        for (Class<?> kind : kinds) {
          Check check = (Check) sample(kind);
          Throwable thrown =
              outcome(() -> checks.evaluate(check, scope(), Vars.of(step, Map.of()), 0, ""));
          assertThat(thrown)
              .as("%s has an evaluator and its words in %s", kind.getSimpleName(), language)
              .satisfiesAnyOf(
                  t -> assertThat(t).isNull(),
                  t ->
                      assertThat(t.getMessage())
                          .doesNotContain("sem avaliação")
                          .doesNotContain("no text"));
        }
      }
    }
  }

  private static Scope scope() {
    return new Scope(new Session("kinds01"), "kinds");
  }

  /**
   * What running {@code work} threw, or null; bounded, so a kind that waits cannot hang the build.
   */
  private static Throwable outcome(Runnable work) {
    return assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          try {
            work.run();
            return null;
          } catch (RuntimeException | Error e) {
            return e;
          }
        });
  }

  /** The records under a sealed interface, through its sealed sub-interfaces. */
  static List<Class<?>> leaves(Class<?> sealed) {
    List<Class<?>> found = new ArrayList<>();
    for (Class<?> sub : sealed.getPermittedSubclasses()) {
      if (sub.isRecord()) {
        found.add(sub);
      } else {
        found.addAll(leaves(sub));
      }
    }
    return found;
  }

  /** An instance built from plain values; a string that a record refuses is tried with others. */
  static Object sample(Class<?> type) throws Exception {
    try {
      java.lang.reflect.Field preset =
          type.getField("DEFAULT"); // a value the type itself vouches for
      if (preset.getType() == type && java.lang.reflect.Modifier.isStatic(preset.getModifiers())) {
        return preset.get(null);
      }
    } catch (NoSuchFieldException none) {
      // build one
    }
    RuntimeException last = null;
    for (String text : List.of("x", "running", "/x", "x:1", "5s")) {
      try {
        return build(type, text);
      } catch (IllegalArgumentException | NullPointerException e) {
        last = e;
      }
    }
    throw new AssertionError("no sample of " + type.getSimpleName(), last);
  }

  private static Object build(Class<?> type, String text) throws Exception {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] = value(types[i], text);
    }
    Constructor<?> canonical = type.getDeclaredConstructor(types);
    canonical.setAccessible(true);
    try {
      return canonical.newInstance(values);
    } catch (java.lang.reflect.InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  private static Object value(Class<?> type, String text) throws Exception {
    if (type == String.class) {
      return text;
    } else if (type == int.class || type == Integer.class) {
      return 1;
    } else if (type == long.class || type == Long.class) {
      return 1L;
    } else if (type == double.class || type == Double.class) {
      return 1.0;
    } else if (type == boolean.class || type == Boolean.class) {
      return false;
    } else if (type == List.class) {
      return List.of();
    } else if (type == Map.class) {
      return Map.of();
    } else if (type == Duration.class) {
      return Duration.ofSeconds(5);
    } else if (type == Path.class) {
      return Path.of(text);
    } else if (type.isEnum()) {
      return type.getEnumConstants()[0];
    } else if (type.isRecord()) {
      return sample(type);
    } else if (type.isSealed()) {
      return sample(leaves(type).get(0));
    }
    return null;
  }
}
