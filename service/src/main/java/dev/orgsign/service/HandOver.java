package dev.orgsign.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Submissions this instance has just stored, handed to its own workers in memory. The intake's
 * transaction stores them already leased to {@link #owner()} (as a claim would), as many as there
 * is {@link #room()} for, so no other instance takes them while the lease lasts; the workers verify
 * them from the bytes the intake decoded, without claiming them or reading them back. What is still
 * here when the process dies is in the database, pending: its lease runs out (or is voided at start
 * on the embedded store) and it is claimed like any other submission.
 */
final class HandOver {
    private final BlockingQueue<ClaimedBatch.Claimed> queue;
    private final String owner;

    /**
     * @param capacity the most submissions waiting here (0: nothing is handed over)
     * @param instance this instance's name, the start of the lease owner
     */
    HandOver(int capacity, String instance) {
        this.queue = capacity > 0 ? new ArrayBlockingQueue<>(capacity) : null;
        this.owner = instance + "/" + UUID.randomUUID();
    }

    /** @return the lease owner of the submissions handed over */
    String owner() {
        return owner;
    }

    /** @return how many more submissions may be handed over now (only the intake adds, so it can rely on it) */
    int room() {
        return queue == null ? 0 : queue.remainingCapacity();
    }

    /** Hands over a stored submission leased to {@link #owner()}; there is {@link #room()} for it. */
    void add(ClaimedBatch.Claimed c) {
        if (queue == null || !queue.offer(c)) {
            throw new IllegalStateException("no room to hand over submission " + c.id());
        }
    }

    /** @return up to {@code max} submissions handed over, oldest first; empty when there are none */
    List<ClaimedBatch.Claimed> take(int max) {
        List<ClaimedBatch.Claimed> out = new ArrayList<>();
        if (queue != null) {
            queue.drainTo(out, max);
        }
        return out;
    }
}
