package org.etomkg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionBase;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.util.Context;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The SPARQL function {@code fn:marked(name, words)} of {@code queries/search.rq}: the name as
 * safe HTML, escaped first, with each word the search matched inside {@code <mark>}. A word
 * matches as the index matched it: as written, by its stem, by a telecom synonym of a word typed,
 * or, for the last word typed, by beginning with it. It asks the store's own analysis (the index's
 * and the query's), so what is marked is what was found.
 */
public final class MarkedName extends FunctionBase {
    public static final String IRI = "https://w3id.org/etom-kg/function#marked";

    private String lastWords;
    private Set<String> lastWanted;

    static void register() { FunctionRegistry.get().put(IRI, MarkedName.class); }

    @Override public void checkBuild(String uri, ExprList args) {
        if (args.size() != 2) throw new org.apache.jena.query.QueryBuildException(IRI + " takes a name and the words typed");
    }

    @Override public NodeValue exec(List<NodeValue> args) { throw new IllegalStateException("needs the store's analysis"); }

    @Override protected NodeValue exec(List<NodeValue> args, FunctionEnv env) {
        if (!args.get(0).isString() && !args.get(0).isLangString() || !args.get(1).isString()) throw new ExprEvalException("marked: two strings");
        Analyzer index = new SearchAnalyzer(), query = index;
        if (textIndex(env) instanceof TextIndexLucene lucene) {
            index = lucene.getAnalyzer();
            query = lucene.getQueryAnalyzer() != null ? lucene.getQueryAnalyzer() : index;
        }
        String words = args.get(1).getString();
        if (!words.equals(lastWords)) {   // one query marks every hit with the same words: analyse them once
            lastWanted = terms(query, words);
            lastWords = words;
        }
        return NodeValue.makeString(mark(args.get(0).getNode().getLiteralLexicalForm(), words, index, lastWanted));
    }

    private static TextIndex textIndex(FunctionEnv env) {
        for (DatasetGraph d = env.getDataset(); d != null; d = d instanceof DatasetGraphWrapper w ? w.getWrapped() : null)
            if (d instanceof DatasetGraphText text) return text.getTextIndex();
        Context cxt = env.getContext();
        return cxt != null && cxt.get(TextQuery.textIndex) instanceof TextIndex t ? t : null;
    }

    /** The name, escaped, with the words matching those typed marked. */
    static String mark(String name, String words, Analyzer index, Analyzer query) {
        return mark(name, words, index, terms(query, words));
    }

    private static String mark(String name, String words, Analyzer index, Set<String> wanted) {
        String last = words.strip().replaceAll("^.* ", "");
        String start = words.strip().length() > 1 ? index.normalize(SearchIndex.FIELD, last).utf8ToString() : null;   // as search.rq: no lone letter
        TreeMap<Integer, Integer> spans = new TreeMap<>();
        try (TokenStream t = index.tokenStream(SearchIndex.FIELD, name)) {
            CharTermAttribute term = t.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = t.addAttribute(OffsetAttribute.class);
            t.reset();
            while (t.incrementToken()) {
                String s = term.toString();
                if (wanted.contains(s) || start != null && !start.isEmpty() && s.startsWith(start))
                    spans.merge(offset.startOffset(), offset.endOffset(), Math::max);
            }
            t.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (var span : spans.entrySet()) {
            if (span.getKey() < at) continue;
            escape(name.substring(at, span.getKey()), out);
            out.append("<mark>");
            escape(name.substring(span.getKey(), span.getValue()), out);
            out.append("</mark>");
            at = span.getValue();
        }
        escape(name.substring(at), out);
        return out.toString();
    }

    private static Set<String> terms(Analyzer query, String words) {
        Set<String> out = new HashSet<>();
        try (TokenStream t = query.tokenStream(SearchIndex.FIELD, words)) {
            CharTermAttribute term = t.addAttribute(CharTermAttribute.class);
            t.reset();
            while (t.incrementToken()) out.add(term.toString());
            t.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void escape(String text, StringBuilder out) {
        for (char c : text.toCharArray())
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
    }
}
