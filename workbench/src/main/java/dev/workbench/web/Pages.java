package dev.workbench.web;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The page templates ({@code web/templates/*.mustache} on the class path), compiled once. Mustache
 * escapes every {@code {{value}}}; only rendered lesson prose goes out unescaped ({@code {{{html}}}}).
 */
final class Pages {
  static final String COURSE = "Docker na prática";

  private final Mustache.Compiler compiler =
      Mustache.compiler().defaultValue("").emptyStringIsFalse(true).withLoader(Pages::reader);
  private final Map<String, Template> templates = new ConcurrentHashMap<>();

  /** Renders a page; every page gets the course name and its own title. */
  String render(String name, String title, Map<String, Object> model) {
    Map<String, Object> all = new HashMap<>(model);
    all.put("course", COURSE);
    all.put("pageTitle", title == null ? COURSE : title + " · " + COURSE);
    return templates.computeIfAbsent(name, n -> compiler.compile(reader(n))).execute(all);
  }

  private static Reader reader(String name) {
    InputStream in = Pages.class.getResourceAsStream("/web/templates/" + name + ".mustache");
    if (in == null) {
      throw new UncheckedIOException(new java.io.FileNotFoundException("template " + name));
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
