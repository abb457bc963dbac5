package org.etomkg.server.http;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** CORS for the origins the operator lists, and no other; installed only when some are configured. */
public final class Cors implements Filter {
    private final Set<String> origins;

    public Cors(Set<String> origins) { this.origins = origins; }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        String origin = request.getHeader("Origin");
        response.addHeader("Vary", "Origin");   // the answer depends on the origin, allowed or not: caches must keep them apart
        if (origin != null && origins.contains(origin)) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
            response.setHeader("Access-Control-Allow-Headers", "Accept, Authorization, Content-Type");
            if (request.getMethod().equals("OPTIONS")) { response.setStatus(204); return; }
        }
        chain.doFilter(req, resp);
    }
}
