package dev.workbench.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.Workbench;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every bundle the workbench speaks from (the site's words, the results of checks, verify's
 * console) exists in English with the same keys as the pt-BR original, and each English text fills
 * in the same {@code {0}}, {@code {1}}… as its original: a key or a value left out of one language
 * would show a learner a missing text or a stray placeholder.
 */
class BundlesTest {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

  @Test
  void every_english_bundle_has_the_keys_and_placeholders_of_its_original() throws IOException {
    Path resources = Workbench.projectRoot().resolve("workbench/src/main/resources");
    List<Path> english;
    try (Stream<Path> files = Files.walk(resources)) {
      english = files.filter(f -> f.toString().endsWith("_en.properties")).sorted().toList();
    }
    assertThat(english.stream().map(f -> resources.relativize(f).toString()))
        .contains(
            "web/i18n/messages_en.properties",
            "i18n/checks_en.properties",
            "i18n/console_en.properties");
    for (Path translation : english) {
      Path original =
          translation.resolveSibling(
              translation.getFileName().toString().replace("_en.properties", ".properties"));
      Map<String, Set<String>> en = placeholders(translation);
      Map<String, Set<String>> pt = placeholders(original);
      assertThat(en.keySet()).as("keys of %s", translation).isEqualTo(pt.keySet());
      assertThat(en).as("placeholders of each text of %s", translation).isEqualTo(pt);
    }
  }

  @Test
  void sentences_fill_in_values_as_they_are() {
    Sentences pt = Sentences.of(Sentences.CHECKS, Language.PT_BR);
    Sentences en = Sentences.of(Sentences.CHECKS, Language.EN);
    // no MessageFormat: a count stays 10000, never 10.000 or 10,000
    assertThat(pt.format("firestore.found", 10000, 9000, "categoria", 1000))
        .isEqualTo("10000 documentos: 9000 com categoria, 1000 sem");
    assertThat(en.format("firestore.found", 10000, 9000, "categoria", 1000))
        .isEqualTo("10000 documents: 9000 with categoria, 1000 without");
    // a text that starts with a blank keeps it
    assertThat(pt.format("swarm.node", "no-1") + pt.format("swarm.node.role", "manager"))
        .isEqualTo("no enxame, no-1 é manager");
    // a value that reads like a placeholder (a learner's text) is not filled in again
    assertThat(en.format("output.contains", "{1}")).isEqualTo("the output contains \"{1}\"");
    assertThat(Sentences.fill("{0} and {1}", "{1}", "$2")).isEqualTo("{1} and $2");
    assertThat(en.getOrElse("state.paused", "paused")).isEqualTo("paused");
    assertThat(en.get("state.exited")).isEqualTo("stopped");
  }

  private static Map<String, Set<String>> placeholders(Path bundle) throws IOException {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    Map<String, Set<String>> found = new TreeMap<>();
    for (String key : properties.stringPropertyNames()) {
      Set<String> each = new TreeSet<>();
      Matcher m = PLACEHOLDER.matcher(properties.getProperty(key));
      while (m.find()) {
        each.add(m.group());
      }
      found.put(key, each);
    }
    return found;
  }
}
