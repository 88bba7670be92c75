package dev.workbench.step;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kinds of a sealed family of step records, read from the family itself: the records are the
 * list, so a new record is a new kind without a second list to update. The places that handle kinds
 * (reader, executor, evaluator, name rules, cloud rules) key their one table by record class and
 * ask {@link #missing} which records they lack, so a kind nobody handles is named by a test rather
 * than met by a learner.
 */
public final class Kinds {
  private Kinds() {}

  private static final Map<Class<?>, List<Class<?>>> LEAVES = new ConcurrentHashMap<>();

  /**
   * The records under a sealed interface, through its sealed sub-interfaces, ordered by name: the
   * class file keeps them in the order the compiler first met them, which is no order a reader
   * knows.
   */
  public static List<Class<?>> leaves(Class<?> sealed) {
    return LEAVES.computeIfAbsent(sealed, Kinds::find);
  }

  private static List<Class<?>> find(Class<?> sealed) {
    if (!sealed.isSealed()) {
      throw new IllegalArgumentException(sealed.getName() + " is not sealed");
    }
    List<Class<?>> found = new ArrayList<>();
    for (Class<?> sub : sealed.getPermittedSubclasses()) {
      if (sub.isRecord()) {
        found.add(sub);
      } else {
        found.addAll(find(sub));
      }
    }
    found.sort(java.util.Comparator.comparing(Class::getName));
    return List.copyOf(found);
  }

  /** The name a record's {@link Kind} annotation gives it. */
  public static String name(Class<?> record) {
    Kind kind = record.getAnnotation(Kind.class);
    if (kind == null) {
      throw new IllegalStateException(record.getName() + " has no @Kind: its do:/expect: name");
    }
    return kind.value();
  }

  /** Every name of a sealed family, sorted, so a list of them in a message is easy to scan. */
  public static List<String> names(Class<?> sealed) {
    return leaves(sealed).stream().map(Kinds::name).sorted().toList();
  }

  /**
   * The records of {@code sealed} that {@code handled} lacks, each as "Family.Record has no {@code
   * concern}"; empty when every kind is handled.
   */
  public static List<String> missing(
      Class<?> sealed, Collection<? extends Class<?>> handled, String concern) {
    List<String> gaps = new ArrayList<>();
    for (Class<?> leaf : leaves(sealed)) {
      if (!handled.contains(leaf)) {
        gaps.add(
            leaf.getName().substring(leaf.getPackageName().length() + 1).replace('$', '.')
                + " ("
                + kindOrNone(leaf)
                + ") has no "
                + concern);
      }
    }
    return gaps;
  }

  private static String kindOrNone(Class<?> leaf) {
    Kind kind = leaf.getAnnotation(Kind.class);
    return kind == null ? "no @Kind" : kind.value();
  }
}
