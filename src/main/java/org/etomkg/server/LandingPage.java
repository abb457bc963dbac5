package org.etomkg.server;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The page at the web root: what the service offers, with links. Served from the jar. */
final class LandingPage extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!"/".equals(req.getRequestURI()) && !"".equals(req.getRequestURI())) {
            resp.sendError(404);
            return;
        }
        try (InputStream in = LandingPage.class.getResourceAsStream("/web/index.html")) {
            resp.setContentType("text/html;charset=utf-8");
            in.transferTo(resp.getOutputStream());
        }
    }
}
