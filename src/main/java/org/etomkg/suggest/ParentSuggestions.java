package org.etomkg.suggest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.etomkg.vocab.ETOM;

/**
 * Ranks the processes of one release as the likely parent of an activity a CSP names in its own
 * words: an in-memory full-text index of each process's name (weighted most) and its ancestors'
 * names, with English stemming, so "billing" meets "Bill" and an activity that names only the
 * work finds the area it belongs to through the ancestors. Built in well under a second per release.
 */
public final class ParentSuggestions {
    private static final String NAME = "name", ANCESTORS = "ancestors", ID = "id", LEVEL = "level", LABEL = "label";
    private static final float NAME_WEIGHT = 2f;

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final IndexSearcher searcher;

    /** One release's processes, from its graph (the release file or the store's graph of it). */
    public ParentSuggestions(Graph release) {
        Map<Node, String> names = new HashMap<>(), ids = new HashMap<>();
        Map<Node, Node> parents = new HashMap<>();
        Map<Node, Integer> levels = new HashMap<>();
        release.find(Node.ANY, SKOS.notation.asNode(), Node.ANY).forEach(t -> ids.put(t.getSubject(), t.getObject().getLiteralLexicalForm()));
        release.find(Node.ANY, RDFS.label.asNode(), Node.ANY).forEach(t -> names.putIfAbsent(t.getSubject(), t.getObject().getLiteralLexicalForm()));
        release.find(Node.ANY, ETOM.parent.asNode(), Node.ANY).forEach(t -> parents.put(t.getSubject(), t.getObject()));
        release.find(Node.ANY, ETOM.level.asNode(), Node.ANY).forEach((Triple t) -> levels.put(t.getSubject(), ((Number) t.getObject().getLiteralValue()).intValue()));
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            for (var e : ids.entrySet()) {
                Node p = e.getKey();
                Integer level = levels.get(p);
                if (level == null || level < 2 || !names.containsKey(p)) continue;   // a domain is nobody's useful parent
                StringBuilder above = new StringBuilder();
                Set<Node> seen = new LinkedHashSet<>();
                for (Node a = parents.get(p); a != null && seen.add(a); a = parents.get(a)) above.append(names.getOrDefault(a, "")).append(". ");
                Document d = new Document();
                d.add(new TextField(NAME, names.get(p), Field.Store.NO));
                d.add(new TextField(ANCESTORS, above.toString(), Field.Store.NO));
                d.add(new StoredField(ID, e.getValue()));
                d.add(new StoredField(LABEL, names.get(p)));
                d.add(new StoredField(LEVEL, level));
                w.addDocument(d);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            searcher = new IndexSearcher(DirectoryReader.open(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A process that may be the parent, with its score and the words that matched. */
    public record Suggestion(String identifier, String name, int level, double score, List<String> matched) {
        /** "matched: bill, invoic", as a reviewer reads it. */
        public String reason() { return matched.isEmpty() ? "no word in common" : "matched " + String.join(", ", matched); }
    }

    /** The best {@code limit} parents for an activity, best first; empty when no word matches. */
    public List<Suggestion> suggest(String activity, String context, int limit) {
        String text = context == null || context.isBlank() ? activity : activity + " " + context;
        QueryBuilder builder = new QueryBuilder(analyzer);
        Query name = builder.createBooleanQuery(NAME, text), ancestors = builder.createBooleanQuery(ANCESTORS, text);
        if (name == null && ancestors == null) return List.of();
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        if (name != null) q.add(new BoostQuery(name, NAME_WEIGHT), BooleanClause.Occur.SHOULD);
        if (ancestors != null) q.add(ancestors, BooleanClause.Occur.SHOULD);
        Set<String> asked = terms(text);
        List<Suggestion> out = new ArrayList<>();
        try {
            for (ScoreDoc hit : searcher.search(q.build(), limit).scoreDocs) {
                Document d = searcher.storedFields().document(hit.doc);
                String label = d.get(LABEL);
                List<String> matched = terms(label).stream().filter(asked::contains).toList();
                out.add(new Suggestion(d.get(ID), label, d.getField(LEVEL).numericValue().intValue(), hit.score, matched));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The stemmed words of a text, as the index holds them. */
    private Set<String> terms(String text) {
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(NAME, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
