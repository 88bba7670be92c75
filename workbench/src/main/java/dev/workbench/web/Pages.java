package dev.workbench.web;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.workbench.engine.KnownError;
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
 * escapes every {@code {{value}}}; only rendered lesson prose and the interface's own texts (which
 * may hold {@code <code>}) go out unescaped ({@code {{{html}}}}, {@code {{{t.key}}}}).
 */
final class Pages {
  private final Mustache.Compiler compiler =
      Mustache.compiler().defaultValue("").emptyStringIsFalse(true).withLoader(Pages::reader);
  private final Map<String, Template> templates = new ConcurrentHashMap<>();

  /**
   * Renders a page in the language of {@code texts}; every page gets the course name, its own
   * title, the interface's words as {@code t} and, for the script, the same words as JSON.
   */
  String render(String name, String title, Texts texts, Map<String, Object> model) {
    Map<String, Object> all = new HashMap<>(model);
    String course = texts.get("course");
    all.put("t", texts.all());
    all.put("textsJson", texts.json());
    all.put("nameTakenLead", texts.lead(KnownError.Problem.NAME_IN_USE));
    all.put("course", course);
    all.put("pageTitle", title == null ? course : title + " · " + course);
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
