package dev.workbench.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Lesson prose to HTML: CommonMark with GFM tables and heading anchors. Raw HTML in a lesson is
 * shown as text, not obeyed, pictures named relatively are served from the lesson's folder, and
 * code blocks take the keyboard's focus so they can be scrolled without a mouse.
 */
final class Markdown {
  private static final List<Extension> EXTENSIONS =
      List.of(TablesExtension.create(), HeadingAnchorExtension.create());
  private static final Pattern HAS_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

  private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

  String render(String markdown, String lessonId) {
    Node document = parser.parse(markdown);
    HtmlRenderer renderer =
        HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .attributeProviderFactory(context -> imagesFrom(lessonId))
            .build();
    return renderer.render(document);
  }

  /**
   * One paragraph's worth of Markdown (a quiz's question or option) without the paragraph around
   * it, to sit inside a legend or a label.
   */
  String renderInline(String markdown, String lessonId) {
    String html = render(markdown, lessonId).strip();
    if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 3) < 0) {
      return html.substring(3, html.length() - 4);
    }
    return html;
  }

  private static AttributeProvider imagesFrom(String lessonId) {
    return (Node node, String tagName, Map<String, String> attributes) -> {
      if (node instanceof Image) {
        String src = attributes.get("src");
        if (src != null && isRelative(src)) {
          attributes.put(
              "src", "/lessons/" + lessonId + "/assets/" + src.replaceFirst("^\\./", ""));
        }
        attributes.put("loading", "lazy");
      }
      if (tagName.equals("pre")) {
        // a long command scrolls sideways: the keyboard must be able to reach it to scroll it
        attributes.put("tabindex", "0");
      }
    };
  }

  static boolean isRelative(String src) {
    return !src.isEmpty()
        && !src.startsWith("/")
        && !src.startsWith("#")
        && !HAS_SCHEME.matcher(src).find();
  }
}
