package dev.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.engine.Session;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * A learner of a running site, driven through its HTTP API the way the lesson page drives it, for
 * the tests that run steps on a real server: the site issues the session, a step's run is started
 * and its event stream followed to the end. The site sends "finished" only after recording the
 * progress, and closes the stream with it, so the result is read there: no polling and no deadline
 * of the test's own (a hung run still ends at the step's limits, a dead server ends the stream).
 *
 * @param site where the site answers, e.g. {@code http://127.0.0.1:7070}
 * @param token the site's token, sent on every request; null for a site without one
 * @param cookie the session cookie the site issued ({@code wb_session=…})
 * @param session the session the site named the learner's resources after
 */
public record ApiLearner(URI site, String token, String cookie, Session session) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  /** A new learner, issued by the site as on a first visit. */
  public static ApiLearner issued(URI site, String token) throws IOException, InterruptedException {
    ApiLearner visitor = new ApiLearner(site, token, null, null);
    HttpResponse<String> answer =
        HTTP.send(visitor.request("/api/session").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as("/api/session: " + answer.body()).isEqualTo(200);
    String cookie =
        answer.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("wb_session="))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the site issued no session cookie"))
            .split(";", 2)[0];
    Session session = new Session(JSON.readTree(answer.body()).path("session").asText());
    return new ApiLearner(site, token, cookie, session);
  }

  /** A learner of the site on this loopback port. */
  public static ApiLearner issued(int port, String token) throws IOException, InterruptedException {
    return issued(URI.create("http://127.0.0.1:" + port), token);
  }

  /** Runs a step with its default values and waits for its end, as the page's Run button does. */
  public StepEnd run(String lesson, String step) throws IOException, InterruptedException {
    HttpResponse<String> started =
        HTTP.send(
            request("/api/lessons/" + lesson + "/steps/" + step + "/runs")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(started.statusCode())
        .as(lesson + "/" + step + " starts: " + started.body())
        .isEqualTo(202);
    String events = JSON.readTree(started.body()).path("events").asText();
    // no time-out on the stream: it is quiet only between heartbeats while the step runs
    HttpRequest follow =
        withCredentials(HttpRequest.newBuilder(site.resolve(events)))
            .header("Accept", "text/event-stream")
            .build();
    HttpResponse<Stream<String>> stream = HTTP.send(follow, HttpResponse.BodyHandlers.ofLines());
    try (Stream<String> lines = stream.body()) {
      assertThat(stream.statusCode()).as(events).isEqualTo(200);
      String event = "";
      for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
        String line = it.next();
        if (line.startsWith("event:")) {
          event = line.substring("event:".length()).strip();
        } else if (line.startsWith("data:") && event.equals("finished")) {
          return new StepEnd(lesson, step, JSON.readTree(line.substring("data:".length()).strip()));
        }
      }
    }
    throw new AssertionError(lesson + "/" + step + ": the run's stream ended without its result");
  }

  /** A request to the site with this learner's token and cookie, for the calls the test makes. */
  public HttpRequest.Builder request(String path) {
    return withCredentials(HttpRequest.newBuilder(site.resolve(path)))
        .timeout(Duration.ofSeconds(30));
  }

  private HttpRequest.Builder withCredentials(HttpRequest.Builder builder) {
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    if (cookie != null) {
      builder.header("Cookie", cookie);
    }
    return builder;
  }

  /**
   * A run's end as the site announced it: the "finished" event, with the status, the message and
   * each check's verdict.
   */
  public record StepEnd(String lesson, String step, JsonNode finished) {
    /** PASSED or FAILED, as the progress records it. */
    public String status() {
      return finished.path("status").asText();
    }

    public boolean passed() {
      return finished.path("passed").asBoolean();
    }

    @Override
    public String toString() {
      return lesson + "/" + step + ": " + finished;
    }
  }
}
