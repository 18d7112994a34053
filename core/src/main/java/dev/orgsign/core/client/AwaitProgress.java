package dev.orgsign.core.client;

import java.time.Duration;

/** Told about each status poll while {@link VerificationClient#await} follows a submission. */
@FunctionalInterface
public interface AwaitProgress {
    /**
     * Called after every poll, the last one included.
     *
     * @param current  what the service reported
     * @param attempt  1 for the first poll
     * @param elapsed  time since waiting began
     * @param nextPoll how long until the next poll (zero after the last one)
     */
    void polled(Submission current, int attempt, Duration elapsed, Duration nextPoll);

    /**
     * A callback that ignores the polls.
     *
     * @return a no-op callback
     */
    static AwaitProgress none() {
        return (current, attempt, elapsed, nextPoll) -> { };
    }
}
