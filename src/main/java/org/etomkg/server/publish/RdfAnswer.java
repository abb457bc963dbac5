package org.etomkg.server.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.shared.PrefixMapping;
import org.etomkg.rdf.CanonicalTurtle;

/**
 * Writes a graph in the RDF format a client asks for: Turtle (the default, through the project's
 * canonical writer), JSON-LD, RDF/XML or N-Triples, chosen by {@code Accept} or by a file suffix.
 */
final class RdfAnswer {
    private RdfAnswer() {}

    /** The formats offered, by suffix; the first is the default. */
    static final Map<String, Lang> SUFFIXES = Map.of("ttl", Lang.TURTLE, "jsonld", Lang.JSONLD, "rdf", Lang.RDFXML, "nt", Lang.NTRIPLES);

    private static final AcceptList OFFERED = AcceptList.create(Lang.TURTLE.getHeaderString(), Lang.JSONLD.getHeaderString(),
        Lang.RDFXML.getHeaderString(), Lang.NTRIPLES.getHeaderString());
    private static final MediaType TURTLE = MediaType.create(Lang.TURTLE.getHeaderString());

    /** The format an {@code Accept} header asks for: Turtle when it asks for none of the four, or for anything. */
    static Lang negotiate(HttpServletRequest req) {
        MediaType chosen = ConNeg.chooseContentType(req, OFFERED, TURTLE);
        String type = chosen == null ? TURTLE.getContentTypeStr() : chosen.getContentTypeStr();
        for (Lang lang : SUFFIXES.values()) if (lang.getHeaderString().equals(type)) return lang;
        return Lang.TURTLE;
    }

    /** Answers with the graph in the format the request's {@code Accept} asks for. */
    static void send(HttpServletRequest req, HttpServletResponse resp, Graph graph, PrefixMapping prefixes) throws IOException {
        resp.addHeader("Vary", "Accept");
        Lang lang = negotiate(req);
        resp.setContentType(lang.getHeaderString() + ";charset=utf-8");
        write(resp.getOutputStream(), graph, prefixes, lang);
    }

    /** Writes a graph held in memory (its prefixes are set to these). */
    static void write(OutputStream out, Graph graph, PrefixMapping prefixes, Lang lang) throws IOException {
        if (lang.equals(Lang.TURTLE)) {
            out.write(CanonicalTurtle.write(graph, prefixes).getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (lang.equals(Lang.NTRIPLES)) {
            RDFWriter.source(graph).format(RDFFormat.NTRIPLES).output(out);
            return;
        }
        // JSON-LD and RDF/XML abbreviate with the graph's own prefixes: the graph is the caller's copy, give it ours.
        graph.getPrefixMapping().setNsPrefixes(prefixes);
        RDFWriter.source(graph).format(lang.equals(Lang.JSONLD) ? RDFFormat.JSONLD11 : RDFFormat.RDFXML_PLAIN).output(out);
    }
}
