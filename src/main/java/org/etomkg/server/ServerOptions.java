package org.etomkg.server;

/**
 * How the service runs. The defaults are the safe ones: loopback, read-only, no admin
 * endpoints, no SHACL endpoint, no CORS, and the {@link Limits} on what one request may cost.
 */
public record ServerOptions(String host, int port, Users users, boolean update, boolean admin, boolean shacl,
                            String corsOrigins, Limits limits, LocalKey localKey) {

    /**
     * What one request may cost: a query's time, a body's size, a validation's time, how slowly
     * a body may arrive (after a grace period), how long a request's headers may take, and how
     * many bodies of the largest size may be held at once while they arrive.
     */
    public record Limits(long timeoutSeconds, long maxBodyBytes, long validationSeconds,
                         long minUploadBytesPerSecond, long uploadGraceSeconds, long headerSeconds, int heldBodies) {
        /**
         * 10 s per query, 10 MiB per body, 60 s per validation; a body at 16 KiB/s or more (10 MiB
         * within ten minutes); headers within 20 s; 32 bodies' worth held at once (320 MiB).
         */
        public static Limits defaults() { return new Limits(10, 10L * 1024 * 1024, 60, 16 * 1024, 10, 20, 32); }

        public Limits withTimeout(long s) { return new Limits(s, maxBodyBytes, validationSeconds, minUploadBytesPerSecond, uploadGraceSeconds, headerSeconds, heldBodies); }
        public Limits withMaxBody(long b) { return new Limits(timeoutSeconds, b, validationSeconds, minUploadBytesPerSecond, uploadGraceSeconds, headerSeconds, heldBodies); }
        public Limits withValidation(long s) { return new Limits(timeoutSeconds, maxBodyBytes, s, minUploadBytesPerSecond, uploadGraceSeconds, headerSeconds, heldBodies); }
        public Limits withUploadRate(long bytesPerSecond, long graceSeconds) { return new Limits(timeoutSeconds, maxBodyBytes, validationSeconds, bytesPerSecond, graceSeconds, headerSeconds, heldBodies); }
        public Limits withHeldBodies(int n) { return new Limits(timeoutSeconds, maxBodyBytes, validationSeconds, minUploadBytesPerSecond, uploadGraceSeconds, headerSeconds, n); }
        public Limits withHeaders(long s) { return new Limits(timeoutSeconds, maxBodyBytes, validationSeconds, minUploadBytesPerSecond, uploadGraceSeconds, s, heldBodies); }
    }

    public static ServerOptions defaults() {
        return new ServerOptions("127.0.0.1", 3030, Users.none(), false, false, false, null, Limits.defaults(), LocalKey.none());
    }

    public long timeoutSeconds() { return limits.timeoutSeconds(); }
    public long maxBodyBytes() { return limits.maxBodyBytes(); }

    public ServerOptions withPort(int p) { return new ServerOptions(host, p, users, update, admin, shacl, corsOrigins, limits, localKey); }
    public ServerOptions withHost(String h) { return new ServerOptions(h, port, users, update, admin, shacl, corsOrigins, limits, localKey); }
    public ServerOptions withUsers(Users u) { return new ServerOptions(host, port, u, update, admin, shacl, corsOrigins, limits, localKey); }
    public ServerOptions withUpdate(boolean u) { return new ServerOptions(host, port, users, u, admin, shacl, corsOrigins, limits, localKey); }
    public ServerOptions withAdmin(boolean a) { return new ServerOptions(host, port, users, update, a, shacl, corsOrigins, limits, localKey); }
    public ServerOptions withShacl(boolean on) { return new ServerOptions(host, port, users, update, admin, on, corsOrigins, limits, localKey); }
    public ServerOptions withCors(String c) { return new ServerOptions(host, port, users, update, admin, shacl, c, limits, localKey); }
    public ServerOptions withLimits(Limits l) { return new ServerOptions(host, port, users, update, admin, shacl, corsOrigins, l, localKey); }
    /** The key a command on the same data folder writes with (see {@link LocalKey}). */
    public ServerOptions withLocalKey(LocalKey k) { return new ServerOptions(host, port, users, update, admin, shacl, corsOrigins, limits, k); }
    public ServerOptions withTimeout(long s) { return withLimits(limits.withTimeout(s)); }
    public ServerOptions withMaxBody(long b) { return withLimits(limits.withMaxBody(b)); }

    public boolean loopbackOnly() {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
    }
}
