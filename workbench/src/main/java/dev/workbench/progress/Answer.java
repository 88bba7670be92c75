package dev.workbench.progress;

import java.time.Instant;

/**
 * A learner's latest answer to a quiz, or prediction for an exercise, of one lesson.
 *
 * @param choice the option picked, counted from 1
 * @param right whether it is the lesson's right option (for an exercise: the one its step proves)
 * @param at when it was given: an exercise's outcome shows for a run of its step after this
 */
public record Answer(String questionId, int choice, boolean right, Instant at) {}
