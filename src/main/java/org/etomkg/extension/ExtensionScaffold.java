package org.etomkg.extension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.etomkg.vocab.ETOM;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Starts an extension ready for Protégé: a folder with the extension file, whose header is both
 * an {@code etom:Extension} and an {@code owl:Ontology} importing the meta-model and the release it
 * extends; a {@code catalog-v001.xml} that resolves every ontology of this checkout offline, by
 * absolute {@code file:} URI, so the folder may live anywhere on the same machine; and a README
 * of the steps.
 */
public final class ExtensionScaffold {
    /** The extension file's name in the folder. */
    public static final String EXTENSION_FILE = "extension.ttl";
    public static final String CATALOG_FILE = "catalog-v001.xml";
    public static final String README_FILE = "README.md";
    private static final String CATALOG_NS = "urn:oasis:names:tc:entity:xmlns:xml:catalog";

    private final Path ontologyDir;

    /** @param ontologyDir this checkout's ontology folder, whose catalog the scaffold's catalog points into */
    public ExtensionScaffold(Path ontologyDir) {
        this.ontologyDir = ontologyDir.toAbsolutePath().normalize();
    }

    /** What the new extension says about itself. */
    public record Request(String release, String name, String namespace, Optional<String> publisher) {}

    /**
     * Writes the folder; refuses, changing nothing, a folder that holds files, an unknown release,
     * or a namespace that is not an absolute IRI ending in / or # outside etom-kg's own.
     *
     * @return the files written
     * @throws ExtensionInputException when the request is refused
     */
    public List<Path> write(Path dir, Request request) {
        String release = release(request.release());
        String ns = namespace(request.namespace());
        if (request.name().isBlank()) throw new ExtensionInputException("the extension needs a name (--name), such as \"Acme process model\"");
        if (Files.exists(dir) && !Files.isDirectory(dir))
            throw new ExtensionInputException(dir + " is a file; give a new or empty folder for the extension");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent())
                    throw new ExtensionInputException(dir + " already holds files; give a new or empty folder so nothing is overwritten");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
            }
        }
        String catalog = catalog();
        try {
            Files.createDirectories(dir);
            Path ext = dir.resolve(EXTENSION_FILE), cat = dir.resolve(CATALOG_FILE), readme = dir.resolve(README_FILE);
            Files.writeString(ext, extensionFile(release, ns, request), StandardCharsets.UTF_8);
            Files.writeString(cat, catalog, StandardCharsets.UTF_8);
            Files.writeString(readme, readme(release, request.name(), ext.toAbsolutePath().normalize()), StandardCharsets.UTF_8);
            return List.of(ext, cat, readme);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir + ": " + e.getMessage(), e);
        }
    }

    private String release(String raw) {
        var known = new OntologyFolder(ontologyDir).releases();
        String r = raw == null ? "" : raw.trim();
        if (known.contains(r)) return r;
        if (known.contains(r + ".0")) return r + ".0";
        throw new ExtensionInputException("unknown release '" + raw + "'; this checkout holds " + String.join(", ", known));
    }

    private static String namespace(String raw) {
        String ns = raw == null ? "" : raw.trim();
        String fix = "; use one of your own, such as https://acme.example/etom/";
        try {
            // isAbsolute() is false for any IRI with a fragment, and a namespace may end in #: ask for a scheme (not relative) instead.
            IRIx iri = IRIx.create(ns);
            if (iri.isRelative()) throw new IRIException("not absolute");
        } catch (IRIException e) {
            throw new ExtensionInputException("namespace '" + ns + "' is not an absolute IRI" + fix);
        }
        if (!ns.endsWith("/") && !ns.endsWith("#"))
            throw new ExtensionInputException("namespace '" + ns + "' does not end in / or #, so your terms could not follow it" + fix);
        if (ns.startsWith(ETOM.BASE) || ETOM.BASE.startsWith(ns))
            throw new ExtensionInputException("namespace '" + ns + "' lies in etom-kg's own namespace " + ETOM.BASE + fix);
        return ns;
    }

    /** This checkout's catalog with every entry made an absolute file: URI. */
    private String catalog() {
        Path source = ontologyDir.resolve(CATALOG_FILE);
        Map<String, String> entries = new LinkedHashMap<>();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList uris = factory.newDocumentBuilder().parse(source.toFile()).getElementsByTagNameNS(CATALOG_NS, "uri");
            for (int i = 0; i < uris.getLength(); i++) {
                Element uri = (Element) uris.item(i);
                entries.put(uri.getAttribute("name"), ontologyDir.toUri().resolve(uri.getAttribute("uri")).toString());
            }
        } catch (Exception e) {
            throw new ExtensionInputException("cannot read the ontology catalog " + source + ": " + e.getMessage(), e);
        }
        StringBuilder out = new StringBuilder("""
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <!-- Written by ./etom-kg new-extension: lets Protégé resolve the extension's imports offline, to the
                 ontology files of the etom-kg checkout at %s (absolute file: URIs, so this folder can live
                 anywhere on this machine). If the checkout moves, start a new folder or edit the paths. -->
            <catalog prefer="public" xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
            """.formatted(xml(ontologyDir.toString())));
        entries.forEach((name, uri) -> out.append("    <uri name=\"").append(xml(name)).append("\" uri=\"").append(xml(uri)).append("\"/>\n"));
        return out.append("</catalog>\n").toString();
    }

    private static String extensionFile(String release, String ns, Request r) {
        String publisher = r.publisher().filter(p -> !p.isBlank()).map(p -> """
                dcterms:publisher ext:publisher ;
            """).orElse("");
        String organisation = r.publisher().filter(p -> !p.isBlank()).map(p -> """

            ext:publisher
                a org:Organization ;
                rdfs:label %s .
            """.formatted(literal(p))).orElse("");
        return """
            # %s: an extension of eTOM release %s, started by ./etom-kg new-extension.
            #
            # The header below is both the extension (etom:Extension) and an OWL ontology that imports
            # the meta-model and the release it extends, so Protégé opens it with the whole vocabulary;
            # catalog-v001.xml beside this file resolves those imports offline.
            # Add your processes in your own namespace, numbered as TM Forum's rule says (a child of
            # 1.3.3.10 is 2.3.3.10.n), for example:
            #
            #   ext:2.3.3.10.1
            #       a etom:ExtensionProcess ; skos:inScheme ext:extension ;
            #       skos:notation "2.3.3.10.1" ; etom:level 4 ; etom:parent p:1.3.3.10 ;
            #       rdfs:label "Capture Web Shop Order"@en .
            #
            # Check it with:  ./etom-kg validate %s

            @prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix owl:     <http://www.w3.org/2002/07/owl#> .
            @prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
            @prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
            @prefix dcterms: <http://purl.org/dc/terms/> .
            @prefix org:     <http://www.w3.org/ns/org#> .
            @prefix etom:    <https://w3id.org/etom-kg/ontology#> .
            @prefix p:       <%s> .
            @prefix ext:     <%s> .

            ext:extension
                a etom:Extension , owl:Ontology ;
                owl:imports <%s> , <%s> ;
                rdfs:label %s ;
            %s    owl:versionInfo "0.1.0" ;
                etom:extendsRelease <%s> ;
                etom:namespace "%s"^^xsd:anyURI .
            %s""".formatted(oneLine(r.name()), release, EXTENSION_FILE, ETOM.processNamespace(release), ns,
                ETOM.META_MODEL, ETOM.releaseGraph(release), literal(r.name()), publisher, ETOM.release(release), ns, organisation);
    }

    private static String readme(String release, String name, Path file) {
        return """
            # %s

            An extension of eTOM release %s, started by `./etom-kg new-extension`.

            - `%s`: the extension. Its header is an `etom:Extension` and an `owl:Ontology` that imports
              the meta-model and release %s.
            - `%s`: resolves those imports offline to the etom-kg checkout's `ontology/` folder.

            Steps:

            1. Open `%s` in Protégé (File > Open). The imports resolve through the catalog beside it;
               the classes and properties of `etom:` are there to use.
            2. Add your processes as individuals of `etom:ExtensionProcess` in your own namespace, each with
               `skos:notation`, `etom:level`, `etom:parent` (a reference process or one of yours) and `rdfs:label`.
            3. Save (Turtle), then check it from the checkout: `./etom-kg validate %s`
               (exit 0 when it conforms; each finding names the process, the rule and the fix).
            4. Load it into the store: `./etom-kg load --extension %s`.
            """.formatted(oneLine(name), release, EXTENSION_FILE, release, CATALOG_FILE, EXTENSION_FILE, file, file);
    }

    private static String oneLine(String s) { return s.replaceAll("[\\r\\n]+", " ").trim(); }

    private static String literal(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.append("\"@en").toString();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
