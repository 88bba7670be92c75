/**
 * The class: an instructor's workbench acting as a hub that learners' own workbenches report to.
 *
 * <p>On the hub ({@link dev.workbench.hub.ClassHub}): the class and its join code, the learners who
 * joined (each with a token that may only post that learner's events), every event received (kept
 * by id, so a resend is recognised and dropped), and what the instructor reads from them: the
 * roster, the stuck map, a learner's timeline, the CSV export and the presenter's current step. It
 * all lives in an embedded H2 file under the data dir, like the progress store, so a restart of the
 * hub loses nothing.
 *
 * <p>On a learner's workbench ({@link dev.workbench.hub.Outbox}): the membership and an outbox.
 * Each step result and lesson reset becomes a {@link dev.workbench.hub.ClassEvent} written to the
 * outbox first and sent with its id until the hub acknowledges it, so a hub that was down, or a
 * learner's workbench that restarted, still delivers each event once. Only the event's listed
 * fields leave the learner's machine: never parameter values or files.
 *
 * <p>This package knows nothing of HTTP routes (those are in {@code web}); it speaks HTTP only as a
 * client, in {@link dev.workbench.hub.HubClient}.
 */
package dev.workbench.hub;
