package io.salesops.server.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Disconnects clients that take too long over a request's headers. Jetty's idle timeout only catches a client
 * that stops sending; one byte every ten seconds keeps a connection alive for ever. Every {@code timeout} this
 * looks at each connection: one that was in the middle of a request's headers at the previous look and still
 * is, with no request completed in between, has spent between one and two timeouts on them and is closed.
 * Thread-safe: the checks run on the connector's scheduler.
 */
public final class SlowHeaders implements Connection.Listener {

    private final Scheduler scheduler;
    private final long timeoutMillis;

    /** @param scheduler the connector's scheduler; @param timeout the time a request's headers may take */
    public SlowHeaders(Scheduler scheduler, Duration timeout) {
        this.scheduler = scheduler;
        this.timeoutMillis = timeout.toMillis();
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection http) {
            new Watch(http).schedule();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        // The watch sees the closed end point and stops.
    }

    /** One connection's watch. */
    private final class Watch implements Runnable {
        private final HttpConnection connection;
        private long requestsSeen = -1;
        private boolean inHeadersBefore;

        Watch(HttpConnection connection) {
            this.connection = connection;
        }

        void schedule() {
            scheduler.schedule(this, timeoutMillis, TimeUnit.MILLISECONDS);
        }

        @Override
        public void run() {
            if (!connection.getEndPoint().isOpen()) {
                return;
            }
            HttpParser parser = connection.getParser();
            boolean inHeaders = parser.inHeaderState() && !parser.isStart();
            long requests = connection.getMessagesIn();
            if (inHeaders && inHeadersBefore && requests == requestsSeen) {
                connection.getEndPoint().close();
                return;
            }
            // A connection that has sent nothing of its next request is left to the idle timeout.
            inHeadersBefore = inHeaders;
            requestsSeen = requests;
            schedule();
        }
    }
}
