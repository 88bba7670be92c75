package dev.workbench.classifier.firestore;

import dev.workbench.classifier.ClassifierError;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/** Waiting on our own worker threads, with their failure rethrown as it was thrown. */
final class Futures {
  private Futures() {}

  static void join(Future<?> f) {
    try {
      f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new ClassifierError("worker failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClassifierError("interrupted");
    }
  }

  static void acquire(Semaphore s) {
    try {
      s.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClassifierError("interrupted");
    }
  }
}
