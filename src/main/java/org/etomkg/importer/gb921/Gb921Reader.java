package org.etomkg.importer.gb921;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import org.etomkg.framework.ReleaseVersion;
import org.etomkg.importer.ReleaseSource;
import org.etomkg.importer.RetiredRow;
import org.etomkg.importer.SourceException;
import org.etomkg.importer.SourceRow;

/**
 * Reads TM Forum's GB921 Business Process Framework workbook: the process sheet (named like
 * {@code eTOM25,5}, one row per process per vertical group) and, when present, the
 * {@code eTOM Deleted} sheet of retired processes. Errors name the sheet, row and column.
 * Description columns are read only when asked for, and only for the user's own store.
 */
public final class Gb921Reader {
    static final Pattern PROCESS_SHEET = Pattern.compile("(?i)eTOM\\s*([0-9]{1,3})[,.]([0-9]{1,2})");
    static final String DELETED_SHEET = "eTOM Deleted";

    static final List<String> PROCESS_COLUMNS = List.of("Process", "Process identifier", "Level", "Domain",
        "Vertical Group", "Original Process Identifier", "UID");
    static final List<String> DELETED_COLUMNS = List.of("Process", "UID", "Domain", "Vertical Group", "Level",
        "Original Process Identifier", "Process identifier", "Parent Process Identifier", "Maturity Level",
        "Framework Status");
    private static final Pattern ADDED_NOTE = Pattern.compile("(?i)\\s*(?:added|created)\\s+in\\s+([0-9]{1,3}(?:\\.[0-9]{1,3}){1,2})\\s*");

    private final boolean withDescriptions;

    /** @param withDescriptions read the "Brief description" column too (for the user's own store only) */
    public Gb921Reader(boolean withDescriptions) { this.withDescriptions = withDescriptions; }

    public ReleaseSource read(Path file, ReleaseVersion override) {
        String name = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file); Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = processSheet(wb, name);
            ReleaseVersion version = override != null ? override : versionOf(sheet.getSheetName());
            Table processes = new Table(name, sheet, wb, PROCESS_COLUMNS);
            List<SourceRow> rows = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if (processes.blank(r)) continue;
                String added = processes.optional(r, "Issue");
                Matcher m = added == null ? null : ADDED_NOTE.matcher(added);
                rows.add(new SourceRow(processes.where(r), processes.required(r, "Process identifier"),
                    processes.required(r, "Process"), processes.number(r, "Level", true),
                    processes.optional(r, "Domain"), processes.optional(r, "Vertical Group"),
                    processes.optional(r, "Original Process Identifier"), processes.optional(r, "UID"),
                    m != null && m.matches() ? m.group(1) : null,
                    withDescriptions ? processes.optional(r, "Brief description") : null));
            }
            if (rows.isEmpty()) throw new SourceException(name + ": sheet '" + sheet.getSheetName() + "' has no process rows");
            List<RetiredRow> retired = new ArrayList<>();
            Sheet deleted = wb.getSheet(DELETED_SHEET);
            if (deleted != null) {
                Table t = new Table(name, deleted, wb, DELETED_COLUMNS);
                for (int r = 1; r <= deleted.getLastRowNum(); r++) {
                    if (t.blank(r)) continue;
                    retired.add(new RetiredRow(t.where(r), t.required(r, "UID"), t.required(r, "Process"),
                        t.optional(r, "Process identifier"), t.optional(r, "Parent Process Identifier"),
                        t.number(r, "Level", false), t.optional(r, "Domain"), t.optional(r, "Vertical Group"),
                        t.optional(r, "Original Process Identifier"), t.number(r, "Maturity Level", false),
                        t.optional(r, "Framework Status")));
                }
            }
            return new ReleaseSource(version, name, "TM Forum's GB921 workbook", rows, retired);
        } catch (IOException | RuntimeException e) {
            if (e instanceof SourceException se) throw se;
            throw new SourceException(name + ": not a readable xlsx workbook: " + e.getMessage(), e);
        }
    }

    private static Sheet processSheet(Workbook wb, String name) {
        List<String> names = new ArrayList<>();
        for (Sheet s : wb) {
            names.add(s.getSheetName());
            if (PROCESS_SHEET.matcher(s.getSheetName()).matches()) return s;
        }
        throw new SourceException(name + ": no process sheet named like 'eTOM25,5' (sheets: " + names + ")");
    }

    static ReleaseVersion versionOf(String sheetName) {
        Matcher m = PROCESS_SHEET.matcher(sheetName);
        if (!m.matches()) throw new IllegalArgumentException(sheetName);
        return ReleaseVersion.of(m.group(1) + "." + m.group(2));
    }

    /** A sheet read by header names, so column order does not matter but names do. */
    private static final class Table {
        private final String file;
        private final Sheet sheet;
        private final Map<String, Integer> columns = new HashMap<>();
        private final DataFormatter format = new DataFormatter(Locale.ROOT);
        private final FormulaEvaluator evaluator;

        Table(String file, Sheet sheet, Workbook wb, List<String> required) {
            this.file = file;
            this.sheet = sheet;
            this.evaluator = wb.getCreationHelper().createFormulaEvaluator();
            Row header = sheet.getRow(0);
            if (header != null) for (Cell c : header) {
                String h = format.formatCellValue(c).strip();
                if (!h.isEmpty()) columns.putIfAbsent(h.toLowerCase(Locale.ROOT), c.getColumnIndex());
            }
            for (String col : required)
                if (!columns.containsKey(col.toLowerCase(Locale.ROOT)))
                    throw new SourceException(file + ": sheet '" + sheet.getSheetName() + "' row 1: missing column '" + col + "'");
        }

        String where(int r) { return "sheet '" + sheet.getSheetName() + "' row " + (r + 1); }

        boolean blank(int r) {
            Row row = sheet.getRow(r);
            if (row == null) return true;
            for (Cell c : row) if (!format.formatCellValue(c, evaluator).isBlank()) return false;
            return true;
        }

        String optional(int r, String column) {
            Integer idx = columns.get(column.toLowerCase(Locale.ROOT));
            Row row = sheet.getRow(r);
            if (idx == null || row == null) return null;
            Cell c = row.getCell(idx);
            if (c == null) return null;
            String v = format.formatCellValue(c, evaluator).strip();
            return v.isEmpty() ? null : v;
        }

        String required(int r, String column) {
            String v = optional(r, column);
            if (v == null) throw new SourceException(file + ": " + where(r) + ", column '" + column + "': empty");
            return v;
        }

        Integer number(int r, String column, boolean required) {
            String v = required ? required(r, column) : optional(r, column);
            if (v == null) return null;
            if (!v.matches("[0-9]{1,2}(\\.0+)?"))
                throw new SourceException(file + ": " + where(r) + ", column '" + column + "': '" + v + "' is not a whole number");
            return Integer.parseInt(v.replaceAll("\\.0+$", ""));
        }
    }
}
