package dev.workbench.web;

import dev.workbench.engine.Session;
import dev.workbench.run.RunEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One run of a step as the site sees it: every event so far, kept so a page that subscribes late
 * (or reloads) gets the whole story, then the live rest of it.
 */
final class Run {
  /** Browsers that may follow one run at once; each holds a thread while it follows. */
  static final int MAX_FOLLOWERS = 4;

  private final String id;
  private final Session session;
  private final String lessonId;
  private final String stepId;
  private final List<RunEvent> events = new ArrayList<>();
  private final List<Consumer<RunEvent>> listeners = new CopyOnWriteArrayList<>();
  private volatile Instant finishedAt;

  Run(String id, Session session, String lessonId, String stepId) {
    this.id = id;
    this.session = session;
    this.lessonId = lessonId;
    this.stepId = stepId;
  }

  String id() {
    return id;
  }

  Session session() {
    return session;
  }

  String lessonId() {
    return lessonId;
  }

  String stepId() {
    return stepId;
  }

  boolean finished() {
    return finishedAt != null;
  }

  Instant finishedAt() {
    return finishedAt;
  }

  /**
   * Records an event and hands it to the listeners; under the same lock as {@link #subscribe}, so a
   * subscriber sees every event once and in order.
   */
  synchronized void emit(RunEvent event) {
    if (finished()) {
      return;
    }
    events.add(event);
    if (event instanceof RunEvent.Finished) {
      finishedAt = Instant.now();
    }
    for (Consumer<RunEvent> listener : listeners) {
      listener.accept(event);
    }
    if (finished()) {
      listeners.clear();
    }
  }

  /** Replays what happened so far, then follows the run until it finishes. */
  synchronized void subscribe(Consumer<RunEvent> listener) {
    events.forEach(listener);
    if (!finished()) {
      listeners.add(listener);
    }
  }

  /**
   * What happened so far, with the follower attached for the rest, in one step so it sees every
   * event once. A run keeps at most {@link #MAX_FOLLOWERS}: a new one drops the oldest (a page
   * reloaded leaves its old stream behind until the server notices).
   */
  synchronized List<RunEvent> follow(Follower follower) {
    if (!finished()) {
      List<Follower> following =
          listeners.stream().filter(Follower.class::isInstance).map(Follower.class::cast).toList();
      if (following.size() >= MAX_FOLLOWERS) {
        following.get(0).drop();
        listeners.remove(following.get(0));
      }
      listeners.add(follower);
    }
    return List.copyOf(events);
  }

  void unsubscribe(Consumer<RunEvent> listener) {
    listeners.remove(listener);
  }
}
