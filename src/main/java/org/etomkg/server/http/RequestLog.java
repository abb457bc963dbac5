package org.etomkg.server.http;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One log line per request: method, path, status and time in milliseconds. */
public final class RequestLog implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger("org.etomkg.server.requests");

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        long start = System.nanoTime();
        Throwable failure = null;
        try {
            chain.doFilter(req, resp);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            LOG.info("{} {} {} {} ms", request.getMethod(), request.getRequestURI(), status(response, failure),
                (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** The status the client gets: the response's, or for an exception that escaped, what the container will send. */
    private static int status(HttpServletResponse response, Throwable failure) {
        if (failure == null || response.isCommitted()) return response.getStatus();
        for (Throwable t = failure; t != null; t = t.getCause())
            if (t instanceof HttpException h) return h.getCode();
        return 500;
    }
}
