package org.etomkg.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.etomkg.check.QualityReport;
import org.etomkg.store.ServerRecord;

/**
 * The store as a {@code serve} running on the same data folder offers it for writing: its
 * extension API, with the key the server left in the folder. A command that would write to a
 * store the server holds writes through here instead, so the README can be followed with the
 * server running.
 */
final class ServingStore {
    private final URI base;
    private final String key;

    private ServingStore(URI base, String key) { this.base = base; this.key = key; }

    /** The server holding this folder's store, when one is running and has left its key. */
    static Optional<ServingStore> find(Locations locations) {
        return StoreAccess.runningEndpoint(locations).flatMap(endpoint -> ServerRecord.key(locations.data)
            .map(key -> new ServingStore(URI.create(endpoint).resolve("/"), key)));
    }

    URI base() { return base; }

    /**
     * The quality checks, run by the server ({@code GET /api/checks}): there each check has the
     * validation's time, not the 10 s a SPARQL request gets, so a busy server still answers.
     */
    QualityReport checks() {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/checks")).timeout(Duration.ofMinutes(30)).GET().build();
        HttpResponse<String> response = send(request, "ran the checks");
        if (response.statusCode() != 200)
            throw new Failures.UserError("the server at " + base + " did not run the checks: it answered " + response.statusCode() + ": " + response.body().strip());
        return QualityReport.fromJson(JSON.parse(response.body()));
    }

    private HttpResponse<String> send(HttpRequest request, String doing) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Failures.UserError("the server at " + base + " did not answer (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failures.UserError("interrupted while the server at " + base + " " + doing);
        }
    }

    /** Stores (or replaces) the extension by {@code PUT /api/extensions/NAME}; the server validates it again. */
    void put(String name, Graph extension) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        RDFDataMgr.write(body, extension, RDFFormat.TURTLE_BLOCKS);   // streamed, and compact enough for the body limit
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/extensions/" + name))
            .timeout(Duration.ofMinutes(10))
            .header("Content-Type", "text/turtle")
            .header("Authorization", "Bearer " + key)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<String> response = send(request, "stored the extension");
        int status = response.statusCode();
        if (status == 200 || status == 201) return;
        String why = switch (status) {
            case 401 -> "it did not take this folder's key (" + ServerRecord.KEY_FILE + "); is it serving another folder?";
            case 413 -> "the extension is larger than the server's body limit (serve --max-body BYTES)";
            default -> "it answered " + status + ": " + response.body().strip();
        };
        throw new Failures.UserError("the server at " + base + " did not store the extension: " + why + "; the store is unchanged");
    }
}
