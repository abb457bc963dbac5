package org.etomkg.server.http;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

import org.apache.jena.atlas.json.JsonObject;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * Reads each request body whole, asynchronously, before any servlet runs, so that a client
 * sending slowly holds a connection but no worker thread: health and queries keep answering
 * while uploads trickle in. A body that arrives slower than the minimum rate (after a grace
 * period) gets 408 and the connection is closed; one over the size limit gets 413. A write
 * without credentials is left to the servlet filters, which refuse it unread.
 */
public final class SlowUploads extends Handler.Wrapper {
    private final long maxBytes;
    private final long minBytesPerSecond;
    private final long graceNanos;
    private final long maxHeldBytes;
    private final java.util.concurrent.atomic.AtomicLong held = new java.util.concurrent.atomic.AtomicLong();

    /**
     * @param maxBytes the largest body accepted
     * @param minBytesPerSecond the slowest a body may arrive, on average, once the grace period is over
     * @param graceSeconds how long a body may take before its rate counts
     * @param maxHeldBytes the most the bodies being read may hold together; a body that would
     *        go over it is answered 503, so that many large uploads at once cannot fill the heap
     */
    public SlowUploads(long maxBytes, long minBytesPerSecond, long graceSeconds, long maxHeldBytes) {
        this.maxBytes = maxBytes;
        this.minBytesPerSecond = minBytesPerSecond;
        this.graceNanos = graceSeconds * 1_000_000_000L;
        this.maxHeldBytes = maxHeldBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!hasBody(request) || unauthenticatedWrite(request)) return super.handle(request, response, callback);
        if (request.getLength() > maxBytes) {
            problem(response, callback, 413, "request body of " + request.getLength() + " bytes is over the limit of " + maxBytes + " bytes");
            return true;
        }
        new Loader(request, response, callback).read(false);
        return true;
    }

    private static boolean hasBody(Request request) {
        return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    /** The paths WriteAuth guards: without credentials their bodies are refused unread, as before. */
    private static boolean unauthenticatedWrite(Request request) {
        if (request.getHeaders().get(HttpHeader.AUTHORIZATION) != null) return false;
        String path = Request.getPathInContext(request);
        return path.startsWith("/api/extensions/") || path.startsWith("/api/session") || path.startsWith("/$/")
            || path.startsWith("/etom/update") || path.startsWith("/etom/shacl");
    }

    private static void problem(Response response, Callback callback, int status, String message) {
        if (status == 503) response.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
        JsonObject o = new JsonObject();
        o.put("status", status);
        o.put("error", message);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        response.getHeaders().put(HttpHeader.CONNECTION, "close");   // the rest of the body is not read
        Content.Sink.write(response, true, o.toString(), callback);
    }

    /** Collects a body chunk by chunk as it arrives; runs the servlets when it is complete. */
    private final class Loader implements Invocable.Task {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final Deque<Content.Chunk> chunks = new ArrayDeque<>();
        private final long start = NanoTime.now();
        private long bytes;
        private long counted;   // what this body adds to the bytes held by all bodies being read

        Loader(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
        }

        @Override public InvocationType getInvocationType() { return InvocationType.NON_BLOCKING; }

        /** Called when more of the body can be read. */
        @Override public void run() { read(true); }

        void read(boolean onDemandThread) {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    fail(408, "the request body did not arrive: " + String.valueOf(chunk.getFailure().getMessage()).toLowerCase(Locale.ROOT));
                    return;
                }
                bytes += chunk.remaining();
                chunks.add(chunk);
                if (bytes > maxBytes) {
                    fail(413, "request body is over the limit of " + maxBytes + " bytes");
                    return;
                }
                counted += chunk.remaining();
                if (held.addAndGet(chunk.remaining()) > maxHeldBytes) {
                    fail(503, "the server is receiving too many uploads at once; try again in a few seconds");
                    return;
                }
                long elapsed = NanoTime.since(start);
                if (!chunk.isLast() && elapsed > graceNanos && bytes * 1_000_000_000L / elapsed < minBytesPerSecond) {
                    fail(408, "the request body arrived slower than " + minBytesPerSecond + " bytes per second and was refused");
                    return;
                }
                if (chunk.isLast()) {
                    // The servlets block; from a demand callback they must run on a thread of the pool.
                    if (onDemandThread) request.getContext().execute(this::dispatch);
                    else dispatch();
                    return;
                }
            }
        }

        private void fail(int status, String message) {
            release();
            problem(response, callback, status, message);
        }

        private void release() {
            chunks.forEach(Content.Chunk::release);
            chunks.clear();
            uncount();
        }

        /** The body is no longer held here: released, or handed to the servlets, which read it at once. */
        private void uncount() {
            held.addAndGet(-counted);
            counted = 0;
        }

        private void dispatch() {
            uncount();
            Replay replay = new Replay(request, chunks, callback);
            try {
                if (!getHandler().handle(replay, response, replay)) Response.writeError(request, response, replay, 404);
            } catch (Throwable t) {
                Response.writeError(request, response, replay, t);
            }
        }
    }

    /** The request as the servlets see it: its body replayed from the chunks read, then released. */
    private static final class Replay extends Request.Wrapper implements Callback {
        private final Deque<Content.Chunk> chunks;
        private final Callback callback;

        Replay(Request wrapped, Deque<Content.Chunk> chunks, Callback callback) {
            super(wrapped);
            this.chunks = chunks;
            this.callback = callback;
        }

        @Override public Content.Chunk read() {
            return chunks.isEmpty() ? super.read() : chunks.removeFirst();
        }

        @Override public InvocationType getInvocationType() { return callback.getInvocationType(); }

        @Override public void succeeded() {
            chunks.forEach(Content.Chunk::release);
            chunks.clear();
            callback.succeeded();
        }

        @Override public void failed(Throwable x) {
            chunks.forEach(Content.Chunk::release);
            chunks.clear();
            callback.failed(x);
        }
    }
}
