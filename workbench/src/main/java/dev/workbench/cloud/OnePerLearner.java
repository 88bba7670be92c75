package dev.workbench.cloud;

import dev.workbench.engine.QuotaExceeded;
import dev.workbench.engine.Scope;
import dev.workbench.engine.Session;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The stand-ins learners start (a cloud, a swarm), kept by the one rule both follow: one per
 * learner, held by the lesson that started it; at most a server-wide number at once, those still
 * starting included; started again by the same lesson, it is replaced; that lesson's reset and the
 * owner's close stop it.
 *
 * @param <T> the stand-in
 */
final class OnePerLearner<T> {
  /**
   * What a learner reads when a limit refuses them.
   *
   * @param perLearner the quota's name for one learner ("nuvens por aluno")
   * @param heldElsewhere what to do when another lesson holds theirs; {@code %s} is that lesson
   * @param perServer the quota's name for the whole server
   * @param serverFull what to do when the server has no room
   */
  record Words(String perLearner, String heldElsewhere, String perServer, String serverFull) {}

  private final Map<String, T> bySession = new ConcurrentHashMap<>();

  /** Sessions whose stand-in is starting: they count against the limit already. */
  private final Set<String> starting = new HashSet<>();

  private final Function<T, Scope> scopeOf;
  private final Consumer<T> stop;
  private final Words words;

  OnePerLearner(Function<T, Scope> scopeOf, Consumer<T> stop, Words words) {
    this.scopeOf = scopeOf;
    this.stop = stop;
    this.words = words;
  }

  /**
   * Throws {@link QuotaExceeded} unless {@code scope} may start one now: the learner has none in
   * another lesson, and the server has room (one this lesson holds counts as room: starting again
   * replaces it). The site asks before it accepts a run, to answer 429 at once.
   */
  synchronized void requireRoom(Scope scope, int limit) {
    String id = scope.session().id();
    T mine = bySession.get(id);
    String holder = mine == null ? scope.lesson() : scopeOf.apply(mine).lesson();
    if (starting.contains(id) || !holder.equals(scope.lesson())) {
      throw new QuotaExceeded(words.perLearner(), 1, String.format(words.heldElsewhere(), holder));
    }
    int running = bySession.size() - (mine == null ? 0 : 1) + starting.size();
    if (running >= limit) {
      throw new QuotaExceeded(words.perServer(), limit, words.serverFull());
    }
  }

  /** Starts the session's stand-in with {@code starter}, in place of the one it had. */
  T start(Scope scope, int limit, Supplier<T> starter) {
    String id = scope.session().id();
    T previous;
    synchronized (this) {
      requireRoom(scope, limit);
      starting.add(id);
      previous = bySession.remove(id); // counted as starting now, not twice
    }
    try {
      if (previous != null) {
        stop.accept(previous);
      }
      T started = starter.get();
      bySession.put(id, started);
      return started;
    } finally {
      synchronized (this) {
        starting.remove(id);
      }
    }
  }

  Optional<T> of(Session session) {
    return Optional.ofNullable(bySession.get(session.id()));
  }

  /** Stops the session's stand-in if this lesson (any lesson, when null) started it. */
  void reset(Session session, String lessonId) {
    T held = bySession.get(session.id());
    if (held != null && (lessonId == null || lessonId.equals(scopeOf.apply(held).lesson()))) {
      stop(session);
    }
  }

  /** Stops every session's stand-in: the owner's close. Idempotent. */
  void stopAll() {
    new ArrayList<>(bySession.keySet()).forEach(id -> stop(new Session(id)));
  }

  void stop(Session session) {
    T held = bySession.remove(session.id());
    if (held != null) {
      stop.accept(held);
    }
  }
}
