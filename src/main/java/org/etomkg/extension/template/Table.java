package org.etomkg.extension.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.etomkg.extension.ExtensionInputException;

/**
 * One table of the template, a workbook sheet or the CSV's process table, read by its header:
 * column order does not matter, names do. Every value it hands out knows its place, so a
 * problem is reported with the file, the sheet (or CSV line), the row and the column.
 */
final class Table {
    private final Path file;
    final TemplateSheet sheet;
    private final String sheetName;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final Map<String, String> written = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();

    /**
     * Reads the header row; unknown columns and missing required ones are errors, notes columns
     * ({@code notes}, {@code comment}, or a name starting with {@code #}) are skipped.
     *
     * @param sheetName the workbook sheet's name, or null for a CSV file
     * @param headerNumber the header's row (workbook) or line (CSV) number, counting from 1
     */
    Table(Path file, TemplateSheet sheet, String sheetName, int headerNumber, List<CellValue> header) {
        this.file = file;
        this.sheet = sheet;
        this.sheetName = sheetName;
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).text();
            if (h.isEmpty() || TemplateSheet.isNote(h)) continue;
            int col = i;
            TemplateSheet.Column c = sheet.column(h).orElseThrow(() -> new ExtensionInputException(file + ": " + place(headerNumber)
                + ", column " + columnLetter(col) + ": unknown column '" + h + "'; the " + sheet.title + " columns are "
                + names() + " (columns named notes or starting with # are ignored)"));
            if (index.containsKey(c.name()))
                throw new ExtensionInputException(file + ": " + place(headerNumber) + ": columns '" + written.get(c.name())
                    + "' and '" + h + "' are both the '" + c.name() + "' column; keep one");
            index.put(c.name(), i);
            written.put(c.name(), h);
        }
        for (TemplateSheet.Column c : sheet.columns)
            if (c.required() && !index.containsKey(c.name()))
                throw new ExtensionInputException(file + ": " + place(headerNumber) + ": missing column '" + c.name()
                    + "'; the " + sheet.title + " columns are " + names());
    }

    private String names() {
        return sheet.columns.stream().map(c -> c.name() + (c.required() ? "" : " (optional)")).collect(Collectors.joining(", "));
    }

    /** Adds a data row; blank rows are skipped. */
    void add(int number, List<CellValue> cells) {
        if (cells.stream().allMatch(CellValue::blank)) return;
        rows.add(new Row(number, cells));
    }

    List<Row> rows() { return rows; }

    boolean has(String column) { return index.containsKey(column); }

    /** Where row {@code number} is: {@code sheet 'Processes' row 7} or {@code line 7}. */
    String place(int number) {
        return sheetName != null ? "sheet '" + sheetName + "' row " + number : "line " + number;
    }

    static String columnLetter(int i) {
        StringBuilder s = new StringBuilder();
        for (int n = i + 1; n > 0; n = (n - 1) / 26) s.insert(0, (char) ('A' + (n - 1) % 26));
        return s.toString();
    }

    /** One data row. The accessors take a column's documented name (as in {@link TemplateSheet}). */
    final class Row {
        final int number;
        private final List<CellValue> cells;

        private Row(int number, List<CellValue> cells) {
            this.number = number;
            this.cells = cells;
        }

        /** The cell of a column; blank when the table has no such column or the row is short. */
        CellValue cell(String column) {
            Integer i = index.get(column);
            CellValue v = i == null || i >= cells.size() ? CellValue.BLANK : cells.get(i);
            if (v.error() != null) throw error(column, "the cell shows the error " + v.error() + "; put a value in it");
            return v;
        }

        /** The cell's text, or null when blank. */
        String text(String column) {
            CellValue v = cell(column);
            return v.text().isEmpty() ? null : v.text();
        }

        /** The cell's text; blank is an error saying what belongs there. */
        String required(String column, String what) {
            String t = text(column);
            if (t == null) throw error(column, "empty; " + what);
            return t;
        }

        /** A whole number, or null when blank. */
        BigInteger integer(String column) {
            CellValue v = cell(column);
            if (v.number() != null) {
                double d = v.number();
                if (d == Math.rint(d) && !Double.isInfinite(d)) return BigDecimal.valueOf(d).toBigIntegerExact();
                throw error(column, "'" + v.text() + "' is not a whole number");
            }
            if (v.text().isEmpty()) return null;
            if (!v.text().matches("[+-]?[0-9]+(\\.0+)?")) throw error(column, "'" + v.text() + "' is not a whole number");
            return new BigInteger(v.text().replaceAll("\\.0+$", "").replace("+", ""));
        }

        /** A number, or null when blank. A workbook cell gives the number it holds, not what it shows (95% is 0.95). */
        BigDecimal decimal(String column) {
            CellValue v = cell(column);
            if (v.number() != null) return BigDecimal.valueOf(v.number());
            if (v.text().isEmpty()) return null;
            try {
                return new BigDecimal(v.text());
            } catch (NumberFormatException e) {
                throw error(column, "'" + v.text() + "' is not a number; write it with digits and a decimal point, such as 97.5");
            }
        }

        ExtensionInputException error(String column, String problem) {
            String name = written.getOrDefault(column, column);
            return new ExtensionInputException(file + ": " + place(number) + ", column '" + name + "': " + problem);
        }
    }
}
