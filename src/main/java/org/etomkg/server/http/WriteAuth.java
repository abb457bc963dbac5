package org.etomkg.server.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.etomkg.server.LocalKey;
import org.etomkg.server.Users;

/**
 * HTTP Basic authentication for what writes: every request this filter is mapped to when
 * {@code allMethods}, otherwise only PUT, POST, PATCH and DELETE. No users means no writes.
 * Repeated wrong passwords are slowed by the {@link SignInThrottle} (429 with Retry-After).
 */
public final class WriteAuth implements Filter {
    private final Users users;
    private final boolean allMethods;
    private final SignInThrottle throttle;
    private final LocalKey localKey;

    /** @param throttle shared by every guarded path, so guesses count wherever they are made */
    public WriteAuth(Users users, boolean allMethods, SignInThrottle throttle) {
        this(users, allMethods, throttle, LocalKey.none());
    }

    /** @param localKey also admitted, as a Bearer token: the key of {@code serve}'s data folder */
    public WriteAuth(Users users, boolean allMethods, SignInThrottle throttle, LocalKey localKey) {
        this.users = users;
        this.allMethods = allMethods;
        this.throttle = throttle;
        this.localKey = localKey;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        boolean writes = switch (request.getMethod()) { case "PUT", "POST", "PATCH", "DELETE" -> true; default -> false; };
        if (!(allMethods || writes)) {
            chain.doFilter(req, resp);
            return;
        }
        if (localKey.admits(request.getHeader("Authorization"))) {
            chain.doFilter(req, resp);
            return;
        }
        Credentials given = credentials(request);
        if (given != null && !users.isEmpty()) {
            SignInThrottle.Decision decision = throttle.begin(request.getRemoteAddr(), given.name(), System.currentTimeMillis());
            if (decision instanceof SignInThrottle.Refused r) {
                response.setHeader("Retry-After", Long.toString(r.waitSeconds()));
                Problem.send(response, 429, r.why() + ": try again in " + r.waitSeconds() + " s");
                return;
            }
            if (users.verify(given.name(), given.password())) {
                ((SignInThrottle.Allowed) decision).attempt().succeeded();
                chain.doFilter(req, resp);
                return;
            }
        }
        // The web page signs in with its own form; the challenge would pop up the browser's dialog over it.
        if (request.getHeader("X-Requested-With") == null)
            response.setHeader("WWW-Authenticate", "Basic realm=\"etom-kg\", charset=\"UTF-8\"");
        Problem.send(response, 401, users.isEmpty()
            ? "writing needs a user, and this server has none (start it with --users FILE; see ./etom-kg user add)"
            : "writing needs a user name and password (HTTP Basic authentication)");
    }

    /** The user name a request carries in its Basic credentials (checked by this filter before). */
    public static String userOf(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) return null;
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon > 0 ? decoded.substring(0, colon) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private record Credentials(String name, String password) {}

    /** The Basic credentials a request carries, or null. */
    private static Credentials credentials(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) return null;
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon > 0 ? new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1)) : null;
    }
}
