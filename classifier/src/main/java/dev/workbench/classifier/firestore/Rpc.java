package dev.workbench.classifier.firestore;

import com.google.api.core.ApiFuture;
import com.google.api.gax.rpc.ApiException;
import dev.workbench.classifier.ClassifierError;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits on a Firestore call with a deadline and turns its failure into one readable message. */
final class Rpc {
  /** Long enough for a 500-write commit on a busy emulator, short enough to notice a dead one. */
  static final long TIMEOUT_SECONDS = 60;

  private Rpc() {}

  static <T> T await(ApiFuture<T> call, String what) {
    try {
      return call.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new FirestoreFailure(what, e.getCause());
    } catch (TimeoutException e) {
      call.cancel(true);
      throw new FirestoreFailure(what + ": no answer after " + TIMEOUT_SECONDS + " s", null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      call.cancel(true);
      throw new FirestoreFailure(what + ": interrupted", null);
    }
  }

  /** The failure itself, out of the wrappers futures put around it. */
  static Throwable unwrap(Throwable t) {
    Throwable cause = t;
    while ((cause instanceof ExecutionException
            || cause instanceof java.util.concurrent.CompletionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** A Firestore call failed; {@link #status()} says why in gRPC terms (e.g. UNAVAILABLE). */
  static final class FirestoreFailure extends ClassifierError {
    private final String status;

    FirestoreFailure(String what, Throwable cause) {
      super("Firestore failed while " + what + (cause == null ? "" : ": " + reason(cause)), cause);
      this.status =
          cause instanceof ApiException api ? api.getStatusCode().getCode().name() : "UNKNOWN";
    }

    String status() {
      return status;
    }

    private static String reason(Throwable cause) {
      if (cause instanceof ApiException api) {
        String msg = api.getMessage() == null ? "" : api.getMessage();
        int newline = msg.indexOf('\n');
        return api.getStatusCode().getCode()
            + " "
            + (newline < 0 ? msg : msg.substring(0, newline));
      }
      return cause.getClass().getSimpleName() + " " + cause.getMessage();
    }
  }
}
