package dev.workbench.web;

import dev.workbench.hub.ClassHub;
import dev.workbench.hub.Outbox;

/**
 * What the site is in a class: the hub (the instructor's workbench, {@code serve --class}), a
 * learner's workbench that may join one (its outbox), or neither (tests, headless uses). The site
 * owns what it is handed and closes it when it stops.
 */
public record ClassMode(ClassHub hub, Outbox outbox) {
  public static final ClassMode NONE = new ClassMode(null, null);

  public static ClassMode hub(ClassHub hub) {
    return new ClassMode(hub, null);
  }

  public static ClassMode learner(Outbox outbox) {
    return new ClassMode(null, outbox);
  }

  void close() {
    if (hub != null) {
      hub.close();
    }
    if (outbox != null) {
      outbox.close();
    }
  }
}
