package io.salesops.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs numbered tasks on the calling thread and up to {@code threads - 1} helper threads made for the job, each
 * taking the next task until none is left; returns when all are done. A read makes its own threads rather than
 * borrowing a shared pool, whose threads the caller's other work may need.
 */
final class Workers {

    /** A numbered task; may throw an {@link IOException}. */
    interface Task {
        void run(int index) throws IOException;
    }

    private Workers() {
    }

    /**
     * @throws IOException the first that a task threw, after all tasks ended
     * @throws RuntimeException the first that a task threw, after all tasks ended
     */
    static void run(int threads, int tasks, Task task) throws IOException {
        AtomicInteger next = new AtomicInteger();
        Throwable[] failure = new Throwable[1];
        Runnable work = () -> {
            for (int i; (i = next.getAndIncrement()) < tasks; ) {
                try {
                    task.run(i);
                } catch (IOException e) {
                    fail(failure, new UncheckedIOException(e));
                } catch (RuntimeException | Error e) {
                    fail(failure, e);
                }
            }
        };
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < Math.min(threads, tasks) - 1; t++) {
            Thread th = new Thread(work, "salesops-csv-" + t);
            th.setDaemon(true);
            th.start();
            started.add(th);
        }
        work.run();
        for (Thread th : started) {
            try {
                th.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading");
            }
        }
        if (failure[0] instanceof UncheckedIOException u) {
            throw u.getCause();
        }
        if (failure[0] instanceof RuntimeException r) {
            throw r;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
    }

    private static void fail(Throwable[] failure, Throwable e) {
        synchronized (failure) {
            if (failure[0] == null) {
                failure[0] = e;
            }
        }
    }
}
