package org.etomkg.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private Virtuoso 7 server for tests: its own database in a temp folder, free ports on
 * 127.0.0.1, killed and deleted on {@link #close()}. Set up as a hosted store would be: anyone
 * may query {@code /sparql}; updates ({@code /sparql-auth}) and the Graph Store Protocol
 * ({@code /sparql-graph-crud-auth}) need {@link #user()}, sent as preemptive Basic authentication
 * (digest also works, for small bodies).
 *
 * <pre>try (VirtuosoStore store = VirtuosoStore.start()) { ... store.queryEndpoint() ... }</pre>
 */
public final class VirtuosoStore implements AutoCloseable {
    /** Debian's virtuoso-opensource-7-bin; both come in the same package. */
    static final Path SERVER = Path.of("/usr/bin/virtuoso-t"), ISQL = Path.of("/usr/bin/isql-vt");
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path dir;
    private final Process server;
    private final int httpPort;
    private final String user = "etomkg", password = randomSecret();
    private long startMillis;

    public static boolean installed() {
        return Files.isExecutable(SERVER) && Files.isExecutable(ISQL);
    }

    public static VirtuosoStore start() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Path dir = Files.createTempDirectory("virtuoso-");
        VirtuosoStore store;
        try {
            store = new VirtuosoStore(dir);
        } catch (IOException | RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
        try {
            store.awaitOnline();
            store.setUpUsers();
        } catch (IOException | InterruptedException | RuntimeException e) {
            store.close();
            throw e;
        }
        store.startMillis = (System.nanoTime() - t0) / 1_000_000;
        return store;
    }

    private final int sqlPort;

    private VirtuosoStore(Path dir) throws IOException {
        this.dir = dir;
        this.sqlPort = freePort();
        this.httpPort = freePort();
        Files.writeString(dir.resolve("virtuoso.ini"), ini(), StandardCharsets.UTF_8);
        server = new ProcessBuilder(SERVER.toString(), "+foreground", "+configfile", dir.resolve("virtuoso.ini").toString())
            .directory(dir.toFile()).redirectErrorStream(true)
            .redirectOutput(dir.resolve("stdout.log").toFile()).start();
    }

    private String ini() {
        String d = dir.toString();
        // Only what differs from Virtuoso's defaults or must point into our folder. No [Plugins]:
        // Debian's ini loads wiki hosting plugins we do not need.
        return """
            [Database]
            DatabaseFile       = %1$s/virtuoso.db
            ErrorLogFile       = %1$s/virtuoso.log
            LockFile           = %1$s/virtuoso.lck
            TransactionFile    = %1$s/virtuoso.trx
            xa_persistent_file = %1$s/virtuoso.pxa
            ErrorLogLevel      = 7
            FileExtend         = 200
            Striping           = 0
            TempStorage        = TempDatabase

            [TempDatabase]
            DatabaseFile    = %1$s/virtuoso-temp.db
            TransactionFile = %1$s/virtuoso-temp.trx
            Striping        = 0

            [Parameters]
            ServerPort           = 127.0.0.1:%2$d
            DisableUnixSocket    = 1
            ; about 80 MB of page buffers (8 kB each): a test store is small
            NumberOfBuffers      = 10000
            MaxDirtyBuffers      = 6000
            MaxQueryMem          = 256M
            ThreadsPerQuery      = 2
            AsyncQueueMaxThreads = 4
            MaxClientConnections = 10
            CheckpointInterval   = 0
            DirsAllowed          = %1$s
            ; ORDER BY ... OFFSET/LIMIT beyond this many rows fails (default 10000)
            MaxSortedTopRows     = 1000000

            [HTTPServer]
            ServerPort           = 127.0.0.1:%3$d
            ServerRoot           = %1$s
            ServerThreads        = 10
            MaxClientConnections = 10
            MaxKeepAlives        = 10
            KeepAliveTimeout     = 10
            Charset              = UTF-8
            EnabledGzipContent   = 0

            [SPARQL]
            ; the default 10000 silently truncates larger SELECT and CONSTRUCT results
            ResultSetMaxRows      = 1000000
            ; 0: no server-wide limit; a query's own timeout parameter still applies
            MaxQueryExecutionTime = 0
            """.formatted(d, sqlPort, httpPort);
    }

    /** The SPARQL endpoint answers once the server is online; poll it, and fail early if the server exits. */
    private void awaitOnline() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ask = HttpRequest.newBuilder(URI.create(queryEndpoint() + "?query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8)))
            .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive())
                throw new IOException("virtuoso-t exited with " + server.exitValue() + " while starting\n" + logTail());
            try {
                if (http.send(ask, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (IOException notYet) {
                // refused until the HTTP listener is up
            }
            Thread.sleep(50);
        }
        throw new IOException("virtuoso-t did not answer on " + queryEndpoint() + " within " + START_TIMEOUT.toSeconds() + " s\n" + logTail());
    }

    /**
     * The write user, and a dba password that is not the well-known default. SPARQL_UPDATE is the
     * role that /sparql-auth and /sparql-graph-crud-auth check; the anonymous SPARQL user keeps read only.
     * Both endpoints are redefined from sec 'digest' to 'basic' (Virtuoso's own definitions otherwise):
     * they then take a preemptive Basic header as well as digest. Challenge-only digest breaks large
     * bodies: Virtuoso answers 401 and closes without reading the body, and Java's client reports a
     * broken pipe instead of the 401 (Jena retries only on a 401 it got).
     */
    private void setUpUsers() throws IOException, InterruptedException {
        Path sql = dir.resolve("setup.sql");
        Files.writeString(sql, """
            DB.DBA.USER_CREATE('%1$s', '%2$s');
            GRANT SPARQL_UPDATE TO "%1$s";
            DB.DBA.USER_CHANGE_PASSWORD('dba', 'dba', '%3$s');
            DB.DBA.VHOST_REMOVE(lpath=>'/sparql-auth');
            DB.DBA.VHOST_DEFINE(lpath=>'/sparql-auth', ppath=>'/!sparql/', is_dav=>1, vsp_user=>'dba',
              opts=>vector('noinherit', 1), auth_fn=>'DB.DBA.HP_AUTH_SPARQL_USER', realm=>'SPARQL', sec=>'basic');
            DB.DBA.VHOST_REMOVE(lpath=>'/sparql-graph-crud-auth');
            DB.DBA.VHOST_DEFINE(lpath=>'/sparql-graph-crud-auth', ppath=>'/!sparql-graph-crud/', is_dav=>1, vsp_user=>'dba',
              opts=>vector('noinherit', 1, 'exec_as_get', 1), auth_fn=>'DB.DBA.HP_AUTH_SPARQL_USER', realm=>'SPARQL', sec=>'basic');
            """.formatted(user, password, randomSecret()), StandardCharsets.UTF_8);
        Path out = dir.resolve("setup.log");
        Process isql = new ProcessBuilder(ISQL.toString(), "127.0.0.1:" + sqlPort, "dba", "dba", sql.toString())
            .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!isql.waitFor(30, TimeUnit.SECONDS)) {
            isql.destroyForcibly();
            throw new IOException("isql-vt did not finish the setup in 30 s\n" + Files.readString(out));
        }
        String log = Files.readString(out);
        // isql-vt exits 0 even when a statement fails; its errors start with "*** Error".
        if (isql.exitValue() != 0 || log.contains("*** Error"))
            throw new IOException("isql-vt setup failed\n" + log);
    }

    public String queryEndpoint() {
        return base() + "/sparql";
    }

    public String updateEndpoint() {
        return base() + "/sparql-auth";
    }

    public String graphStoreEndpoint() {
        return base() + "/sparql-graph-crud-auth";
    }

    /** Scheme, host and port, e.g. to register credentials for the whole server. */
    public String base() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Wall time of {@link #start()}: folder, process, first answer, users. */
    public long startMillis() {
        return startMillis;
    }

    public long residentKiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(server.pid()), "status")))
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
        } catch (IOException | NumberFormatException e) {
            // not Linux, or already gone
        }
        return -1;
    }

    /** The last lines of Virtuoso's own log, for failure messages. */
    public String logTail() {
        try {
            Path log = Files.exists(dir.resolve("virtuoso.log")) ? dir.resolve("virtuoso.log") : dir.resolve("stdout.log");
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Kill, not shut down: the database is thrown away, so there is nothing to checkpoint. */
    @Override
    public void close() {
        server.descendants().forEach(ProcessHandle::destroyForcibly);
        server.destroyForcibly();
        try {
            server.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(dir);
    }

    private static int freePort() throws IOException {
        // Another process may take it before Virtuoso binds it; then start() fails with the log saying so.
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
