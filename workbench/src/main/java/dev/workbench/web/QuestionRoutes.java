package dev.workbench.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.engine.Session;
import dev.workbench.lesson.Course;
import dev.workbench.lesson.Lesson;
import dev.workbench.progress.Answer;
import dev.workbench.progress.ProgressStore;
import dev.workbench.progress.StepProgress;
import dev.workbench.progress.StepStatus;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.router.JavalinDefaultRouting;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Quizzes and "predict, then run" exercises: the learner's answer (or prediction) is posted as JSON
 * and kept in their progress; what the page then shows — right or wrong, the explanation, and for
 * an exercise whether the prediction matched what the engine did — comes from here, so the answer
 * key is never in the page before the learner has committed.
 */
final class QuestionRoutes {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Course course;
  private final ProgressStore store;
  private final Markdown markdown = new Markdown();

  QuestionRoutes(Course course, ProgressStore store) {
    this.course = course;
    this.store = store;
  }

  void install(JavalinDefaultRouting router) {
    router.get("/api/lessons/{id}/questions", this::states);
    router.post("/api/lessons/{id}/questions/{question}/answers", this::answer);
  }

  private void states(Context ctx) {
    Lesson lesson = Lookups.lesson(course, ctx);
    Lesson shown = Lookups.lesson(course, ctx, Languages.of(ctx));
    Session session = Learners.of(ctx);
    Map<String, StepProgress> steps = store.lesson(session, lesson.id());
    Map<String, Answer> answers = store.answers(session, lesson.id());
    Map<String, Object> questions = new LinkedHashMap<>();
    for (Lesson.Block.Question question : lesson.questions()) {
      questions.put(question.id(), state(shown, question, steps, answers, Languages.texts(ctx)));
    }
    Tally tally = Tally.of(lesson, steps, answers);
    ctx.json(Map.of("done", tally.done(), "total", tally.total(), "questions", questions));
  }

  private void answer(Context ctx) {
    Texts texts = Languages.texts(ctx);
    Lesson lesson = Lookups.lesson(course, ctx);
    String id = ctx.pathParam("question");
    Lesson.Block.Question question =
        lesson
            .question(id)
            .orElseThrow(
                () -> new NotFoundResponse(texts.format("msg_no_question", lesson.id(), id)));
    int choice = choice(ctx.body(), question.options().size(), texts);
    Session session = Learners.of(ctx);
    store.answered(session, lesson.id(), id, choice, question.right(choice));
    Lesson shown = Lookups.lesson(course, ctx, Languages.of(ctx));
    ctx.json(
        state(
            shown,
            question,
            store.lesson(session, lesson.id()),
            store.answers(session, lesson.id()),
            texts));
  }

  /** {@code {"choice": n}}, n an option's number from 1; anything else is a 400 that says so. */
  static int choice(String body, int options, Texts texts) {
    JsonNode root;
    try {
      root = body == null || body.isBlank() ? null : JSON.readTree(body);
    } catch (JsonProcessingException e) {
      root = null;
    }
    String refused = texts.format("msg_bad_choice", options);
    if (root == null || !root.isObject()) {
      throw new BadRequestResponse(refused);
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      if (!names.next().equals("choice")) {
        throw new BadRequestResponse(refused);
      }
    }
    JsonNode choice = root.path("choice");
    if (!choice.isInt() || choice.asInt() < 1 || choice.asInt() > options) {
      throw new BadRequestResponse(refused);
    }
    return choice.asInt();
  }

  /**
   * What the page may show of one question now. The texts come from {@code shown} (the learner's
   * language); the key and the ids are the same in every language.
   */
  private Map<String, Object> state(
      Lesson shown,
      Lesson.Block.Question question,
      Map<String, StepProgress> steps,
      Map<String, Answer> answers,
      Texts texts) {
    Lesson.Block.Question words = shown.question(question.id()).orElse(question);
    Answer answer = answers.get(question.id());
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("kind", question instanceof Lesson.Block.Quiz ? "quiz" : "exercise");
    state.put("answered", answer != null);
    state.put("done", Tally.done(question, steps, answers));
    if (answer == null) {
      return state;
    }
    state.put("choice", answer.choice());
    String explanation = markdown.render(words.explanation(), shown.id());
    if (question instanceof Lesson.Block.Exercise exercise) {
      state.put("step", exercise.step());
      StepProgress run = steps.get(exercise.step());
      boolean ranSince =
          run != null
              && run.updated() != null
              && !run.updated().isBefore(answer.at())
              && (run.status() == StepStatus.PASSED || run.status() == StepStatus.FAILED);
      if (!ranSince) {
        state.put("outcome", "waiting");
        state.put("result", texts.format("exercise_waiting", answer.choice()));
        return state;
      }
      if (run.status() == StepStatus.FAILED) {
        state.put("outcome", "not-reached");
        state.put("result", texts.get("exercise_not_reached"));
        return state;
      }
      state.put("outcome", answer.right() ? "matched" : "missed");
      state.put("answer", question.answer());
      state.put(
          "result",
          texts.format(
              answer.right() ? "exercise_matched" : "exercise_missed",
              answer.choice(),
              question.answer()));
      state.put("explanation", explanation);
      return state;
    }
    state.put("right", answer.right());
    state.put("answer", question.answer());
    state.put(
        "result", texts.format(answer.right() ? "quiz_right" : "quiz_wrong", question.answer()));
    state.put("explanation", explanation);
    return state;
  }
}
