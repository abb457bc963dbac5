package org.etomkg.server.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;

/**
 * Tells long work on a request (a validation) that its client has gone. Jetty does not read a
 * connection while its request is being handled, so it would notice a client that hung up only
 * when the answer is written; this looks at the socket twice a second instead. Only what is
 * read after the whole request is seen: end of stream means the client closed. Should a client
 * have pipelined a next request, the byte read is lost, so that connection is closed after the
 * answer (no common client pipelines).
 */
public final class ClientGone {
    private static final ScheduledExecutorService PROBES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "etom-kg client probe");
        t.setDaemon(true);
        return t;
    });

    private ClientGone() {}

    /** Watching one request's connection; closing it stops the watch. */
    public interface Watch extends AutoCloseable {
        @Override void close();
    }

    /** Runs {@code gone} once if the request's client closes its connection before the watch is closed. */
    public static Watch watch(HttpServletRequest request, HttpServletResponse response, Runnable gone) {
        ServletContextRequest core = ServletContextRequest.getServletContextRequest(request);
        if (core == null) return () -> {};
        EndPoint endPoint = core.getConnectionMetaData().getConnection().getEndPoint();
        if (!(endPoint instanceof SocketChannelEndPoint socket)) return () -> {};
        SocketChannel channel = (SocketChannel) socket.getChannel();
        AtomicBoolean done = new AtomicBoolean(), pipelined = new AtomicBoolean();
        ByteBuffer probe = ByteBuffer.allocate(1);
        Object lock = new Object();   // a probe never reads once the watch is closed and the answer may be on its way
        ScheduledFuture<?> task = PROBES.scheduleWithFixedDelay(() -> {
            boolean hungUp = false;
            synchronized (lock) {
                if (done.get()) return;
                try {
                    probe.clear();
                    int n = channel.read(probe);
                    if (n < 0) hungUp = true;
                    else if (n > 0) pipelined.set(true);
                } catch (IOException | RuntimeException e) {
                    hungUp = true;
                }
                if (hungUp || pipelined.get()) done.set(true);
            }
            if (hungUp) gone.run();
        }, 500, 500, TimeUnit.MILLISECONDS);
        return () -> {
            synchronized (lock) {
                done.set(true);
            }
            task.cancel(false);
            if (pipelined.get() && !response.isCommitted()) response.setHeader("Connection", "close");
        };
    }
}
