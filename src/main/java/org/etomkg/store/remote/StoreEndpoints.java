package org.etomkg.store.remote;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import org.apache.jena.http.auth.AuthEnv;

/**
 * Where a remote store answers, from {@code --store}: the dataset URL of a server laid out as
 * Fuseki is ({@code URL/sparql}, {@code URL/update}, {@code URL/data}), or a small file naming
 * the three endpoints and, for a store that asks for them, a user and password. Credentials come
 * only from the file (or the environment variable the file names), never from the command line,
 * and {@link #toString()} never shows them. They are handed to Jena's HTTP layer, which answers
 * the store's Basic or Digest challenge.
 *
 * <pre>
 * # etom-kg store file: key = value
 * query    = http://127.0.0.1:8890/sparql
 * update   = http://127.0.0.1:8890/sparql-auth
 * data     = http://127.0.0.1:8890/sparql-graph-crud-auth
 * user     = etomkg
 * password = ...            (or: password-env = NAME_OF_A_VARIABLE)
 * auth     = basic          (sent with every request, the default; or: digest, answered when the store asks)
 * update-size = 1000        (optional: at most this many triples per update request; see RemoteDatasetGraph)
 * </pre>
 * Basic is sent up front because a store that closes the connection on its 401 (Virtuoso does)
 * loses a large body sent without it; over a network, give the store an https URL.
 */
public record StoreEndpoints(String query, String update, String data, Optional<String> user, String source, int maxUpdateQuads) {

    /** A {@code --store} value: an http(s) URL, or the path of a store file. */
    public static StoreEndpoints of(String store) {
        if (store.startsWith("http://") || store.startsWith("https://")) return ofDataset(store);
        return ofFile(Path.of(store));
    }

    /** A dataset URL laid out as Fuseki is; the query endpoint is settled when the store is opened ({@code sparql}, else {@code query}). */
    public static StoreEndpoints ofDataset(String url) {
        String base = url.replaceAll("/+$", "");
        URI uri = URI.create(base);
        if (uri.getUserInfo() != null)
            throw new IllegalArgumentException("--store " + uri.getScheme() + "://…@" + uri.getHost()
                + ": put a user and password in a store file, not in the URL (they would show in the process list and the logs)");
        return new StoreEndpoints(base + "/sparql", base + "/update", base + "/data", Optional.empty(), base, 0);
    }

    /** Reads a store file; a missing key or an endpoint that is not an http(s) URL is named with the file. */
    public static StoreEndpoints ofFile(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the store file " + file + ": " + e.getMessage(), e);
        }
        String query = endpoint(p, "query", file), update = endpoint(p, "update", file), data = endpoint(p, "data", file);
        Optional<String> user = Optional.ofNullable(p.getProperty("user")).map(String::strip).filter(s -> !s.isEmpty());
        String password = p.getProperty("password");
        String passwordEnv = p.getProperty("password-env");
        if (passwordEnv != null) {
            password = System.getenv(passwordEnv.strip());
            if (password == null) throw new IllegalArgumentException(file + ": password-env names " + passwordEnv.strip() + ", which is not set");
        }
        if (user.isPresent() != (password != null))
            throw new IllegalArgumentException(file + ": give both user and password (or password-env), or neither");
        if (password != null) {
            if (p.getProperty("password") != null && readableByOthers(file))
                System.err.println("etom-kg: " + file + " holds a password and others can read it: chmod 600 " + file);
            String auth = p.getProperty("auth", "basic").strip();
            if (!auth.equals("basic") && !auth.equals("digest")) throw new IllegalArgumentException(file + ": auth = " + auth + ": basic or digest");
            for (String endpoint : Set.of(query, update, data)) {
                if (auth.equals("basic")) AuthEnv.get().registerBasicAuthModifier(endpoint, user.get(), password);
                else AuthEnv.get().registerUsernamePassword(URI.create(endpoint), user.get(), password);
            }
        }
        int maxUpdateQuads = 0;
        String size = p.getProperty("update-size");
        if (size != null) {
            try {
                maxUpdateQuads = Integer.parseInt(size.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ": update-size = " + size.strip() + " is not a number of triples");
            }
        }
        return new StoreEndpoints(query, update, data, user, file.toString(), maxUpdateQuads);
    }

    private static String endpoint(Properties p, String key, Path file) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) throw new IllegalArgumentException(file + ": no '" + key + " = URL' (the store's " + key + " endpoint)");
        v = v.strip();
        if (!v.startsWith("http://") && !v.startsWith("https://"))
            throw new IllegalArgumentException(file + ": " + key + " = " + v + " is not an http(s) URL");
        if (URI.create(v).getUserInfo() != null)
            throw new IllegalArgumentException(file + ": " + key + " has a user in its URL; give user and password as keys of their own");
        return v;
    }

    private static boolean readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            return perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** The same endpoints with another query endpoint (Fuseki's older {@code /query}). */
    StoreEndpoints withQuery(String other) { return new StoreEndpoints(other, update, data, user, source, maxUpdateQuads); }

    /** For messages and logs: the endpoints and the user's name, never a password. */
    @Override public String toString() {
        return query + (user.map(u -> " (as " + u + ")").orElse(""));
    }
}
