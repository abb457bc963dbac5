package org.etomkg.server.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;

/**
 * Closes a connection whose request line and headers take longer than the limit to arrive. A
 * client that sends its headers a byte at a time never trips the idle timeout; without this it
 * could keep connections open for hours. Headers are parsed without a worker thread, so this
 * guards the server's connections, not its threads: a sweep every few seconds looks at the
 * parser of each open HTTP/1 connection.
 */
public final class SlowHeaders extends AbstractLifeCycle implements Connection.Listener {
    private final long limitNanos;
    private final Map<HttpConnection, Long> inHeaders = new ConcurrentHashMap<>();   // connection -> when its headers began, as seen
    private final Map<HttpConnection, Long> messages = new ConcurrentHashMap<>();
    private ScheduledExecutorService sweeper;

    public SlowHeaders(long limitSeconds) { this.limitNanos = TimeUnit.SECONDS.toNanos(limitSeconds); }

    @Override public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection http) inHeaders.put(http, 0L);
    }

    @Override public void onClosed(Connection connection) {
        inHeaders.remove(connection);
        messages.remove(connection);
    }

    @Override protected void doStart() {
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "etom-kg slow headers");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(limitNanos) / 4);
        sweeper.scheduleAtFixedRate(this::sweep, period, period, TimeUnit.SECONDS);
    }

    @Override protected void doStop() {
        sweeper.shutdownNow();
    }

    /** Notes when each connection's current request started its headers; closes those past the limit. */
    void sweep() {
        long now = System.nanoTime();
        for (HttpConnection c : inHeaders.keySet()) {
            long count = c.getMessagesIn();
            Long before = messages.put(c, count);
            if (!readingHeaders(c.getParser()) || before == null || before != count) {
                inHeaders.put(c, readingHeaders(c.getParser()) ? now : 0L);
                continue;
            }
            long since = inHeaders.getOrDefault(c, 0L);
            if (since == 0L) inHeaders.put(c, now);
            else if (now - since > limitNanos) c.getEndPoint().close();
        }
    }

    /** Between the first byte of a request and the end of its headers. */
    private static boolean readingHeaders(HttpParser parser) {
        int state = parser.getState().ordinal();
        return state > HttpParser.State.START.ordinal() && state <= HttpParser.State.HEADER.ordinal();
    }
}
