package dev.orgsign.service;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A JDK Flight Recorder event for one stage of a submission's way through the service (body read,
 * decoding, intake commit, claim, verification, verdict commit, status reads). It costs nothing
 * unless a recording is running ({@code -XX:StartFlightRecording}); {@code StageBreakdown} in
 * {@code bench} turns a recording into the per-stage table of the service's README. Carries no
 * personal data: a stage name and a count.
 */
@Name("dev.orgsign.Stage")
@Label("orgsign stage")
@Category("orgsign")
@Description("One stage of a submission in the verification service")
@StackTrace(false)
final class StageEvent extends Event {
    @Label("Stage")
    String stage;

    @Label("Items")
    @Description("Submissions handled in this stage (a claim or a verdict batch may hold several)")
    int items;

    private StageEvent(String stage) {
        this.stage = stage;
    }

    /**
     * Starts timing a stage.
     *
     * @param stage what is timed, e.g. {@code intake.commit}
     * @return the running event; call {@link #done(int)} when the stage ends
     */
    static StageEvent start(String stage) {
        StageEvent e = new StageEvent(stage);
        e.begin();
        return e;
    }

    /**
     * Ends the stage and records it, when a recording is running.
     *
     * @param count the submissions it handled
     */
    void done(int count) {
        end();
        if (shouldCommit()) {
            items = count;
            commit();
        }
    }
}
