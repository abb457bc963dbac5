package org.etomkg.extension.template;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.etomkg.extension.ExtensionInputException;

/**
 * Reads the CSV form of the template: one UTF-8 file holding the header as {@code # key: value}
 * lines, then the Processes table (its first line the column names). Cells are separated by
 * commas, or by semicolons or tabs when the table's header line uses those; a cell holding the
 * separator, a quote or a line break is quoted as in RFC 4180. Lines starting with {@code #}
 * are comments; before the table, those of the form {@code # key: value} with a header key
 * are the header.
 */
final class CsvTemplate {
    /** One CSV record: the line it starts on and its cells. */
    record Record(int line, List<String> cells) {}

    private CsvTemplate() {}

    static TemplateContent read(Path file) {
        String text = decode(file);
        TemplateContent content = new TemplateContent(file, "the # lines before the table");
        String[] lines = text.split("\n", -1);
        int i = 0;
        for (; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.startsWith("\"#")) l = l.substring(1);
            if (l.isEmpty()) continue;
            if (!l.startsWith("#")) break;
            if (l.length() > ExtensionTemplate.MAX_CELL_CHARS) throw tooLong(file, i + 1, false);
            String comment = l.substring(1).replaceAll("[,;\\t\\s\"]+$", "").strip();
            int colon = comment.indexOf(':');
            if (colon <= 0) continue;
            String value = comment.substring(colon + 1).strip();
            int line = i + 1;
            TemplateContent.headerKey(comment.substring(0, colon))
                .ifPresent(k -> { if (!value.isEmpty()) content.putHeader(k, value, "line " + line); });
        }
        if (i == lines.length)
            throw new ExtensionInputException(file + ": no table; after the # header lines comes the header line of the Processes table, "
                + "such as identifier,name,parent,level,definition,specialises");
        char delimiter = delimiter(lines[i]);
        StringBuilder rest = new StringBuilder();
        for (int j = i; j < lines.length; j++) rest.append(lines[j]).append('\n');
        List<Record> records = records(file, rest.toString(), i + 1, delimiter);
        Record header = records.get(0);
        Table t = new Table(file, TemplateSheet.PROCESSES, null, header.line(), header.cells().stream().map(CellValue::text).toList());
        int width = header.cells().size();
        for (Record r : records.subList(1, records.size())) {
            for (int c = width; c < r.cells().size(); c++)
                if (!r.cells().get(c).isBlank())
                    throw new ExtensionInputException(file + ": line " + r.line() + ": more cells than the header line has columns ("
                        + width + "); quote a cell that holds the separator '" + delimiter + "', such as \"Check, then confirm\"");
            t.add(r.line(), r.cells().stream().map(CellValue::text).toList());
        }
        content.putTable(t);
        return content;
    }

    private static String decode(Path file) {
        try {
            if (Files.size(file) > ExtensionTemplate.MAX_CSV_BYTES)
                throw ExtensionInputException.tooLarge(file + ": larger than " + ExtensionTemplate.MAX_CSV_BYTES / (1024 * 1024)
                    + " MB, the most a CSV template may be; split the extension into several files");
            byte[] bytes = Files.readAllBytes(file);
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            if (s.startsWith("\uFEFF")) s = s.substring(1);
            return s.replace("\r\n", "\n").replace('\r', '\n');
        } catch (CharacterCodingException e) {
            throw new ExtensionInputException(file + ": not UTF-8 text; save the CSV as UTF-8 (in Excel: CSV UTF-8)", e);
        } catch (IOException e) {
            throw new ExtensionInputException(file + ": cannot read the file: " + e.getMessage(), e);
        }
    }

    private static ExtensionInputException tooLong(Path file, int line, boolean quoted) {
        String most = String.format(java.util.Locale.ROOT, "%,d", ExtensionTemplate.MAX_CELL_CHARS);
        if (quoted) return new ExtensionInputException(file + ": line " + line + ": a quoted cell runs on for more than " + most
            + " characters; is its closing quote missing? End it with \" (a quote inside a cell is written twice: \"\")");
        return ExtensionInputException.tooLarge(file + ": line " + line + ": a cell of more than " + most
            + " characters, the most a cell holds (as in Excel)");
    }

    /** The separator the table's header line uses most: comma, semicolon or tab. */
    static char delimiter(String headerLine) {
        char best = ',';
        long most = 0;
        for (char c : new char[] {',', ';', '\t'}) {
            long n = headerLine.chars().filter(x -> x == c).count();
            if (n > most) { most = n; best = c; }
        }
        return best;
    }

    /**
     * Splits text into records as RFC 4180 does: quoted cells may hold the separator, line breaks
     * and doubled quotes. Lines starting with {@code #} are skipped.
     *
     * @param firstLine the line number of the text's first line
     */
    static List<Record> records(Path file, String text, int firstLine, char delimiter) {
        List<Record> out = new ArrayList<>();
        int line = firstLine;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int start = line;
            if (text.charAt(i) == '#') {
                while (i < n && text.charAt(i) != '\n') i++;
                i++;
                line++;
                continue;
            }
            if (out.size() > ExtensionTemplate.MAX_ROWS)
                throw ExtensionInputException.tooLarge(file + ": line " + start + ": more than "
                    + String.format(java.util.Locale.ROOT, "%,d", ExtensionTemplate.MAX_ROWS) + " rows in the table, the most a template "
                    + "may hold; split the extension into several files");
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean atStart = true;
            while (true) {
                if (i >= n) {
                    if (quoted) throw new ExtensionInputException(file + ": line " + start + ": a quoted cell is not closed; "
                        + "end it with \" (a quote inside a cell is written twice: \"\")");
                    break;
                }
                char c = text.charAt(i);
                if (cell.length() >= ExtensionTemplate.MAX_CELL_CHARS) throw tooLong(file, start, quoted);
                if (quoted) {
                    if (c == '"' && i + 1 < n && text.charAt(i + 1) == '"') { cell.append('"'); i += 2; }
                    else if (c == '"') { quoted = false; i++; }
                    else { if (c == '\n') line++; cell.append(c); i++; }
                } else if (c == '"' && atStart) {
                    quoted = true; atStart = false; i++;
                } else if (c == delimiter) {
                    cells.add(cell.toString()); cell.setLength(0); atStart = true; i++;
                } else if (c == '\n') {
                    i++; line++;
                    break;
                } else {
                    if (!Character.isWhitespace(c)) atStart = false;
                    if (!atStart || !Character.isWhitespace(c)) cell.append(c);
                    i++;
                }
            }
            cells.add(cell.toString());
            out.add(new Record(start, cells));
        }
        return out;
    }
}
