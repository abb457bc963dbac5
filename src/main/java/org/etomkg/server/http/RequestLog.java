package org.etomkg.server.http;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
        try {
            chain.doFilter(req, resp);
        } finally {
            LOG.info("{} {} {} {} ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
                (System.nanoTime() - start) / 1_000_000);
        }
    }
}
