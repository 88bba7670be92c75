package dev.workbench.step;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one place a step kind's name is written: the {@code do:} value of an {@link Action} record,
 * or the {@code expect:} key of a {@link Check} record. Everything else that lists kinds (the
 * lesson format's error messages, the readers' tables, the tests) derives the names from the
 * records through {@link Kinds}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Kind {
  String value();
}
