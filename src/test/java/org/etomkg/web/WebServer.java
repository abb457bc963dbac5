package org.etomkg.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.etomkg.server.EtomServer;
import org.etomkg.server.ServerOptions;
import org.etomkg.server.Users;
import org.etomkg.store.KnowledgeStore;
import org.etomkg.store.ShippedStore;

/**
 * The whole service for the web page's tests: a store built from the shipped {@code ontology/},
 * the shipped {@code queries/} and {@code shapes/}, and one user who may write, on a free
 * loopback port. Start one per test class ({@code @BeforeAll}); building the store is the slow part.
 */
public final class WebServer implements AutoCloseable {
    static final Path QUERIES = Path.of("queries").toAbsolutePath();
    static final Path SHAPES = Path.of("shapes").toAbsolutePath();

    public static final String USER = "webtester";
    public static final String PASSWORD = "a long web test passphrase";

    private final KnowledgeStore store;
    private final EtomServer server;

    private WebServer(KnowledgeStore store, EtomServer server) {
        this.store = store;
        this.server = server;
    }

    /** Builds the store into {@code tmp/data}, writes {@code tmp/users} and starts the server on port 0 (a free one). */
    public static WebServer start(Path tmp) {
        Path data = ShippedStore.copyTo(tmp.resolve("data"));
        Path users = tmp.resolve("users");
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Users.add(users, USER, PASSWORD);
        KnowledgeStore store = KnowledgeStore.open(data);
        try {
            EtomServer server = EtomServer.start(store, QUERIES, SHAPES,
                ServerOptions.defaults().withPort(0).withUsers(Users.load(users)));
            return new WebServer(store, server);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String baseUrl() { return server.baseUrl(); }

    /** The base URL followed by {@code path} (which starts with {@code /}). */
    public String url(String path) { return baseUrl() + path; }

    public String user() { return USER; }

    public String password() { return PASSWORD; }

    public KnowledgeStore store() { return store; }

    public EtomServer server() { return server; }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            store.close();
        }
    }
}
