package org.etomkg.server.http;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.NanoTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request: method, path, status and time in milliseconds. It is Jetty's
 * request log, so it sees every request once it has been answered, including those refused
 * before any filter or servlet runs (a malformed path, a body over the limit) and those whose
 * servlet failed, with the status the client actually got. The query string is left out: it
 * can hold what a user would not want in a log.
 */
public final class RequestLog implements org.eclipse.jetty.server.RequestLog {
    private static final Logger LOG = LoggerFactory.getLogger("org.etomkg.server.requests");

    @Override
    public void log(Request request, Response response) {
        LOG.info("{} {} {} {} ms", request.getMethod(), request.getHttpURI().getPath(), response.getStatus(),
            NanoTime.millisSince(request.getBeginNanoTime()));
    }
}
