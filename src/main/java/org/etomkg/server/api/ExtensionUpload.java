package org.etomkg.server.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.apache.jena.graph.Graph;
import org.etomkg.extension.ExtensionFiles;
import org.etomkg.extension.ExtensionInputException;

/**
 * An extension sent in a request body, read in the syntax its Content-Type names. The body
 * goes through the same reader as a file on the command line, so errors read the same.
 */
final class ExtensionUpload {
    static final List<String> MEDIA_TYPES = List.of("text/turtle", "application/rdf+xml", "application/ld+json",
        "application/n-triples", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private ExtensionUpload() {}

    static Graph read(InputStream body, String contentType) throws IOException {
        String suffix = suffix(contentType);
        Path tmp = Files.createTempFile("etom-kg-upload-", suffix);
        try {
            Files.copy(body, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try {
                return ExtensionFiles.read(tmp);
            } catch (ExtensionInputException e) {
                throw new ExtensionInputException(e.getMessage().replace(tmp.toString(), "request body"), e);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String suffix(String contentType) {
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "text/turtle", "application/x-turtle" -> ".ttl";
            case "application/rdf+xml" -> ".rdf";
            case "application/ld+json" -> ".jsonld";
            case "application/n-triples" -> ".nt";
            case "text/csv" -> ".csv";
            case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> ".xlsx";
            default -> throw new ExtensionInputException("unsupported Content-Type '" + type + "': send one of " + MEDIA_TYPES);
        };
    }
}
