package org.etomkg.server.http;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JsonObject;

/** An error answer a client can read: the status and a message, as JSON. */
public final class Problem {
    private Problem() {}

    public static void send(HttpServletResponse response, int status, String message) throws IOException {
        JsonObject o = new JsonObject();
        o.put("status", status);
        o.put("error", message);
        response.setStatus(status);
        response.setContentType("application/json;charset=utf-8");
        response.getWriter().write(o.toString());
    }
}
