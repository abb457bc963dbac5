package org.etomkg.server.http;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * Refuses request bodies over the limit with 413, whoever reads them (the API, Fuseki's query
 * and update operations, or the container parsing a form): before any operation starts when
 * Content-Length says so; and a body of undeclared length (chunked) is read here, up to the limit, before anything
 * else sees it, so that what runs over is refused before any operation starts. What an
 * operation leaves unread of a body is read afterwards, so the connection stays usable.
 */
public final class BodyLimit implements Filter {
    private final long maxBytes;

    public BodyLimit(long maxBytes) { this.maxBytes = maxBytes; }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            if (declared <= 2 * maxBytes) discardAtMost(request.getInputStream(), maxBytes * 2);
            tooLarge(response, "request body of " + declared + " bytes is over the limit of " + maxBytes + " bytes");
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body = readAtMost(request.getInputStream(), maxBytes + 1);
            if (body.length > maxBytes) {
                discardAtMost(request.getInputStream(), maxBytes);
                tooLarge(response, "request body is over the limit of " + maxBytes + " bytes");
                return;
            }
            chain.doFilter(new Buffered(request, body), resp);
            return;
        }
        chain.doFilter(req, resp);
        if (declared > 0) drain(request);
    }

    /**
     * Reads what an operation left unread of a body within the limit (one that answered an
     * error without reading it). Otherwise the container may close the connection after the
     * answer without saying so, and a client that sends its next request on it gets no answer.
     */
    private static void drain(HttpServletRequest request) {
        try {
            InputStream in = request.getInputStream();
            byte[] buf = new byte[8192];
            while (in.read(buf) >= 0) { /* discard */ }
        } catch (IOException | IllegalStateException e) {
            // read through getReader, or the client went away: nothing to keep alive
        }
    }

    /**
     * Reads and drops what is left of a body a little over the limit, up to {@code bound} bytes, before the
     * 413: a connection closed with a body still arriving is reset, and the client may lose the answer with it
     * (RFC 9112, 9.6). A body far over the limit is not read; its client may see the reset instead.
     */
    private static void discardAtMost(InputStream in, long bound) {
        byte[] buf = new byte[8192];
        long total = 0;
        try {
            int n;
            while (total < bound && (n = in.read(buf, 0, (int) Math.min(buf.length, bound - total))) > 0) total += n;
        } catch (IOException e) {
            // the client went away: the 413 goes nowhere either way
        }
    }

    private static void tooLarge(HttpServletResponse response, String message) throws IOException {
        response.setHeader("Connection", "close");   // the rest of the body is not read
        Problem.send(response, 413, message);
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long total = 0;
        int n;
        while (total < limit && (n = in.read(buf, 0, (int) Math.min(buf.length, limit - total))) > 0) {
            out.write(buf, 0, n);
            total += n;
        }
        return out.toByteArray();
    }

    /**
     * A request whose body has been read into memory: its stream, reader and length come from
     * the bytes, and so do its form parameters, which the container would otherwise read from
     * the connection, past this filter.
     */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;
        private Map<String, String[]> parameters;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override public int getContentLength() { return body.length; }
        @Override public long getContentLengthLong() { return body.length; }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public int read() { return in.read(); }
                @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener listener) {
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset()));
        }

        private Charset charset() {
            String name = getCharacterEncoding();
            try {
                return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
            } catch (RuntimeException e) {
                return StandardCharsets.UTF_8;
            }
        }

        private boolean isForm() {
            String type = getContentType();
            return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        }

        private Map<String, String[]> parameters() {
            if (parameters != null) return parameters;
            if (!isForm()) return parameters = super.getParameterMap();
            Map<String, List<String>> all = new LinkedHashMap<>();
            decode(getQueryString(), StandardCharsets.UTF_8, all);
            decode(new String(body, charset()), charset(), all);
            Map<String, String[]> out = new LinkedHashMap<>();
            all.forEach((k, v) -> out.put(k, v.toArray(String[]::new)));
            return parameters = Collections.unmodifiableMap(out);
        }

        private static void decode(String text, Charset charset, Map<String, List<String>> into) {
            if (text == null || text.isEmpty()) return;
            for (String pair : text.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String key = decoded(eq < 0 ? pair : pair.substring(0, eq), charset);
                String value = eq < 0 ? "" : decoded(pair.substring(eq + 1), charset);
                into.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
        }

        private static String decoded(String text, Charset charset) {
            try {
                return URLDecoder.decode(text, charset);
            } catch (IllegalArgumentException malformed) {
                return text;   // a stray % stays as sent, as the container would leave it
            }
        }

        @Override public Map<String, String[]> getParameterMap() { return parameters(); }
        @Override public Enumeration<String> getParameterNames() { return Collections.enumeration(parameters().keySet()); }
        @Override public String[] getParameterValues(String name) { return parameters().get(name); }

        @Override
        public String getParameter(String name) {
            String[] values = parameters().get(name);
            return values == null || values.length == 0 ? null : values[0];
        }
    }
}
