package dev.orgsign.service;

/**
 * Wakes the idle verification workers when there may be new work: rung by this instance's intake
 * after a commit and, on PostgreSQL, by {@link PgNotifications} when another instance's intake
 * commits. A worker reads {@link #rings()} before it looks for work and waits only while nothing
 * has rung since, so a ring between its look and its wait is never missed.
 */
final class Doorbell {
    private long rings;

    /** @return how often the bell has rung so far */
    synchronized long rings() {
        return rings;
    }

    /** Wakes every waiting worker. */
    synchronized void ring() {
        rings++;
        notifyAll();
    }

    /**
     * Waits until the bell rings after {@code seen} was read, or the time is up.
     *
     * @param seen      what {@link #rings()} returned before the caller looked for work
     * @param timeoutMs the longest wait (the fallback poll: leases that ran out ring no bell)
     */
    synchronized void await(long seen, long timeoutMs) throws InterruptedException {
        long end = System.nanoTime() + timeoutMs * 1_000_000L;
        long left = timeoutMs;
        while (rings == seen && left > 0) {
            wait(left);
            left = (end - System.nanoTime()) / 1_000_000L;
        }
    }
}
