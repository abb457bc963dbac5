package org.etomkg.server.http;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses request bodies over the limit with 413: at once when Content-Length says so, and
 * while reading when the body is chunked and runs over.
 */
public final class BodyLimit implements Filter {
    private final long maxBytes;

    public BodyLimit(long maxBytes) { this.maxBytes = maxBytes; }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        if (request.getContentLengthLong() > maxBytes) {
            Problem.send(response, 413, "request body of " + request.getContentLengthLong() + " bytes is over the limit of " + maxBytes);
            return;
        }
        try {
            chain.doFilter(new Limited(request, maxBytes), resp);
        } catch (TooLarge e) {
            if (!response.isCommitted()) Problem.send(response, 413, "request body is over the limit of " + maxBytes + " bytes");
        }
    }

    /** Thrown while reading a body that runs over the limit. */
    public static final class TooLarge extends IOException {
        TooLarge() { super("request body over the limit"); }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long max) { super(request); this.max = max; }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    long read;
                    @Override public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > max) throw new TooLarge();
                        return b;
                    }
                    @Override public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        if (n > 0 && (read += n) > max) throw new TooLarge();
                        return n;
                    }
                    @Override public boolean isFinished() { return in.isFinished(); }
                    @Override public boolean isReady() { return in.isReady(); }
                    @Override public void setReadListener(ReadListener l) { in.setReadListener(l); }
                };
            }
            return stream;
        }
    }
}
