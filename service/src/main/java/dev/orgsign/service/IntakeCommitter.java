package dev.orgsign.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Group commit of concurrent intakes: one thread takes every decoded submission that is waiting
 * (up to {@value #MAX_BATCH}), stores them with {@link IntakeStore#accept} in one transaction and
 * only then tells each its outcome — so every 202 still follows the commit of its own row, while a
 * burst of submissions costs one commit instead of one each. The submissions that arrive during a
 * commit make the next batch. No HTTP thread waits meanwhile, and the answers are written on
 * Jetty's threads so that the next commit need not wait for them. New submissions are stored
 * leased to this instance's workers and handed to them ({@link HandOver}) as far as there is room.
 */
final class IntakeCommitter implements Runnable {
    /** The most submissions stored in one transaction. */
    static final int MAX_BATCH = 64;
    private static final Logger LOG = LoggerFactory.getLogger(IntakeCommitter.class);

    /** A decoded submission waiting for the commit, and whom to tell. */
    interface Waiting {
        /** @return what to store */
        IntakeStore.NewSubmission submission();

        /**
         * Asked once, on this thread, when the submission would be new (the per-recipient limit).
         *
         * @return whether to store it
         */
        boolean admit();

        /** Told after the commit (or when nothing needed committing). */
        void outcome(IntakeStore.Outcome outcome);

        /** Told when the store failed; nothing of the batch was stored. */
        void failed(SQLException e);
    }

    private final IntakeStore store;
    private final Clock clock;
    private final int maxPending;
    private final HandOver handOver;
    private final Duration lease;
    private final Doorbell bell;
    private final Executor answers;
    private final BlockingQueue<Waiting> queue;
    private volatile boolean running = true;

    private IntakeCommitter(Builder b) {
        this.store = b.store;
        this.clock = b.clock;
        this.maxPending = b.maxPending;
        this.handOver = b.handOver;
        this.lease = b.lease;
        this.bell = b.bell;
        this.answers = b.answers;
        this.queue = new ArrayBlockingQueue<>(b.capacity);
    }

    /** @return a builder; every setter is required */
    static Builder builder() {
        return new Builder();
    }

    /** What the committer works with. */
    static final class Builder {
        private IntakeStore store;
        private Clock clock;
        private int maxPending;
        private int capacity;
        private HandOver handOver;
        private Duration lease;
        private Doorbell bell;
        private Executor answers;

        /** @param v where submissions are stored @return this */
        Builder store(IntakeStore v) {
            store = v;
            return this;
        }

        /** @param v the arrival time of new submissions @return this */
        Builder clock(Clock v) {
            clock = v;
            return this;
        }

        /** @param v beyond this many pending submissions new ones are refused @return this */
        Builder maxPending(int v) {
            maxPending = v;
            return this;
        }

        /** @param v the most submissions waiting for a commit; beyond it {@link #offer} refuses @return this */
        Builder capacity(int v) {
            capacity = v;
            return this;
        }

        /**
         * @param to     where new submissions go to this instance's workers, leased to them
         * @param leased how long that lease lasts (the workers' claim lease)
         * @return this
         */
        Builder handOver(HandOver to, Duration leased) {
            handOver = to;
            lease = leased;
            return this;
        }

        /** @param v rung after a commit that stored new submissions @return this */
        Builder bell(Doorbell v) {
            bell = v;
            return this;
        }

        /** @param v where the outcomes are told (the HTTP threads), so the next commit need not wait @return this */
        Builder answers(Executor v) {
            answers = v;
            return this;
        }

        IntakeCommitter build() {
            return new IntakeCommitter(this);
        }
    }

    /** @return false when too many submissions are waiting already (or the committer has stopped) */
    boolean offer(Waiting w) {
        return running && queue.offer(w);
    }

    /** Stops once the submissions already waiting are stored. */
    void stop() {
        running = false;
    }

    @Override
    public void run() {
        List<Waiting> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Waiting first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Waiting> taken) {
        List<Waiting> batch = List.copyOf(taken); // told later, on another thread
        StageEvent event = StageEvent.start("intake.batch");
        List<IntakeStore.NewSubmission> submissions = batch.stream().map(Waiting::submission).toList();
        long now = clock.millis();
        List<IntakeStore.Outcome> outcomes;
        try {
            outcomes = store.accept(submissions, now, maxPending, i -> batch.get(i).admit(),
                    new IntakeStore.SelfLease(handOver.owner(), now + lease.toMillis(), handOver.room()));
        } catch (SQLException e) {
            tell(() -> batch.forEach(w -> w.failed(e)));
            return;
        } catch (RuntimeException e) {
            LOG.error("Intake failure", e);
            SQLException wrapped = new SQLException("intake failure", e);
            tell(() -> batch.forEach(w -> w.failed(wrapped)));
            return;
        }
        event.done(batch.size());
        boolean created = false;
        for (int i = 0; i < batch.size(); i++) {
            IntakeStore.Outcome o = outcomes.get(i);
            created |= o.intake() != null && o.intake().created();
            if (o.leased()) {
                IntakeStore.NewSubmission s = submissions.get(i);
                handOver.add(new ClaimedBatch.Claimed(o.intake().id(), s.requestId(), s.payloadHash(), s.payload(),
                        s.signature(), s.email(), s.organization(), now, s.language()));
            }
        }
        if (created) {
            bell.ring();
        }
        tell(() -> {
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).outcome(outcomes.get(i));
            }
        });
    }

    /** Tells the waiting requests on an answering thread, or here when none takes the work. */
    private void tell(Runnable answer) {
        try {
            answers.execute(answer);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            answer.run();
        }
    }
}
