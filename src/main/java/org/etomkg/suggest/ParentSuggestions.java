package org.etomkg.suggest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
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
import org.etomkg.suggest.meaning.SentenceEmbedding;
import org.etomkg.vocab.ETOM;

/**
 * Ranks the processes of one release as the likely parent of an activity a CSP names in its own
 * words. An in-memory full-text index holds, per process, its name (weighted most), its ancestors'
 * names (the area it sits in), its sub-processes' names (the work it covers), and the CSP words for
 * its work and its area's ({@link ProcessWords}); a process holding more of the activity's words gains; the activity is
 * stemmed and widened with the telecom synonyms, its lane or pool weighs less than its own words, and
 * levels 3 and 4, where a CSP's own activities usually hang, are preferred over the broad level 2 and
 * the fine levels below 4; where several sub-processes of one process match, that process is offered
 * too. The best hits by words are then ranked again by how close their meaning is to the activity's
 * ({@link SentenceEmbedding}): a process that shares a word but not the sense falls back. Built in well
 * under a second per release; a suggestion takes a few milliseconds once the vectors of the processes it
 * meets are known, and about 5 ms more for each that is not.
 */
public final class ParentSuggestions {
    private static final String NAME = "name", ANCESTORS = "ancestors", BELOW = "below", WORDS = "words", AREA_WORDS = "areaWords", ID = "id",
        LEVEL = "level", LABEL = "label";

    /** What the engine uses; the benchmark turns parts off to show what each is worth. */
    record Tuning(boolean synonyms, boolean subProcesses, boolean context, boolean levels, boolean rollUp, boolean processWords, boolean coverage,
                  boolean meaning) {
        static final Tuning FULL = new Tuning(true, true, true, true, true, true, true, true);
    }

    private static final float NAME_WEIGHT = 2f, PATH_WEIGHT = 1f, BELOW_WEIGHT = 1f;
    /** The CSP words for a process's work, and those of the processes above it: each as much as one of the names around it. */
    private static final float WORDS_WEIGHT = 0.5f, AREA_WORDS_WEIGHT = 0.5f, CONTEXT_WEIGHT = 0.5f;
    /**
     * A process's score is multiplied by the share of the activity's words it holds anywhere, to this power: one that
     * holds "pay", "dealer" and "commission" beats one that holds "commission" twice over. Chosen, with the words'
     * weights, on the tuning set alone (bench/suggest.sh).
     */
    private static final double COVERAGE_POWER = 0.5;
    /**
     * Score multiplier by level (index = level): a CSP's own activity usually hangs under a level 3 process,
     * then level 4; level 2 is too broad and levels 5 to 7 too narrow. Chosen on half of the benchmark and
     * checked on the other half (bench/suggest.sh).
     */
    private static final float[] LEVEL_PREFERENCE = {0f, 0f, 0.6f, 1f, 0.8f, 0.5f, 0.4f, 0.4f, 0.4f};
    /** How many of the best hits are looked at for sub-processes of one process, and what share of the second's score it gets. */
    private static final int ROLL_UP_WINDOW = 10;
    private static final double ROLL_UP_SHARE = 1.0;
    /** Hits looked at before the level preference re-ranks them. */
    private static final int POOL = 200;
    /**
     * The best hits by words are ranked again by meaning too: (1 − share) × their score over the best one's, plus
     * share × the cosine of the activity's and the process's sentence vectors ({@link SentenceEmbedding}). Hits
     * further down never rose into the first five when measured. Both chosen on the tuning set alone (bench/suggest.sh).
     */
    private static final int MEANING_POOL = 25;
    private static final double MEANING_SHARE = 0.6;

    private final Tuning tuning;
    private final Analyzer index = SuggestAnalysis.index(), query;
    private final IndexSearcher searcher;
    /** Per document: identifier, name, ancestors' names, level, read once so a suggestion reads no stored fields. */
    private final String[] idOf, labelOf, ancestorsOf, belowOf, wordsOf;
    /** Per document, every stem it is found by: what the coverage counts. */
    private final List<Set<String>> stemsOf = new ArrayList<>();
    private final int[] levelOf;
    private final Map<String, Integer> docOf = new HashMap<>();
    /** Per document, the text whose meaning is compared with the activity's: its name, its parent's, its CSP words. */
    private final String[] meaningOf;
    private final Optional<SentenceEmbedding> meaning;

    /** One release's processes, from its graph (the release file or the store's graph of it), with no synonyms. */
    public ParentSuggestions(Graph release) {
        this(release, TelecomSynonyms.none());
    }

    /** One release's processes, the activity's words widened with {@code synonyms}. */
    public ParentSuggestions(Graph release, TelecomSynonyms synonyms) {
        this(release, synonyms, ProcessWords.none());
    }

    /** One release's processes, each also known by the CSP's words for its work, the activity's words widened with {@code synonyms}. */
    public ParentSuggestions(Graph release, TelecomSynonyms synonyms, ProcessWords words) {
        this(release, synonyms, words, Tuning.FULL);
    }

    ParentSuggestions(Graph release, TelecomSynonyms synonyms, ProcessWords processWords, Tuning tuning) {
        this.tuning = tuning;
        this.query = SuggestAnalysis.query(tuning.synonyms() ? synonyms.map() : null);
        Map<Node, String> names = new HashMap<>(), ids = new HashMap<>();
        Map<Node, Node> parents = new HashMap<>();
        Map<Node, Integer> levels = new HashMap<>();
        release.find(Node.ANY, SKOS.notation.asNode(), Node.ANY).forEach(t -> ids.put(t.getSubject(), t.getObject().getLiteralLexicalForm()));
        release.find(Node.ANY, RDFS.label.asNode(), Node.ANY).forEach(t -> names.putIfAbsent(t.getSubject(), t.getObject().getLiteralLexicalForm()));
        release.find(Node.ANY, ETOM.parent.asNode(), Node.ANY).forEach(t -> parents.put(t.getSubject(), t.getObject()));
        release.find(Node.ANY, ETOM.level.asNode(), Node.ANY).forEach((Triple t) -> levels.put(t.getSubject(), ((Number) t.getObject().getLiteralValue()).intValue()));
        Map<String, String> namesById = new HashMap<>();
        ids.forEach((p, id) -> { if (names.containsKey(p)) namesById.put(id, names.get(p)); });
        Map<String, String> words = new HashMap<>(tuning.processWords() ? processWords.forRelease(namesById) : Map.of());
        Map<String, String> meanings = new HashMap<>();
        ids.forEach((p, id) -> {
            if (!names.containsKey(p)) return;
            Node parent = parents.get(p);
            String parentName = parent == null ? null : names.get(parent), own = words.get(id);
            meanings.put(id, names.get(p) + (parentName == null ? "" : " (" + parentName + ")") + (own == null ? "" : ": " + own));
        });
        this.meaning = tuning.meaning() ? SentenceEmbedding.shipped() : Optional.empty();
        Map<Node, StringBuilder> below = new HashMap<>();
        for (var e : parents.entrySet()) {
            Set<Node> seen = new LinkedHashSet<>();
            String name = names.getOrDefault(e.getKey(), "");
            // The words of a fine process (level 4 and below) tell what its parents cover, as its name does: as its own,
            // they drew activities away from the level 3 processes architects choose (measured on the tuning set).
            if (levels.getOrDefault(e.getKey(), 0) >= 4 && words.containsKey(ids.get(e.getKey()))) name += ". " + words.get(ids.get(e.getKey()));
            for (Node a = e.getValue(); a != null && seen.add(a); a = parents.get(a)) below.computeIfAbsent(a, k -> new StringBuilder()).append(name).append(". ");
        }
        ids.forEach((p, id) -> { if (levels.getOrDefault(p, 0) >= 4) words.remove(id); });
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(index))) {
            for (var e : ids.entrySet()) {
                Node p = e.getKey();
                Integer level = levels.get(p);
                if (level == null || level < 2 || !names.containsKey(p)) continue;   // a domain is nobody's useful parent
                StringBuilder above = new StringBuilder();
                Set<Node> seen = new LinkedHashSet<>();
                for (Node a = parents.get(p); a != null && seen.add(a); a = parents.get(a)) above.append(names.getOrDefault(a, "")).append(". ");
                Document d = new Document();
                d.add(new TextField(NAME, names.get(p), Field.Store.NO));
                // The whole path, the process's own name included: else a child, holding its parent's name as an
                // ancestor, outscores the parent on the parent's own words.
                d.add(new TextField(ANCESTORS, names.get(p) + ". " + above, Field.Store.NO));
                if (tuning.subProcesses() && below.containsKey(p)) d.add(new TextField(BELOW, below.get(p).toString(), Field.Store.NO));
                String own = words.get(e.getValue());
                if (own != null) {
                    d.add(new TextField(WORDS, own, Field.Store.NO));
                    d.add(new StoredField(WORDS, own));
                }
                String area = areaWords(p, parents, ids, words);
                if (!area.isEmpty()) {
                    d.add(new TextField(AREA_WORDS, area, Field.Store.NO));
                    d.add(new StoredField(AREA_WORDS, area));
                }
                d.add(new StoredField(ID, e.getValue()));
                d.add(new StoredField(LABEL, names.get(p)));
                d.add(new StoredField(LEVEL, level));
                d.add(new StoredField(ANCESTORS, above.toString()));
                if (below.containsKey(p)) d.add(new StoredField(BELOW, below.get(p).toString()));
                w.addDocument(d);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            searcher = new IndexSearcher(DirectoryReader.open(dir));
            int n = searcher.getIndexReader().maxDoc();
            idOf = new String[n];
            labelOf = new String[n];
            ancestorsOf = new String[n];
            belowOf = new String[n];
            wordsOf = new String[n];
            levelOf = new int[n];
            meaningOf = new String[n];
            var stored = searcher.storedFields();
            for (int i = 0; i < n; i++) {
                Document d = stored.document(i);
                idOf[i] = d.get(ID);
                labelOf[i] = d.get(LABEL);
                ancestorsOf[i] = d.get(ANCESTORS);
                belowOf[i] = d.get(BELOW) == null ? "" : d.get(BELOW);
                // its own CSP words and its area's, as the reason quotes them
                wordsOf[i] = (d.get(WORDS) == null ? "" : d.get(WORDS)) + ". " + (d.get(AREA_WORDS) == null ? "" : d.get(AREA_WORDS));
                stemsOf.add(tuning.coverage() ? stems(labelOf[i] + ". " + ancestorsOf[i] + ". " + belowOf[i] + ". " + wordsOf[i]) : Set.of());
                levelOf[i] = d.getField(LEVEL).numericValue().intValue();
                docOf.put(idOf[i], i);
                meaningOf[i] = meanings.get(idOf[i]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A process that may be the parent, with its score and why: the activity's words (as written) found
     * in its name, those found only in its area (the processes above it or its sub-processes), those found
     * only among the CSP words for its work ({@link ProcessWords}), the context's words that matched, and
     * the cosine of its meaning and the activity's (absent where the sentence model cannot run).
     */
    public record Suggestion(String identifier, String name, int level, double score, List<String> matched, List<String> area,
                             List<String> trade, List<String> context, OptionalDouble meaning) {
        /** "name has invoice, unpaid; area has collections; trade words dunning; context Collections; meaning 0.61; level 3", as a reviewer reads it. */
        public String reason() {
            List<String> parts = new ArrayList<>();
            if (!matched.isEmpty()) parts.add("name has " + String.join(", ", matched));
            if (!area.isEmpty()) parts.add("area has " + String.join(", ", area));
            if (!trade.isEmpty()) parts.add("trade words " + String.join(", ", trade));
            if (!context.isEmpty()) parts.add("context " + String.join(", ", context));
            if (parts.isEmpty()) parts.add("no word in common");
            meaning.ifPresent(m -> parts.add(String.format(Locale.ROOT, "meaning %.2f", m)));
            parts.add("level " + level);
            return String.join("; ", parts);
        }
    }

    /** Per process, the text whose meaning is compared with an activity's: its name, its parent's name, its CSP words. */
    public List<String> meaningTexts() {
        return List.of(meaningOf);
    }

    /** The name of a process of the release by its identifier, or null when the release has none. */
    public String name(String identifier) {
        Integer d = docOf.get(identifier);
        return d == null ? null : labelOf[d];
    }

    /** The best {@code limit} parents for an activity, best first; empty when no word matches. */
    public List<Suggestion> suggest(String activity, String context, int limit) {
        if (limit < 1) return List.of();
        if (!tuning.context() && context != null && !context.isBlank()) {   // as first built: the lane read as the activity's own words
            activity = activity + " " + context;
            context = null;
        }
        boolean withContext = tuning.context() && context != null && !context.isBlank();
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        boolean any = add(q, activity, 1f);
        if (withContext) any |= add(q, context, CONTEXT_WEIGHT);
        if (!any) return List.of();
        record Hit(int doc, double score) {}
        List<Hit> hits = new ArrayList<>();
        try {
            for (ScoreDoc hit : searcher.search(q.build(), Math.max(POOL, limit)).scoreDocs) {
                int level = levelOf[hit.doc];
                hits.add(new Hit(hit.doc, hit.score * (tuning.levels() ? LEVEL_PREFERENCE[Math.min(level, LEVEL_PREFERENCE.length - 1)] : 1f)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tuning.coverage()) {
            Collection<Set<String>> written = writtenWords(activity);
            hits = hits.stream().map(h -> new Hit(h.doc(), h.score() * Math.pow(coverage(written, stemsOf.get(h.doc())), COVERAGE_POWER))).collect(Collectors.toList());
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(h -> idOf[h.doc()]));
        if (tuning.rollUp()) hits = rollUp(hits, Hit::doc, Hit::score, Hit::new);
        Map<Integer, Double> cosines = new HashMap<>();
        if (meaning.isPresent() && !hits.isEmpty()) {
            List<Hit> pool = hits.subList(0, Math.min(hits.size(), Math.max(MEANING_POOL, limit)));
            SentenceEmbedding model = meaning.get();
            float[] asked = model.embed(withContext ? activity + " (" + context + ")" : activity);
            List<float[]> processes = model.embedKept(pool.stream().map(h -> meaningOf[h.doc()]).toList());
            double best = Math.max(pool.get(0).score(), Double.MIN_NORMAL);   // 0 when only the context's words matched
            List<Hit> ranked = new ArrayList<>();
            for (int i = 0; i < pool.size(); i++) {
                double cosine = SentenceEmbedding.cosine(asked, processes.get(i));
                cosines.put(pool.get(i).doc(), cosine);
                ranked.add(new Hit(pool.get(i).doc(), (1 - MEANING_SHARE) * pool.get(i).score() / best + MEANING_SHARE * cosine));
            }
            ranked.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(h -> idOf[h.doc()]));
            hits = ranked;
        }
        Map<String, String> asked = words(activity), around = withContext ? words(context) : Map.of();
        List<Suggestion> out = new ArrayList<>();
        for (Hit hit : hits.subList(0, Math.min(limit, hits.size()))) {
            int doc = hit.doc();
            Set<String> name = stems(labelOf[doc]), above = stems(ancestorsOf[doc] + ". " + belowOf[doc]), trade = stems(wordsOf[doc]);
            List<String> matched = new ArrayList<>(), area = new ArrayList<>(), inTrade = new ArrayList<>(), lane = new ArrayList<>();
            asked.forEach((stem, written) -> {
                if (name.contains(stem)) add(matched, written);
                else if (above.contains(stem)) add(area, written);
                else if (trade.contains(stem)) add(inTrade, written);
            });
            matched.forEach(area::remove);
            matched.forEach(inTrade::remove);
            area.forEach(inTrade::remove);
            around.forEach((stem, written) -> { if (name.contains(stem) || above.contains(stem) || trade.contains(stem)) add(lane, written); });
            out.add(new Suggestion(idOf[doc], labelOf[doc], levelOf[doc], hit.score(), List.copyOf(matched), List.copyOf(area), List.copyOf(inTrade),
                List.copyOf(lane), cosines.containsKey(doc) ? OptionalDouble.of(cosines.get(doc)) : OptionalDouble.empty()));
        }
        return out;
    }

    /**
     * Where two or more sub-processes of one process rank high, the activity is about that process as a
     * whole: it scores as its second-best sub-process, if that is more than its own score.
     */
    private <H> List<H> rollUp(List<H> hits, ToIntFunction<H> doc, ToDoubleFunction<H> score, BiFunction<Integer, Double, H> make) {
        Map<String, List<Double>> children = new HashMap<>();
        for (H h : hits.subList(0, Math.min(ROLL_UP_WINDOW, hits.size()))) {
            String id = idOf[doc.applyAsInt(h)];
            int dot = id.lastIndexOf('.');
            if (dot > 0) children.computeIfAbsent(id.substring(0, dot), k -> new ArrayList<>()).add(score.applyAsDouble(h));
        }
        Map<String, Double> raised = new HashMap<>();
        children.forEach((parent, scores) -> { if (scores.size() >= 2) raised.put(parent, scores.get(1) * ROLL_UP_SHARE); });
        if (raised.isEmpty()) return hits;
        Map<String, H> byId = new LinkedHashMap<>();
        for (H h : hits) byId.put(idOf[doc.applyAsInt(h)], h);
        raised.forEach((parent, s) -> {
            Integer d = docOf.get(parent);
            if (d == null || levelOf[d] < 3) return;   // a level 2 process is too broad to propose this way
            H own = byId.get(parent);
            double mine = own == null ? 0 : score.applyAsDouble(own);
            double pref = tuning.levels() ? LEVEL_PREFERENCE[levelOf[d]] / LEVEL_PREFERENCE[Math.min(levelOf[d] + 1, LEVEL_PREFERENCE.length - 1)] : 1;
            if (s * pref > mine) byId.put(parent, make.apply(d, s * pref));
        });
        List<H> out = new ArrayList<>(byId.values());
        out.sort(Comparator.comparingDouble(score).reversed().thenComparing(h -> idOf[doc.applyAsInt(h)]));
        return out;
    }

    private static void add(List<String> list, String word) {
        if (!list.contains(word)) list.add(word);
    }

    /** The text's clauses against name, ancestors and sub-processes, weighted; false when it has no searchable word. */
    private boolean add(BooleanQuery.Builder q, String text, float weight) {
        QueryBuilder builder = new QueryBuilder(query);
        boolean any = false;
        for (var field : List.of(Map.entry(NAME, NAME_WEIGHT), Map.entry(ANCESTORS, PATH_WEIGHT), Map.entry(BELOW, BELOW_WEIGHT), Map.entry(WORDS, WORDS_WEIGHT), Map.entry(AREA_WORDS, AREA_WORDS_WEIGHT))) {
            if (field.getKey().equals(BELOW) && !tuning.subProcesses()) continue;
            Query c = builder.createBooleanQuery(field.getKey(), text);
            if (c == null) continue;
            q.add(new BoostQuery(c, field.getValue() * weight), BooleanClause.Occur.SHOULD);
            any = true;
        }
        return any;
    }

    /** The words of an activity as written, each as the stems it yields (its own and its synonyms'). */
    private Collection<Set<String>> writtenWords(String activity) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        words(activity).forEach((stem, written) -> out.computeIfAbsent(written.toLowerCase(Locale.ROOT), k -> new HashSet<>()).add(stem));
        return out.values();
    }

    /** The share of the written words a process holds, by any of their stems. */
    private static double coverage(Collection<Set<String>> written, Set<String> held) {
        if (written.isEmpty()) return 1;
        long found = written.stream().filter(stems -> stems.stream().anyMatch(held::contains)).count();
        return (double) found / written.size();
    }

    /** The CSP words of the processes above a process, nearest first. */
    private static String areaWords(Node process, Map<Node, Node> parents, Map<Node, String> ids, Map<String, String> words) {
        StringBuilder out = new StringBuilder();
        Set<Node> seen = new HashSet<>();
        for (Node a = parents.get(process); a != null && seen.add(a); a = parents.get(a)) {
            String w = words.get(ids.get(a));
            if (w != null) out.append(w).append(", ");
        }
        return out.toString();
    }

    /** Each stem the activity yields (its synonyms' too), with the words of the activity it came from. */
    private Map<String, String> words(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        try (TokenStream ts = query.tokenStream(NAME, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.putIfAbsent(term.toString(), text.substring(offset.startOffset(), offset.endOffset()));
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The stemmed words of a process name, as the index holds them. */
    private Set<String> stems(String text) {
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = index.tokenStream(NAME, text)) {
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
