package dev.workbench.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.engine.Session;
import java.io.IOException;
import okhttp3.Response;

/**
 * A learner the site issued, for tests that talk to the site as a browser would: the cookie to send
 * and the session the site named the learner's resources after. Sessions cannot be chosen any more,
 * so a test asks the site for one like a first visit does.
 */
public record IssuedSession(String cookie, Session session) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static IssuedSession from(io.javalin.testtools.HttpClient client) throws IOException {
    try (Response response = client.get("/api/session")) {
      String setCookie =
          response.headers("Set-Cookie").stream()
              .filter(c -> c.startsWith(Learners.COOKIE + "="))
              .findFirst()
              .orElseThrow(() -> new AssertionError("the site issued no session cookie"));
      String id = JSON.readTree(response.body().string()).path("session").asText();
      return new IssuedSession(setCookie.split(";", 2)[0], new Session(id));
    }
  }
}
