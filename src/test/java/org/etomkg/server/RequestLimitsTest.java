package org.etomkg.server;

import static org.etomkg.server.ApiClient.basic;
import static org.etomkg.server.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.fuseki.main.FusekiServer;
import org.etomkg.server.http.ClientGone;
import org.etomkg.store.KnowledgeStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one request may cost the running service: bodies that trickle in hold no worker thread
 * and are refused; headers that trickle in are cut; a validation stops at its budget; repeated
 * wrong passwords are slowed; Fuseki's SHACL operation is off, and reaches nowhere when on.
 * The limits are set low here so that each case takes seconds; the defaults are the same code.
 */
class RequestLimitsTest {
    static final String USER = "alice";
    static final String PASSWORD = "a long passphrase";

    @TempDir static Path tmp;
    static KnowledgeStore store;
    static EtomServer server;
    static ApiClient api;
    static Users users;

    @BeforeAll
    static void start() {
        store = KnowledgeStore.open(TestStores.built(tmp));
        Path file = tmp.resolve("users");
        Users.add(file, USER, PASSWORD);
        users = Users.load(file);
        server = EtomServer.start(store, TestStores.QUERIES, TestStores.SHAPES, ServerOptions.defaults().withPort(0).withUsers(users)
            .withLimits(ServerOptions.Limits.defaults().withUploadRate(16 * 1024, 2).withHeaders(2).withValidation(30)));
        api = ApiClient.of(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (store != null) store.close();
    }

    /** Opens a connection and sends a request's head that announces a body of {@code length} bytes. */
    static Socket upload(String method, String path, int length, String... headers) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/turtle\r\n"
            + "Content-Length: " + length + "\r\n");
        for (int i = 0; i + 1 < headers.length; i += 2) head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        s.getOutputStream().write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        return s;
    }

    /** The status line the server answered on a connection, or what happened instead. */
    static String statusLine(Socket s, int timeoutMillis) throws IOException {
        s.setSoTimeout(timeoutMillis);
        InputStream in = s.getInputStream();
        StringBuilder line = new StringBuilder();
        try {
            int c;
            while ((c = in.read()) >= 0 && c != '\r') line.append((char) c);
            return c < 0 && line.isEmpty() ? "closed" : line.toString();
        } catch (SocketTimeoutException e) {
            return "no answer";
        } catch (IOException e) {
            return "closed";
        }
    }

    @Test
    void sixtyFourSlowUploadsHoldNoWorkerAndAreRefusedWhileHealthAnswers() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 64; i++)
                slow.add(i % 2 == 0 ? upload("POST", "/api/validate", 100_000)
                    : upload("PUT", "/api/extensions/slow" + i, 100_000, "Authorization", basic(USER, PASSWORD)));
            long before = TestStores.quads(store);
            // a byte a quarter second from each, while health is asked, for longer than the grace period
            for (int tick = 0; tick < 14; tick++) {
                for (Socket s : slow) {
                    try {
                        s.getOutputStream().write(' ');
                        s.getOutputStream().flush();
                    } catch (IOException refusedAlready) {
                        // the server has answered and closed: what the test waits for
                    }
                }
                if (tick % 2 == 0) {
                    HttpResponse<String> health = api.send(api.request("/api/health").timeout(java.time.Duration.ofSeconds(5)).GET());
                    assertEquals(200, health.statusCode(), "health while uploads trickle: " + health.body());
                }
                Thread.sleep(250);
            }
            for (Socket s : slow) assertEquals("HTTP/1.1 408 Request Timeout", statusLine(s, 5000));
            assertEquals(before, TestStores.quads(store), "a refused upload changed the store");
        } finally {
            for (Socket s : slow) s.close();
        }
    }

    @Test
    void manyLargeUploadsAtOnceAreTurnedAwayBeforeTheyFillTheHeap() throws Exception {
        int max = 64 * 1024;
        try (EtomServer small = EtomServer.start(store, TestStores.QUERIES, TestStores.SHAPES, ServerOptions.defaults().withPort(0)
                .withLimits(ServerOptions.Limits.defaults().withMaxBody(max).withHeldBodies(2)))) {
            List<Socket> open = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    Socket s = new Socket("127.0.0.1", small.port());
                    s.getOutputStream().write(("POST /api/validate HTTP/1.1\r\nHost: x\r\nContent-Type: text/turtle\r\nContent-Length: " + max
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().write(new byte[max - 1]);   // all but the last byte: each body is held, whole but for one byte
                    s.getOutputStream().flush();
                    open.add(s);
                    Thread.sleep(300);
                }
                // two bodies' worth is the most held at once: the third is turned away, and says when to come back
                assertEquals("HTTP/1.1 503 Service Unavailable", statusLine(open.get(2), 5000));
                assertEquals("no answer", statusLine(open.get(0), 300), "a body within the limit was refused");
                HttpResponse<String> health = ApiClient.of(small).get("/api/health");
                assertEquals(200, health.statusCode());
            } finally {
                for (Socket s : open) s.close();
            }
        }
    }

    @Test
    void aRequestWhoseHeadersTrickleInIsCut() throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            s.setSoTimeout(200);
            OutputStream out = s.getOutputStream();
            byte[] head = "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
            boolean cut = false;
            for (int i = 0; i < 200 && !cut; i++) {   // at most 40 s; the limit here is 2 s
                try {
                    out.write(i < head.length ? head[i] : 'a');
                    out.flush();
                    cut = s.getInputStream().read() < 0;
                } catch (SocketTimeoutException stillOpen) {
                    // nothing to read yet
                } catch (IOException closed) {
                    cut = true;
                }
            }
            assertTrue(cut, "the server kept a connection whose headers never ended");
        }
        assertEquals(200, api.get("/api/health").statusCode());
    }

    @Test
    void aValidationThatRunsOutOfBudgetIs503AndStoresNothing() throws IOException {
        Path users = tmp.resolve("users");
        try (EtomServer strict = EtomServer.start(store, TestStores.QUERIES, TestStores.SHAPES, ServerOptions.defaults().withPort(0)
                .withUsers(Users.load(users)).withLimits(ServerOptions.Limits.defaults().withValidation(0)))) {
            ApiClient c = ApiClient.of(strict);
            String extension = Files.readString(ExtensionSamples.SMALL_VALID);
            HttpResponse<String> validate = c.post("/api/validate", "text/turtle", extension);
            assertEquals(503, validate.statusCode(), validate.body());
            assertTrue(json(validate).path("error").asText().contains("limit of 0 s"), validate.body());
            HttpResponse<String> put = c.put("/api/extensions/budget", "text/turtle", extension, "Authorization", basic(USER, PASSWORD));
            assertEquals(503, put.statusCode(), put.body());
            assertEquals(404, c.get("/api/extensions/budget").statusCode());
        }
        // the same extension within a budget conforms: it was the budget, not the data
        HttpResponse<String> r = api.post("/api/validate", "text/turtle", Files.readString(ExtensionSamples.SMALL_VALID));
        assertEquals(200, r.statusCode(), r.body());
    }

    /** A servlet that waits for its client to go, as a validation does, and says whether it was told. */
    static final class Waiting extends HttpServlet {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch told = new CountDownLatch(1);

        @Override protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            req.getInputStream().readAllBytes();
            try (ClientGone.Watch w = ClientGone.watch(req, resp, told::countDown)) {
                started.countDown();
                told.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            resp.setStatus(204);
        }
    }

    @Test
    void longWorkLearnsThatItsClientWentAway() throws Exception {
        Waiting servlet = new Waiting();
        FusekiServer fuseki = FusekiServer.create().port(0).loopback(true).addServlet("/wait", servlet).build().start();
        try (Socket s = new Socket("127.0.0.1", fuseki.getHttpPort())) {
            s.getOutputStream().write("POST /wait HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            assertTrue(servlet.started.await(10, TimeUnit.SECONDS), "the request never started");
            assertEquals(1, servlet.told.getCount(), "told of a client that was still there");
        } finally {
            // the socket is closed here: the servlet must hear of it long before its 20 s are up
            boolean heard = servlet.told.await(10, TimeUnit.SECONDS);
            fuseki.stop();
            assertTrue(heard, "the work was not told that its client had gone");
        }
    }

    @Test
    void wrongPasswordsInParallelAreSlowedAndANulSuffixIsNotThePassword() throws Exception {
        Path file = tmp.resolve("users");
        try (EtomServer guarded = EtomServer.start(store, TestStores.QUERIES, TestStores.SHAPES,
                ServerOptions.defaults().withPort(0).withUsers(Users.load(file)))) {
            ApiClient c = ApiClient.of(guarded);
            assertEquals(200, c.get("/api/session", "Authorization", basic(USER, PASSWORD)).statusCode());
            assertEquals(401, c.get("/api/session", "Authorization", basic(USER, PASSWORD + "\0")).statusCode(),
                "a trailing NUL was taken for the password");

            ExecutorService pool = Executors.newFixedThreadPool(16);
            AtomicInteger unauthorised = new AtomicInteger(), slowed = new AtomicInteger();
            AtomicBoolean retryAfter = new AtomicBoolean(true);
            java.util.concurrent.atomic.AtomicReference<String> message = new java.util.concurrent.atomic.AtomicReference<>("");
            List<Future<?>> guesses = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String guess = "guess number " + i;
                guesses.add(pool.submit(() -> {
                    HttpResponse<String> r = c.get("/api/session", "Authorization", basic(USER, guess));
                    if (r.statusCode() == 401) unauthorised.incrementAndGet();
                    else if (r.statusCode() == 429) {
                        slowed.incrementAndGet();
                        if (r.headers().firstValue("Retry-After").isEmpty()) retryAfter.set(false);
                        message.set(json(r).path("error").asText());
                    }
                }));
            }
            for (Future<?> f : guesses) f.get(60, TimeUnit.SECONDS);
            pool.shutdown();
            assertEquals(64, unauthorised.get() + slowed.get());
            assertTrue(unauthorised.get() <= 5, unauthorised.get() + " of 64 parallel guesses had their password checked");
            assertTrue(retryAfter.get(), "a 429 without Retry-After");
            assertTrue(message.get().contains("try again in"), message.get());
        }
    }

    @Test
    void theShaclOperationIsOffByDefaultAndWhenOnNeedsAUserAndReachesNoOtherServer() throws Exception {
        assertEquals(404, api.post("/etom/shacl?graph=default", "text/turtle", "<urn:a> <urn:b> <urn:c> .").statusCode());

        AtomicInteger contacted = new AtomicInteger();
        HttpServer listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/", exchange -> {
            contacted.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        listener.start();
        String shapes = """
            @prefix sh: <http://www.w3.org/ns/shacl#> .
            <http://example.org/shape> a sh:NodeShape ; sh:targetNode <http://example.org/x> ;
              sh:sparql [ sh:select "SELECT $this WHERE { SERVICE <http://127.0.0.1:%d/sparql> { ?s ?p ?o } }" ] .
            """.formatted(listener.getAddress().getPort());
        try (EtomServer withShacl = EtomServer.start(store, TestStores.QUERIES, TestStores.SHAPES,
                ServerOptions.defaults().withPort(0).withUsers(Users.load(tmp.resolve("users"))).withShacl(true))) {
            ApiClient c = ApiClient.of(withShacl);
            assertEquals(401, c.post("/etom/shacl?graph=default", "text/turtle", shapes).statusCode());
            HttpResponse<String> r = c.post("/etom/shacl?graph=default", "text/turtle", shapes, "Authorization", basic(USER, PASSWORD));
            assertFalse(r.statusCode() == 200 && r.body().contains("conforms> true"), r.body());
        } finally {
            listener.stop(0);
        }
        assertEquals(0, contacted.get(), "a SHACL-SPARQL constraint reached another server through SERVICE");
    }
}
