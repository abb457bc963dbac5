package org.etomkg.frameworks.source;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.etomkg.importer.SourceException;

/**
 * Reads {@code etom-l2-sid-abe-links.csv}: lines starting with # are comments, then the header
 * {@code component_id,etom_activity,sid_abe,direction,yaml_etom_ref,yaml_sid_ref}, then one row
 * per link. {@code NO MATCH} (with or without asterisks) marks a reference the transcriber could
 * not match; the eTOM column may hold several references separated by {@code ;} (the activity
 * column then names them separated by {@code /}). A row whose direction column reads {@code Direction} repeats the header for a
 * table of SID-to-SID links of the same component ("X produces Y"), which the rows after it
 * hold until the component changes. Errors name the file and line.
 */
public final class AbeLinkTableReader {
    static final List<String> HEADER = List.of("component_id", "etom_activity", "sid_abe", "direction", "yaml_etom_ref", "yaml_sid_ref");
    private static final Set<String> DIRECTIONS = Set.of("bidirectional", "activity consumes", "activity produces");
    private static final Pattern COMPONENT = Pattern.compile("TMFC[0-9]{3,4}");
    private static final Pattern PRODUCES = Pattern.compile("(.+?)\\s+produces\\s+(.+)", Pattern.CASE_INSENSITIVE);

    public List<AbeLinkRow> read(Path file) {
        String name = SourceFiles.displayName(file);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new SourceException(name + ": not UTF-8 text");
        } catch (IOException e) {
            throw new SourceException(name + ": cannot read: " + e.getMessage(), e);
        }
        List<AbeLinkRow> rows = new ArrayList<>();
        boolean header = false;
        String sidSection = null;
        for (int i = 0; i < lines.size(); i++) {
            int line = i + 1;
            String text = lines.get(i);
            if (text.isBlank() || text.startsWith("#")) continue;
            List<String> cells = split(text, name, line);
            if (!header) {
                if (!cells.stream().map(String::trim).toList().equals(HEADER))
                    throw new SourceException(name + ": line " + line + ": expected the header " + String.join(",", HEADER));
                header = true;
                continue;
            }
            if (cells.size() != HEADER.size())
                throw new SourceException(name + ": line " + line + ": expected " + HEADER.size() + " columns, found " + cells.size());
            String component = cells.get(0).trim();
            if (!COMPONENT.matcher(component).matches())
                throw new SourceException(name + ": line " + line + ": '" + component + "' is not a component identifier such as TMFC043");
            String direction = cells.get(3).trim();
            int ordinal = rows.size() + 1;
            if (direction.equalsIgnoreCase("direction")) {
                sidSection = component;
                rows.add(new AbeLinkRow(ordinal, line, AbeLinkRow.Kind.SECTION_HEADER, component, cells.get(1).trim(), cells.get(2).trim(),
                    direction, List.of(), null, null, text));
                continue;
            }
            if (!component.equals(sidSection)) sidSection = null;
            if (sidSection != null) {
                Matcher m = PRODUCES.matcher(direction);
                if (!m.matches()) throw new SourceException(name + ": line " + line + ": in a table of SID-to-SID links, expected a direction 'X produces Y', found '" + direction + "'");
                rows.add(new AbeLinkRow(ordinal, line, AbeLinkRow.Kind.SID_TO_SID, component, cells.get(1).trim(), cells.get(2).trim(),
                    direction, List.of(), sid(cells.get(4), name, line), sid(cells.get(5), name, line), text));
                continue;
            }
            if (!DIRECTIONS.contains(direction.toLowerCase(Locale.ROOT)))
                throw new SourceException(name + ": line " + line + ": direction '" + direction + "' is not one of " + DIRECTIONS.stream().sorted().toList());
            String etom = cells.get(4).trim();
            List<CitedEntry> etomRefs = new ArrayList<>();
            if (!noMatch(etom)) {
                for (String one : etom.split(";")) {
                    CitedEntries.Either e = CitedEntries.process(one.trim(), "line " + line);
                    if (e.error() != null) throw new SourceException(name + ": line " + line + ": yaml_etom_ref: " + e.error());
                    etomRefs.add(e.entry());
                }
            }
            rows.add(new AbeLinkRow(ordinal, line, AbeLinkRow.Kind.PROCESS_TO_SID, component, cells.get(1).trim(), cells.get(2).trim(),
                direction, etomRefs, null, sid(cells.get(5), name, line), text));
        }
        if (!header) throw new SourceException(name + ": line " + (lines.size() + 1) + ": no header row");
        return rows;
    }

    private static CitedEntry sid(String cell, String name, int line) {
        String t = cell.trim();
        if (noMatch(t)) return null;
        CitedEntries.Either e = CitedEntries.sid(t, "line " + line);
        if (e.error() != null) throw new SourceException(name + ": line " + line + ": SID reference: " + e.error());
        return e.entry();
    }

    static boolean noMatch(String cell) {
        return cell.replace("*", "").trim().equalsIgnoreCase("NO MATCH");
    }

    /** Splits one CSV line (RFC 4180 quoting, no line breaks inside a field). */
    static List<String> split(String text, String name, int line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false, wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') { cell.append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.append(c);
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && cell.toString().isBlank() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                cell.setLength(0);
            } else if (c == '"') {
                throw new SourceException(name + ": line " + line + ", column " + (i + 1) + ": a quote inside an unquoted field");
            } else {
                cell.append(c);
            }
        }
        if (quoted) throw new SourceException(name + ": line " + line + ": a quoted field is not closed");
        out.add(cell.toString());
        return out;
    }
}
