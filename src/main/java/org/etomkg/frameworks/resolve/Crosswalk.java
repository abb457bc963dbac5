package org.etomkg.frameworks.resolve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.graph.Triple;
import org.etomkg.importer.SourceException;
import org.etomkg.vocab.ETOM;

/**
 * The release crosswalk's {@code etom:nextVersion} links ({@code ontology/crosswalk/}): which
 * process of one release is the same process in the next, whatever its identifier or name
 * there. Empty when the ontology folder has no crosswalk.
 */
public final class Crosswalk {
    private final Map<String, String> next = new HashMap<>();
    private final Map<String, String> previous = new HashMap<>();
    private final List<String> files = new ArrayList<>();

    private Crosswalk() {}

    public static Crosswalk none() { return new Crosswalk(); }

    /** Reads the {@code etom:nextVersion} links of every Turtle file of {@code ontologyDir/crosswalk}. */
    public static Crosswalk read(Path ontologyDir) {
        Crosswalk c = new Crosswalk();
        Path dir = ontologyDir.resolve("crosswalk");
        if (!Files.isDirectory(dir)) return c;
        List<Path> ttl;
        try (Stream<Path> s = Files.list(dir)) {
            ttl = s.filter(p -> p.toString().endsWith(".ttl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Node nextVersion = ETOM.term("nextVersion");
        for (Path f : ttl) {
            try {
                if (!Files.readString(f).contains("nextVersion")) continue;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int before = c.next.size();
            try {
                RDFParser.source(f).lang(Lang.TURTLE).parse(new StreamRDFBase() {
                    @Override public void triple(Triple t) {
                        if (t.getPredicate().equals(nextVersion) && t.getSubject().isURI() && t.getObject().isURI()) {
                            c.next.put(t.getSubject().getURI(), t.getObject().getURI());
                            c.previous.put(t.getObject().getURI(), t.getSubject().getURI());
                        }
                    }
                });
            } catch (RiotException e) {
                throw new SourceException(f + ": " + e.getMessage(), e);
            }
            if (c.next.size() > before) c.files.add("crosswalk/" + f.getFileName());
        }
        return c;
    }

    public boolean isEmpty() { return next.isEmpty(); }

    /** The crosswalk files the links came from. */
    public List<String> files() { return List.copyOf(files); }

    /** Every other version of a process, following the links backwards and forwards. */
    public List<String> otherVersions(String processIri) {
        List<String> out = new ArrayList<>();
        for (String p = previous.get(processIri); p != null && !out.contains(p); p = previous.get(p)) out.add(p);
        for (String n = next.get(processIri); n != null && !out.contains(n); n = next.get(n)) out.add(n);
        return out;
    }
}
