package io.salesops.forecast.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent tasks on a few daemon threads and waits for all of them. A task's exception comes back to the
 * caller unchanged (a {@link PipelineInputException} stays one, so a CLI still exits 1 and a server still answers
 * 400): when several fail, the first in task order, as a sequential run would report it. Stateless.
 */
final class ParallelTasks {

    private ParallelTasks() {
    }

    /**
     * Runs every task, on up to {@code threads} threads named {@code name}, or on this thread when
     * {@code threads <= 1} or there is a single task.
     *
     * @throws RuntimeException the first failed task's own exception (an {@link Error} too is rethrown as is)
     * @throws IllegalStateException if this thread is interrupted while waiting (the interrupt flag stays set)
     */
    static void runAll(List<? extends Runnable> tasks, int threads, String name) {
        if (threads <= 1 || tasks.size() <= 1) {
            tasks.forEach(Runnable::run);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>(tasks.size());
            for (Runnable t : tasks) {
                futures.add(pool.submit(t));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(name + " failed: " + cause, cause); // a Runnable throws nothing checked
        } finally {
            pool.shutdownNow();
        }
    }
}
