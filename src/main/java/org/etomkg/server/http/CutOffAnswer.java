package org.etomkg.server.http;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.eclipse.jetty.io.QuietException;

/**
 * An answer that the query timeout cut off after it had begun must not look whole. Fuseki
 * streams results: when the timeout strikes once the 200 and the first rows are sent, it
 * appends a comment, sets an error status that can no longer reach the client, and ends the
 * answer normally, so a CSV or TSV client takes the rows it got for all of them. This filter
 * sees that late error status and breaks the connection instead of ending the answer, so every
 * client reports a failed transfer.
 */
public final class CutOffAnswer implements Filter {

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        Watched response = new Watched((HttpServletResponse) resp);
        chain.doFilter(req, response);
        if (response.lateStatus != 0)
            throw new CutOff("the answer was cut off after it had begun (status " + response.lateStatus + " came after the 200 was sent)");
    }

    /** Breaks the connection; quiet, since the request log and Fuseki's own log already say what happened. */
    static final class CutOff extends IOException implements QuietException {
        CutOff(String message) { super(message); }
    }

    private static final class Watched extends HttpServletResponseWrapper {
        int lateStatus;

        Watched(HttpServletResponse response) { super(response); }

        @Override
        public void setStatus(int sc) {
            if (sc >= 400 && isCommitted()) lateStatus = sc;
            super.setStatus(sc);
        }
    }
}
