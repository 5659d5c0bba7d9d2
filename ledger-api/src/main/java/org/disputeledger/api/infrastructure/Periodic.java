package org.disputeledger.api.infrastructure;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background task on a daemon thread of its own, run again a fixed delay after each run ends. A run that fails is
 * logged and the task runs again at the next turn: background work (sealing, checking a replica) must outlive a
 * passing database error.
 */
public final class Periodic {

    private static final Logger LOG = LoggerFactory.getLogger(Periodic.class);

    private final String threadName;
    private volatile ScheduledExecutorService executor;

    public Periodic(String threadName) {
        this.threadName = threadName;
    }

    /** Starts running {@code task} now and then {@code delay} after each run; {@code failure} says what failed. */
    public synchronized void start(Duration delay, Runnable task, String failure) {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("{}; it runs again in {} ms", failure, delay.toMillis(), e);
            }
        }, 0, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether it runs and has not been asked to stop: a long run checks this to end early. */
    public boolean running() {
        ScheduledExecutorService current = executor;
        return current != null && !current.isShutdown();
    }

    /** Lets the run in progress end (at most {@code wait}, then interrupts it) and runs no more. */
    public synchronized void stop(Duration wait) {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running == null) {
            return;
        }
        running.shutdown();
        try {
            if (!running.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                running.shutdownNow();
            }
        } catch (InterruptedException e) {
            running.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
