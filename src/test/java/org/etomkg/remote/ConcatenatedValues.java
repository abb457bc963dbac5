package org.etomkg.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.etomkg.query.NamedQuery;

/**
 * The columns a query fills with GROUP_CONCAT, and their values put in order. SPARQL leaves the order
 * in which GROUP_CONCAT joins its values to the store (TDB2 follows its node ids, which depend on the
 * order the triples were loaded in), so two stores agree when they join the same values.
 */
final class ConcatenatedValues {
    private static final Pattern CONCAT = Pattern.compile(
        "GROUP_CONCAT\\s*\\((?:[^;()]|\\([^()]*\\))*?(?:;\\s*separator\\s*=\\s*\"([^\"]*)\")?\\s*\\)\\s*AS\\s*\\?(\\w+)",
        Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private ConcatenatedValues() {}

    /** Each GROUP_CONCAT column of the query, with its separator. */
    static Map<String, String> of(NamedQuery query) {
        Map<String, String> columns = new HashMap<>();
        try {
            Matcher m = CONCAT.matcher(Files.readString(query.file()));
            while (m.find()) columns.put(m.group(2), m.group(1) == null ? " " : m.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return columns;
    }

    /** The value's parts, split at the separator, in order. */
    static String ordered(String value, String separator) {
        if (separator.isEmpty()) return value;
        String[] parts = value.split(Pattern.quote(separator), -1);
        Arrays.sort(parts);
        return String.join(separator, parts);
    }

    /** A literal with its parts in order; any other node as it is. */
    static Node ordered(Node value, String separator) {
        if (!value.isLiteral()) return value;
        String lexical = ordered(value.getLiteralLexicalForm(), separator);
        String lang = value.getLiteralLanguage();
        return lang.isEmpty() ? NodeFactory.createLiteralDT(lexical, value.getLiteralDatatype()) : NodeFactory.createLiteralLang(lexical, lang);
    }
}
