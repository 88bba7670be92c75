package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.samskivert.mustache.Escapers;
import dev.workbench.Workbench;
import dev.workbench.engine.Engine;
import dev.workbench.lesson.Course;
import dev.workbench.lesson.Language;
import dev.workbench.lesson.Lesson;
import dev.workbench.run.StepRunner;
import dev.workbench.step.Step;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.nio.file.Path;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The instructor's kit over the real course, in both languages: the guide gives every lesson its
 * time and links to its answer key and its command sheet, and each lesson's page has a key for
 * every quiz and exercise and every step's command. Built from the lesson files alone, so the
 * engine may be away.
 */
class InstructorGuideTest {
  private final Path root = Workbench.projectRoot();
  private final Course course = Course.load(root.resolve("lessons"));

  @TempDir Path data;
  private Engine engine;
  private Javalin app;

  @BeforeEach
  void start() {
    engine = new Engine(URI.create("unix://" + data.resolve("no-engine.sock")), data);
    app =
        WebApp.create(
            new WebConfig("127.0.0.1", 0, data, root, null),
            course,
            engine,
            new StepRunner(engine, root));
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void the_guide_lists_every_lesson_with_its_time_key_and_command_sheet_in_both_languages() {
    JavalinTest.test(
        app,
        (server, client) -> {
          for (Language language : Language.values()) {
            Response response = client.get(InstructorGuide.PATH + "?lang=" + language.tag());
            String html = response.body().string();
            assertThat(response.code()).isEqualTo(200);
            // the page carries every interface word for its script: only a cell may not say it
            assertThat(html).doesNotContain("<td>não informado</td>", "<td>not given</td>");
            for (Lesson lesson : course.lessons(language)) {
              assertThat(lesson.minutes()).as("minutes of %s", lesson.id()).isPositive();
              assertThat(html)
                  .as("%s in %s", lesson.id(), language.tag())
                  .contains(
                      "<td>" + lesson.minutes() + " min</td>",
                      "href=\"/instrutor/guia/" + lesson.id() + "#keys-heading\"",
                      "href=\"/instrutor/guia/" + lesson.id() + "#sheet-heading\"");
            }
          }
        });
  }

  @Test
  void each_lesson_page_has_every_answer_key_and_every_steps_command_in_both_languages() {
    JavalinTest.test(
        app,
        (server, client) -> {
          for (Language language : Language.values()) {
            for (Lesson lesson : course.lessons(language)) {
              String page = InstructorGuide.PATH + "/" + lesson.id() + "?lang=" + language.tag();
              Response response = client.get(page);
              String html = response.body().string();
              assertThat(response.code()).as(page).isEqualTo(200);
              assertThat(lesson.questions()).as("questions of %s", lesson.id()).isNotEmpty();
              for (Lesson.Block.Question question : lesson.questions()) {
                assertThat(html)
                    .as("%s: key of %s", page, question.id())
                    .contains("id=\"key-" + question.id() + "\"")
                    .contains(
                        (language == Language.EN ? "Answer: option " : "Resposta: opção ")
                            + question.answer());
              }
              assertThat(html).as(page).contains("id=\"sheet-heading\"");
              for (Step step : lesson.steps()) {
                assertThat(html)
                    .as("%s: command of %s", page, step.id())
                    .contains("<code>" + Escapers.HTML.escape(step.cli()) + "</code>");
              }
            }
          }
        });
  }
}
