package org.etomkg.extension.template;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.etomkg.extension.ExtensionInputException;

/**
 * What a template holds before it becomes RDF: the header's key/value pairs, each with its
 * place, and the tables. Both the workbook and the CSV form read into this.
 */
final class TemplateContent {
    /** The header keys, in the order the documentation gives them. */
    static final List<String> HEADER_KEYS = List.of("name", "publisher", "version", "release", "namespace");

    /** One header value and where it was written (for messages). */
    record HeaderValue(String value, String place) {}

    final Path file;
    /** Where the header lives, for "missing" messages: {@code sheet 'Extension'} or {@code the # lines before the table}. */
    final String headerPlace;
    private final Map<String, HeaderValue> header = new LinkedHashMap<>();
    private final Map<TemplateSheet, Table> tables = new EnumMap<>(TemplateSheet.class);

    TemplateContent(Path file, String headerPlace) {
        this.file = file;
        this.headerPlace = headerPlace;
    }

    /** The header key a written key names, if it is one. */
    static Optional<String> headerKey(String written) {
        String k = TemplateSheet.key(written);
        return HEADER_KEYS.stream().filter(h -> h.equals(k)).findFirst();
    }

    void putHeader(String key, String value, String place) {
        HeaderValue before = header.get(key);
        if (before != null)
            throw new ExtensionInputException(file + ": " + place + ": '" + key + "' is given twice (also at " + before.place()
                + "); keep one");
        header.put(key, new HeaderValue(value, place));
    }

    Optional<HeaderValue> header(String key) { return Optional.ofNullable(header.get(key)); }

    void putTable(Table t) { tables.put(t.sheet, t); }

    Optional<Table> table(TemplateSheet sheet) { return Optional.ofNullable(tables.get(sheet)); }
}
