package dev.workbench.lesson;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Every string inside a step value (an action, a check, a list of them), found by walking record
 * components: rules such as "no {@code docker.sock} anywhere" then hold for action kinds added
 * later without a line changed here.
 */
final class Texts {
  private Texts() {}

  static List<String> in(Object value) {
    List<String> texts = new ArrayList<>();
    collect(value, texts);
    return texts;
  }

  private static void collect(Object value, List<String> texts) {
    if (value instanceof String text) {
      texts.add(text);
    } else if (value instanceof Collection<?> items) {
      items.forEach(item -> collect(item, texts));
    } else if (value instanceof Map<?, ?> map) {
      map.forEach(
          (k, v) -> {
            collect(k, texts);
            collect(v, texts);
          });
    } else if (value instanceof Record record) {
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        collect(read(component, record), texts);
      }
    }
  }

  private static Object read(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component.getName() + " of " + record, e);
    }
  }
}
