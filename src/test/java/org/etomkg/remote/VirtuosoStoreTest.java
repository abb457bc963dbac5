package org.etomkg.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.http.auth.AuthEnv;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.GSP;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.UpdateExecHTTP;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a client gets from Virtuoso 7 (Debian's virtuoso-opensource) through Jena's own HTTP
 * clients, next to Jena's in-memory answers for the same data. One server for the class.
 * Each difference found is asserted as Virtuoso's behaviour, so a change of server shows up here.
 */
class VirtuosoStoreTest {
    static final String EX = "http://example.org/", PREFIXES = """
        PREFIX ex: <http://example.org/>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        """;
    static final String A = EX + "g/a", B = EX + "g/b";

    static VirtuosoStore store;
    /** The same quads in memory, the default graph holding their union as Virtuoso's does. */
    static DatasetGraph jena;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(VirtuosoStore.installed(), "virtuoso-t is not installed (.ci/run installs it)");
        store = VirtuosoStore.start();
        System.out.printf("Virtuoso started in %d ms, %d MiB resident%n", store.startMillis(), store.residentKiB() / 1024);
        // Preemptive Basic: no 401 round trip, which Virtuoso ends by closing before a large body is read.
        AuthEnv.get().registerBasicAuthModifier(store.updateEndpoint(), store.user(), store.password());
        AuthEnv.get().registerBasicAuthModifier(store.graphStoreEndpoint(), store.user(), store.password());

        Graph a = sample(100, EX), b = GraphFactory.createDefaultGraph();
        b.add(uri("p1"), uri("ownedBy"), uri("team1"));
        b.add(uri("team1"), RDFS.label.asNode(), NodeFactory.createLiteralLang("Équipe un", "fr"));
        // also in A: the union default graph shows whether it is a set (Jena) or a bag
        b.add(uri("p99"), uri("modified"), NodeFactory.createLiteralDT("2024-01-16T10:39:00Z", XSDDatatype.XSDdateTime));
        gsp().graphName(A).PUT(a);
        gsp().graphName(B).PUT(b);
        jena = DatasetGraphFactory.createTxnMem();
        jena.addGraph(NodeFactory.createURI(A), a);
        jena.addGraph(NodeFactory.createURI(B), b);
        jena.find().forEachRemaining(q -> jena.getDefaultGraph().add(q.asTriple()));
    }

    @AfterAll
    static void stop() {
        if (store == null) return;
        AuthEnv.get().unregisterAuthModifier(store.updateEndpoint());
        AuthEnv.get().unregisterAuthModifier(store.graphStoreEndpoint());
        store.close();
    }

    static GSP gsp() {
        return GSP.service(store.graphStoreEndpoint());
    }

    static void update(String update) {
        UpdateExecHTTP.service(store.updateEndpoint()).update(PREFIXES + update).execute();
    }

    static QueryExec remote(String query) {
        return QueryExecHTTP.service(store.queryEndpoint()).query(PREFIXES + query).build();
    }

    static QueryExec local(String query) {
        return QueryExec.dataset(jena).query(PREFIXES + query).build();
    }

    static long count(String graph) {
        return Long.parseLong(rows(remote("SELECT (COUNT(*) AS ?n) { GRAPH <" + graph + "> { ?s ?p ?o } }").select()).get(0).replaceAll("\\D", ""));
    }

    @Test
    void graphStoreProtocolPutGetReplaceDelete() {
        String g = EX + "g/gsp";
        Graph data = sample(100, EX + "gsp/");
        assertTrue(data.size() > 900, "about a thousand triples");
        gsp().graphName(g).PUT(data);
        assertTrue(data.isIsomorphicWith(gsp().graphName(g).GET()), "language tags, datatypes, non-ASCII text and blank nodes come back");
        gsp().graphName(g).PUT(data);
        assertEquals(data.size(), count(g), "a second PUT replaces, no duplicates");
        Graph smaller = sample(10, EX + "gsp/");
        gsp().graphName(g).PUT(smaller);
        assertTrue(smaller.isIsomorphicWith(gsp().graphName(g).GET()));
        gsp().graphName(g).DELETE();
        assertEquals(0, count(g));
        HttpException gone = assertThrows(HttpException.class, () -> gsp().graphName(g).GET());
        System.out.println("GSP GET of a deleted graph: " + gone.getStatusCode());
    }

    @Test
    void writesNeedTheUser() {
        HttpException gsp = assertThrows(HttpException.class,
            () -> GSP.service(store.base() + "/sparql-graph-crud").graphName(EX + "g/anon").PUT(sample(1, EX + "anon/")));
        System.out.println("anonymous GSP PUT: " + gsp.getStatusCode());
        HttpException upd = assertThrows(HttpException.class,
            () -> UpdateExecHTTP.service(store.queryEndpoint()).update("INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> 1 } }").execute());
        System.out.println("anonymous update: " + upd.getStatusCode() + " " + upd.getResponse());
    }

    @Test
    void severalOperationsInOneRequest() {
        String g = EX + "g/multi", r = EX + "g/multi-r";
        update("INSERT DATA { GRAPH <" + g + "> { <urn:x:old> ex:p 1 } }");
        update("DROP SILENT GRAPH <" + g + "> ; INSERT DATA { GRAPH <" + g + "> { <urn:x:s> ex:p 1, 2 } GRAPH <" + r + "> { <urn:x:s> ex:q \"x\" } }");
        assertEquals(2, count(g));
        assertEquals(1, count(r));
    }

    @Test
    void aRequestIsNotAtomic() {
        String g = EX + "g/atomic";
        update("CREATE SILENT GRAPH <" + g + "-exists>");
        for (String failing : List.of("CREATE GRAPH <" + g + "-exists>", "DROP GRAPH <" + g + "-never>",
            "LOAD <http://127.0.0.1:1/nothing.ttl> INTO GRAPH <" + g + "-load>",
            "INSERT { GRAPH <" + g + "> { ex:s ex:q ?x } } WHERE { BIND(1/0 AS ?x) FILTER(?x > 0 || true) }")) {
            update("DROP SILENT GRAPH <" + g + ">");
            String outcome;
            try {
                update("INSERT DATA { GRAPH <" + g + "> { <urn:x:s> ex:p 1 } } ; " + failing);
                outcome = "no error";
            } catch (HttpException e) {
                outcome = "error " + e.getStatusCode() + " " + firstLine(e.getResponse());
            }
            System.out.println("[" + failing + "] -> " + outcome);
            assertTrue(outcome.startsWith("error 500"), outcome);
            // Not atomic: the operations before the failing one stay committed.
            assertEquals(1, count(g), failing);
        }
    }

    static String firstLine(String s) {
        return s == null ? "" : s.strip().lines().findFirst().orElse("");
    }

    @Test
    void defaultGraphIsTheUnionOfNamedGraphs() {
        // ASK is avoided: this Virtuoso answers it as a SELECT of ?__ASK_RETVAL, which Jena's ask() rejects.
        assertEquals(1, rows(remote("SELECT * { ex:p1 ex:ownedBy ?t ; ex:weight ?w }").select()).size(), "triples of A and B join without FROM or GRAPH");
        assertEquals(List.of("{n=2}"), rows(remote("SELECT (COUNT(*) AS ?n) { ex:p99 ex:modified ?d }").select()), "a triple in two graphs counts twice: a bag");
        assertEquals(List.of("{n=1}"), rows(local("SELECT (COUNT(*) AS ?n) { ex:p99 ex:modified ?d }").select()), "Jena's union is a set");
        assertThrows(RuntimeException.class, () -> remote("ASK { ex:p1 ex:level 1 }").ask());
    }

    static final List<String> QUERIES = List.of(
        "SELECT ?level (COUNT(*) AS ?n) WHERE { ?s ex:level ?level } GROUP BY ?level ORDER BY ?level",
        "SELECT ?s ?note WHERE { ?s a ex:Process OPTIONAL { ?s ex:note ?note } } ORDER BY ?s",
        "SELECT ?s ?l WHERE { VALUES ?s { ex:p1 ex:p2 } ?s rdfs:label ?l } ORDER BY ?s ?l",
        "SELECT ?a WHERE { ex:p63 ex:parent/ex:parent* ?a } ORDER BY ?a",
        "SELECT ?s ?l WHERE { ?s rdfs:label ?l FILTER(STRSTARTS(?l, \"Processus é 1\")) } ORDER BY ?s",
        "SELECT ?s (REPLACE(?id, \"^1\\\\.2\\\\.\", \"x-\") AS ?r) WHERE { ?s ex:id ?id } ORDER BY ?s",
        "SELECT ?s (REPLACE(?l, \"[0-9]+$\", \"N\") AS ?r) WHERE { ?s rdfs:label ?l } ORDER BY ?s ?r",
        "SELECT ?s (LCASE(?l) AS ?lc) WHERE { ?s rdfs:label ?l } ORDER BY ?s ?lc",
        "SELECT ?s (COALESCE(?note, \"none\") AS ?n) WHERE { ?s a ex:Process OPTIONAL { ?s ex:note ?note } } ORDER BY ?s",
        "SELECT ?s ?n WHERE { { SELECT ?s (COUNT(?c) AS ?n) WHERE { ?c ex:parent ?s } GROUP BY ?s } FILTER(?n > 3) } ORDER BY ?s",
        "SELECT ?d (DATATYPE(?d) AS ?t) ?id (DATATYPE(?id) AS ?it) ?w (DATATYPE(?w) AS ?wt) WHERE { ex:p1 ex:modified ?d ; ex:id ?id ; ex:weight ?w }",
        "SELECT ?n (STRLEN(?n) AS ?len) (UCASE(?n) AS ?u) (SUBSTR(?n, 7, 3) AS ?sub) WHERE { ex:p3 ex:note ?n }",
        "SELECT ?l WHERE { ?s rdfs:label ?l FILTER(?s IN (ex:p1, ex:p2)) } ORDER BY ?l",
        "SELECT ?l WHERE { ex:p1 rdfs:label ?l FILTER(langMatches(lang(?l), \"FR\")) }",
        "SELECT (SUM(?w) AS ?sum) (AVG(?w) AS ?avg) (MIN(?d) AS ?min) (MAX(?lv) AS ?max) WHERE { ?s ex:weight ?w ; ex:modified ?d ; ex:level ?lv }",
        "SELECT ?s ?b ?v WHERE { ?s ex:extent ?b . ?b ex:value ?v } ORDER BY ?s",
        "SELECT ?s WHERE { ?s ex:level 1 ; ex:modified ?d FILTER(?d > \"2024-01-20T00:00:00Z\"^^xsd:dateTime) } ORDER BY ?s",
        "SELECT ?l WHERE { ex:p1 rdfs:label ?l FILTER(?l = \"Prozeß 1\"@de) }",
        "SELECT ?id WHERE { ?s ex:id ?id FILTER(?id = \"1.2.1\"^^xsd:string) }",
        "SELECT ?id WHERE { ?s ex:id \"1.2.1\"^^xsd:string ; ex:id ?id }",
        "SELECT ?s ?c WHERE { ?s ex:level ?lv BIND(CONCAT(?lv, \"-\", STR(?s)) AS ?c) } ORDER BY ?s LIMIT 3",
        "SELECT (COUNT(DISTINCT ?s) AS ?n) (GROUP_CONCAT(?lv; separator=\",\") AS ?g) WHERE { VALUES ?s { ex:p1 ex:p2 } ?s ex:level ?lv }",
        "SELECT ?x WHERE { BIND(1/0 AS ?x) }",
        "SELECT ?s WHERE { ?s a ex:Process FILTER NOT EXISTS { ?s ex:note ?n } } ORDER BY ?s LIMIT 3",
        "SELECT ?s WHERE { ?s a ex:Process MINUS { ?s ex:note ?n } } ORDER BY ?s LIMIT 3",
        "SELECT ?t ?l WHERE { ex:p1 ex:ownedBy ?t . ?t rdfs:label ?l }",
        "SELECT ?s ?l WHERE { ?s rdfs:label ?l } ORDER BY ?l LIMIT 5",
        "SELECT ?s WHERE { ?s ex:level ?l } LIMIT 3",
        "SELECT * WHERE { ?s ex:level ?l FILTER(?l = 1.0) } ORDER BY ?s LIMIT 2",
        "SELECT (STR(\"abc\"@en) AS ?x) (LANG(\"abc\"@EN) AS ?y) (STRLANG(\"x\", \"en-GB\") AS ?z) (xsd:integer(\"07\") AS ?i) (NOW() < \"2000-01-01T00:00:00Z\"^^xsd:dateTime AS ?old) WHERE {}");

    @Test
    void queriesAgainstJena() {
        List<Integer> differ = new ArrayList<>();
        for (String q : QUERIES) {
            try {
                List<String> v = rows(remote(q).select()), j = rows(local(q).select());
                if (!v.equals(j)) differ.add(QUERIES.indexOf(q));
                System.out.println((v.equals(j) ? "SAME " : "DIFF ") + q + (v.equals(j) ? "" : "\n   virtuoso " + head(v) + "\n   jena     " + head(j)));
            } catch (RuntimeException e) {
                differ.add(QUERIES.indexOf(q));
                System.out.println("FAIL " + q + " -> " + e);
            }
        }
        String construct = "CONSTRUCT { ?s ex:label ?l ; ex:extent ?b . ?b ex:value ?v } WHERE { ?s rdfs:label ?l FILTER(lang(?l) = \"en\") OPTIONAL { ?s ex:extent ?b . ?b ex:value ?v } }";
        System.out.println("CONSTRUCT iso: " + remote(construct).construct().isIsomorphicWith(local(construct).construct()));
        for (String d : List.of("DESCRIBE ex:p10", "DESCRIBE ?s WHERE { ?s ex:id \"1.2.3\" }")) {
            Graph v = remote(d).describe(), j = local(d).describe();
            System.out.println(d + ": virtuoso " + v.size() + " jena " + j.size() + " iso " + v.isIsomorphicWith(j));
        }
        // By index in QUERIES: 2, 7, 12 ORDER BY on language-tagged literals (Virtuoso sorts by an
        // internal language order first); 6 REPLACE drops the language tag; 14 the bag union (p99);
        // 18, 19 "x"^^xsd:string never equals the plain "x" stored; 20 CONCAT accepts numbers;
        // 22 1/0 fails the whole query (HTTP 500) instead of leaving ?x unbound; 27 LIMIT without
        // ORDER BY; 28 FILTER(?l = 1.0) binds ?l to "1"^^xsd:decimal; 29 LANG keeps case,
        // booleans come back as 0/1, xsd:integer("07") is canonicalised.
        assertEquals(List.of(2, 6, 7, 12, 14, 18, 19, 20, 22, 27, 28, 29), differ);
    }

    @Test
    void largeResultsAreNotTruncated() {
        String q = "SELECT ?a ?b WHERE { ?a ex:level ?x . ?b rdfs:label ?y }";
        assertEquals(30_100, local(q).select().rewindable().size());
        assertEquals(30_100, remote(q).select().rewindable().size(), "above Virtuoso's default ResultSetMaxRows (10000), raised in the ini");
    }

    @Test
    void timeouts() {
        String slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }";
        long t0 = System.nanoTime();
        List<String> r = rows(QueryExecHTTP.service(store.queryEndpoint()).query(PREFIXES + slow).param("timeout", "500").build().select());
        System.out.println("timeout=500: " + r + " after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        // Virtuoso's "anytime" answer: 200 and whatever it had (here no row), not an error.
        assertEquals(List.of(), r);
    }

    static List<String> head(List<String> l) {
        return l.subList(0, Math.min(6, l.size()));
    }

    /** Rows as text, blank nodes all alike: labels differ between servers and mean nothing. */
    static List<String> rows(RowSet rs) {
        List<String> out = new ArrayList<>();
        rs.forEachRemaining(b -> {
            Map<String, String> m = new TreeMap<>();
            b.forEach((v, n) -> m.put(v.getVarName(), n.isBlank() ? "_:b" : FmtUtils.stringForNode(n)));
            out.add(m.toString());
        });
        return out;
    }

    /** About ten triples per process: labels in three languages, numbers, dates, non-ASCII text, a tree, blank nodes. */
    static Graph sample(int processes, String ns) {
        Graph g = GraphFactory.createDefaultGraph();
        for (int i = 0; i < processes; i++) {
            Node s = NodeFactory.createURI(ns + "p" + i);
            g.add(s, RDF.type.asNode(), uri("Process"));
            g.add(s, RDFS.label.asNode(), NodeFactory.createLiteralLang("Process ö " + i, "en"));
            g.add(s, RDFS.label.asNode(), NodeFactory.createLiteralLang("Processus é " + i, "fr"));
            g.add(s, RDFS.label.asNode(), NodeFactory.createLiteralLang("Prozeß " + i, "de"));
            g.add(s, uri("level"), NodeFactory.createLiteralDT(Integer.toString(i % 4), XSDDatatype.XSDinteger));
            g.add(s, uri("modified"), NodeFactory.createLiteralDT("2024-01-%02dT10:%02d:00Z".formatted(i % 28 + 1, i % 60), XSDDatatype.XSDdateTime));
            g.add(s, uri("id"), NodeFactory.createLiteralString("1.2." + i));
            g.add(s, uri("weight"), NodeFactory.createLiteralDT(i + ".5", XSDDatatype.XSDdecimal));
            if (i > 0) g.add(s, uri("parent"), NodeFactory.createURI(ns + "p" + (i - 1) / 4));
            if (i % 3 == 0) g.add(s, uri("note"), NodeFactory.createLiteralString("naïve — 日本語 " + i));
            if (i % 10 == 0) {
                Node b = NodeFactory.createBlankNode();
                g.add(s, uri("extent"), b);
                g.add(b, uri("value"), NodeFactory.createLiteralDT(Integer.toString(i), XSDDatatype.XSDinteger));
            }
        }
        return g;
    }

    static Node uri(String local) {
        return NodeFactory.createURI(EX + local);
    }
}
