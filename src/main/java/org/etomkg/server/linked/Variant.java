package org.etomkg.server.linked;

import java.util.Arrays;
import java.util.Optional;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;

/**
 * The representations of a resource, each with the suffix of its document URL: the page for
 * people and four RDF syntaxes. The order is the preference when the client has none ({@code *}{@code /*}).
 */
public enum Variant {
    HTML("html", "text/html", null),
    TURTLE("ttl", "text/turtle", RDFFormat.TURTLE_PRETTY),
    JSONLD("jsonld", "application/ld+json", RDFFormat.JSONLD11),
    RDFXML("rdf", "application/rdf+xml", RDFFormat.RDFXML_PLAIN),
    NTRIPLES("nt", "application/n-triples", RDFFormat.NTRIPLES);

    private static final AcceptList OFFERED = AcceptList.create(
        Arrays.stream(values()).map(Variant::mediaType).toArray(String[]::new));

    private final String suffix;
    private final String mediaType;
    private final RDFFormat format;

    Variant(String suffix, String mediaType, RDFFormat format) {
        this.suffix = suffix;
        this.mediaType = mediaType;
        this.format = format;
    }

    public String suffix() { return suffix; }
    public String mediaType() { return mediaType; }
    /** How Jena writes it; null for the page. */
    RDFFormat format() { return format; }
    public Lang lang() { return format == null ? null : format.getLang(); }
    public boolean isRdf() { return format != null; }

    /** The variant a document URL ends with ({@code .ttl} and so on). */
    public static Optional<Variant> bySuffix(String suffix) {
        return Arrays.stream(values()).filter(v -> v.suffix.equals(suffix)).findFirst();
    }

    /**
     * The variant the client prefers by its {@code Accept} header, q-values weighed; HTML when
     * it sends none; empty when it accepts none of ours.
     */
    public static Optional<Variant> negotiate(String accept) {
        if (accept == null || accept.isBlank()) return Optional.of(HTML);
        MediaType chosen;
        try {
            chosen = AcceptList.match(new AcceptList(accept), OFFERED);
        } catch (RuntimeException e) {
            return Optional.empty();   // an Accept header we cannot read
        }
        if (chosen == null) return Optional.empty();
        String type = chosen.getContentTypeStr();
        return Arrays.stream(values()).filter(v -> v.mediaType.equals(type)).findFirst();
    }
}
