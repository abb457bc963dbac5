package org.etomkg.server.linked;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.etomkg.vocab.ETOM;

/**
 * A path the server answers for an IRI we mint: {@code /X} stands for {@code https://w3id.org/etom-kg/X}
 * (the resource), {@code /X.ttl}, {@code .jsonld}, {@code .rdf}, {@code .nt} and {@code .html} for
 * its documents. The processes of stored extensions, whose IRIs are in their CSP's namespace,
 * get paths of ours: {@code /extension/NAME} (the extension) and {@code /extension/NAME/process/ID}.
 *
 * @param thing the resource's path, without a suffix
 * @param variant the document's representation, or null for the resource itself
 */
public record ResourcePath(String thing, Variant variant) {
    /** The first path segments under which we mint IRIs (besides the single-segment ones). */
    public static final String[] PREFIXES = { "release", "graph", "crosswalk", "oda-component", "open-api",
        "functional-framework", "sid", "source", "etom-sid-link", "extension" };
    /** Documents whose terms are hash IRIs ({@code /ontology#Domain}): one document describes them all. */
    static final String[] HASH_DOCUMENTS = { "/ontology", "/shapes" };

    private static final Pattern SUFFIXED = Pattern.compile("(/.+)\\.(ttl|jsonld|rdf|nt|html)");
    private static final Pattern PROCESS = Pattern.compile("/release/([0-9]+(?:\\.[0-9]+)*)/process/([0-9]+(?:\\.[0-9]+)*)");
    private static final Pattern RELEASE = Pattern.compile("/release/([0-9]+(?:\\.[0-9]+)*)");
    private static final Pattern PAGE = Pattern.compile("/process/([0-9]+(?:\\.[0-9]+)*)/([0-9]+(?:\\.[0-9]+)*)");
    private static final Pattern EXTENSION = Pattern.compile("/extension/([^/]+)(?:/process/([0-9]+(?:\\.[0-9]+)*))?");

    public static ResourcePath parse(String path) {
        Matcher m = SUFFIXED.matcher(path);
        if (m.matches()) return new ResourcePath(m.group(1), Variant.bySuffix(m.group(2)).orElseThrow());
        return new ResourcePath(path, null);
    }

    /** The path of a reference process IRI's web page ({@code /process/R/ID}), when it is one. */
    public Optional<String> processPage() {
        Matcher m = PROCESS.matcher(thing);
        return m.matches() ? Optional.of("/process/" + m.group(1) + "/" + m.group(2)) : Optional.empty();
    }

    /** The web app's page for this resource, when it has one: a reference process's, or a release's ({@code /releases/R}). */
    public Optional<String> appPage() {
        Matcher m = RELEASE.matcher(thing);
        return m.matches() ? Optional.of("/releases/" + m.group(1)) : processPage();
    }

    /** The release and identifier a web page path ({@code /process/R/ID}) shows, when it is one. */
    static Optional<String[]> processOfPage(String pagePath) {
        Matcher m = PAGE.matcher(pagePath);
        return m.matches() ? Optional.of(new String[] { m.group(1), m.group(2) }) : Optional.empty();
    }

    /** The IRI this path stands for under our namespace (for an extension, not its CSP IRI). */
    public String iri() { return ETOM.BASE + thing.substring(1); }

    /** The stored extension's name and, for one of its processes, the identifier; empty otherwise. */
    Optional<String[]> extension() {
        Matcher m = EXTENSION.matcher(thing);
        return m.matches() ? Optional.of(new String[] { m.group(1), m.group(2) }) : Optional.empty();
    }

    boolean isHashDocument() {
        for (String d : HASH_DOCUMENTS) if (d.equals(thing)) return true;
        return false;
    }

    /** The document's URL path for a variant. */
    public String document(Variant v) { return thing + "." + v.suffix(); }

    /** The path a link to an IRI of ours takes on this server; the IRI itself for any other. */
    public static String pathOf(String iri) {
        if (!iri.startsWith(ETOM.BASE)) return iri;
        String rest = iri.substring(ETOM.BASE.length() - 1);
        Matcher m = PROCESS.matcher(rest);
        return m.matches() ? "/process/" + m.group(1) + "/" + m.group(2) : rest;
    }
}
