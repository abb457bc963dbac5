package org.etomkg.server;

/**
 * How the service runs. The defaults are the safe ones: loopback, read-only, no admin
 * endpoints, no SHACL endpoint, no CORS, a 10 s query timeout, a 60 s limit on validating one
 * extension and a 10 MiB request limit.
 */
public record ServerOptions(String host, int port, long timeoutSeconds, long maxBodyBytes, Users users,
                            boolean update, boolean admin, String corsOrigins, long validationSeconds, boolean shacl) {

    public static ServerOptions defaults() {
        return new ServerOptions("127.0.0.1", 3030, 10, 10L * 1024 * 1024, Users.none(), false, false, null, 60, false);
    }

    public ServerOptions withPort(int p) { return new ServerOptions(host, p, timeoutSeconds, maxBodyBytes, users, update, admin, corsOrigins, validationSeconds, shacl); }
    public ServerOptions withUsers(Users u) { return new ServerOptions(host, port, timeoutSeconds, maxBodyBytes, u, update, admin, corsOrigins, validationSeconds, shacl); }
    public ServerOptions withTimeout(long s) { return new ServerOptions(host, port, s, maxBodyBytes, users, update, admin, corsOrigins, validationSeconds, shacl); }
    public ServerOptions withMaxBody(long b) { return new ServerOptions(host, port, timeoutSeconds, b, users, update, admin, corsOrigins, validationSeconds, shacl); }
    public ServerOptions withUpdate(boolean u) { return new ServerOptions(host, port, timeoutSeconds, maxBodyBytes, users, u, admin, corsOrigins, validationSeconds, shacl); }
    public ServerOptions withAdmin(boolean a) { return new ServerOptions(host, port, timeoutSeconds, maxBodyBytes, users, update, a, corsOrigins, validationSeconds, shacl); }
    public ServerOptions withHost(String h) { return new ServerOptions(h, port, timeoutSeconds, maxBodyBytes, users, update, admin, corsOrigins, validationSeconds, shacl); }
    public ServerOptions withCors(String c) { return new ServerOptions(host, port, timeoutSeconds, maxBodyBytes, users, update, admin, c, validationSeconds, shacl); }
    public ServerOptions withValidationTimeout(long s) { return new ServerOptions(host, port, timeoutSeconds, maxBodyBytes, users, update, admin, corsOrigins, s, shacl); }
    public ServerOptions withShacl(boolean on) { return new ServerOptions(host, port, timeoutSeconds, maxBodyBytes, users, update, admin, corsOrigins, validationSeconds, on); }

    public boolean loopbackOnly() {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
    }
}
