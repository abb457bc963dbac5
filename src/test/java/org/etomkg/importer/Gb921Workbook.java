package org.etomkg.importer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A small GB921 workbook made in code, with the sheet and column names of TM Forum's real one
 * and every quirk listed in the data README, so the importer tests need no TM Forum file.
 * Every text in it is invented for the tests: the description cells hold sentences of ours
 * that start with {@link #DESCRIPTION_MARK}, never TM Forum prose.
 *
 * <p>{@link #standard()} gives the well-formed workbook; the methods that return
 * {@code this} spoil it in one place for the malformed cases (drop a column, rename the
 * process sheet, overwrite a cell).
 */
final class Gb921Workbook {
    static final String PROCESS_SHEET = "eTOM25,5";
    static final String DELETED_SHEET = "eTOM Deleted";
    static final List<String> PROCESS_COLUMNS = List.of("Process", "Process identifier", "Level",
        "Extended Description", "Brief description", "Domain", "Vertical Group", "Original Process Identifier", "UID", "Issue");
    static final List<String> DELETED_COLUMNS = List.of("Process", "UID", "Domain", "Vertical Group", "CLASSGUID",
        "CLASSTYPE", "Level", "Original Process Identifier", "Process identifier", "Parent Process Identifier", "Parent",
        "Maturity Level", "Framework Status", "extended Description", "brief description", "Issue");

    /** Starts every description cell of the fixture; must never reach a release file or report. */
    static final String DESCRIPTION_MARK = "Fixture text";
    /** An Issue cell holding prose rather than an "Added in" note (as the real workbook has); it must not be imported. */
    static final String ISSUE_PROSE = "Partner charges were added in the monthly run and checked by hand.";
    static final String UNUSED = "(This Process ID has been deliberately unused!)";

    private String processSheetName = PROCESS_SHEET;
    private final List<String> processColumns = new ArrayList<>(PROCESS_COLUMNS);
    private final List<String> deletedColumns = new ArrayList<>(DELETED_COLUMNS);
    private final List<Map<String, Object>> processRows = new ArrayList<>();
    private final List<Map<String, Object>> deletedRows = new ArrayList<>();
    private boolean deletedSheet = true;

    private Gb921Workbook() {}

    /**
     * The well-formed fixture: 25 process rows (sheet rows 2 to 26, then a blank row) for 21
     * identifiers, and 4 deleted rows for 3 UIDs. Levels and UIDs are numeric cells in most rows
     * and text cells in some, as in the real workbook.
     */
    static Gb921Workbook standard() {
        Gb921Workbook w = new Gb921Workbook();
        // A process in two vertical groups: one row per group.
        w.process("Market Planning", "1.1.1", 2.0, "Market Domain", "Strategy Management", "1.2.1.1", 101.0, null);
        w.process("Market Planning", "1.1.1", 2.0, "Market Domain", "Capability Management", "1.2.1.1", 101.0, null);
        // Vertical group in another case; level and UID as text cells; an "Added in" note.
        w.process("Gather Market Facts", "1.1.1.1", "3", "Market Domain", "strategy Management", "1.2.1.1.1", "102", "Added in 25.5");
        // Sales (1.12) rows labelled Market; junk original identifiers.
        w.process("Sales Planning", "1.12.1", 2.0, "Market Domain", "Business Value Development", "N/A New Process", 201.0, "created in 25.5");
        w.process("Qualify Leads", "1.12.1.1", 3.0, "Market Domain", "Fulfillment", "X.X.X.X.X.X", 202.0, null);
        w.process("Write Proposals", "1.12.1.2", 3.0, "Sales Domain", "Fulfillment", null, 203.0, null);
        w.process("Product Lifecycle Control", "1.2.2", 2.0, "Product Domain", "Business Value Development", "1.2.2", 221.0, null);
        // One process repeated once per vertical group it sits in.
        w.process("Customer Order Handling", "1.3.3", 2.0, "Customer Domain", "Fulfillment", "1.3.3", 301.0, null);
        w.process("Customer Order Handling", "1.3.3", 2.0, "Customer Domain", "Assurance", "1.3.3", 301.0, null);
        w.process("Customer Order Handling", "1.3.3", 2.0, "Customer Domain", "Billing", "1.3.3", 301.0, null);
        // An identifier cell with a remark after it.
        w.process("Track Order Handling (Deleted)", "1.3.3.3 " + UNUSED, 3.0, "Customer Domain", "Fulfillment", "1.3.3.3", 303.0, null);
        // A level that disagrees with the identifier's depth.
        w.process("Close Customer Order", "1.3.3.4", 4.0, "Customer Domain", "Fulfillment", "1.3.3.4", 304.0, null);
        // An empty domain cell.
        w.process("Customer Contact Support", "1.3.5", 2.0, "", "Operations Readiness & Support", "1.3.5", 305.0, null);
        w.process("Customer Bill Enquiry", "1.3.9", 2.0, "Customer Domain", "Billing", "1.3.9", 309.0, null);
        // An orphan: 1.3.9.2 is not in the sheet.
        w.process("Answer Bill Query", "1.3.9.2.1", 4.0, "Customer Domain", "Billing", "1.3.9.2.1", 3921.0, null);
        w.process("Service Capability Planning", "1.4.1", 2.0, "Service Domain", "Capability Management", "X.X.X.X.X", 401.0, null);
        // The same identifier with two names (and the second row's group in another case).
        w.process("Plan Service Capacity", "1.4.1.1", 3.0, "Service Domain", "Capability Management", "1.4.1.1", 411.0, null);
        w.process("Plan Service Capacities", "1.4.1.1", 3.0, "Service Domain", "operations Readiness & Support", "1.4.1.1", 411.0, null);
        w.process("Resource Readiness", "1.5.2", 2.0, "Resource Domain", "Operations Readiness & Support", "1.5.2", 501.0, null);
        // UID 777 given to two identifiers (1.5.2.1 and 1.7.3).
        w.process("Test Resources", "1.5.2.1", 3.0, "Resource Domain", "Operations Readiness & Support", "1.5.2.1", 777.0, null);
        // An Issue cell with prose instead of a note.
        w.process("Partner Billing", "1.6.4", 2.0, "Business Partner Domain", "Billing", "1.6.4", 601.0, ISSUE_PROSE);
        // Enterprise rows have no vertical group.
        w.process("Enterprise Risk Checks", "1.7.3", 2.0, "Enterprise Domain", null, "1.7.3", 777.0, null);
        w.process("Assess Enterprise Risk", "1.7.3.1", 3.0, "Enterprise Domain", null, "1.7.3.1", 731.0, null);
        // Stray prefix 1.21: no domain of the release.
        w.process("Manage Data Access", "1.21.1", 2.0, "Enterprise Domain", null, null, 2101.0, null);
        w.process("Audit Data Access", "1.21.1.1", 3.0, "Enterprise Domain", null, null, 2111.0, null);

        w.deleted("Party Payments Handling (Deleted)", 9001.0, "Business Partner Domain", null, 2.0, "1.0.7.9",
            UNUSED, null, null, 3.0, "Not Fully Developed");
        w.deleted("Old Market Survey [DELETED]", 9002.0, "Market Domain", "strategy Management", 4.0, "X.X.X.X.X.X",
            "1.1.9.9.9", "1.1.9.9", "Old Market Research", 4.0, "Released");
        // The same UID again, in another vertical group and with the unused remark.
        w.deleted("Old Market Survey [DELETED]", 9002.0, "Market Domain", "Capability Management", 4.0, null,
            UNUSED, "1.1.9.9", "Old Market Research", 4.0, "Released");
        // UID as a text cell, no maturity level.
        w.deleted("Retired Audit Step", "10004", "Enterprise Domain", null, "3", "1.7.8.2",
            "1.7.8.2", "1.7.8", "Enterprise Audit", null, "Preliminary");
        return w;
    }

    private void process(String name, String id, Object level, String domain, String group, String original,
                         Object uid, String issue) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("Process", name);
        r.put("Process identifier", id);
        r.put("Level", level);
        r.put("Extended Description", DESCRIPTION_MARK + " (extended) for " + name + ", written for the tests.");
        r.put("Brief description", DESCRIPTION_MARK + " (brief) for " + name + ".");
        r.put("Domain", domain);
        r.put("Vertical Group", group);
        r.put("Original Process Identifier", original);
        r.put("UID", uid);
        r.put("Issue", issue);
        processRows.add(r);
    }

    private void deleted(String name, Object uid, String domain, String group, Object level, String original, String id,
                         String parentId, String parent, Object maturity, String status) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("Process", name);
        r.put("UID", uid);
        r.put("Domain", domain);
        r.put("Vertical Group", group);
        r.put("CLASSGUID", "{00000000-0000-4000-8000-" + String.format("%012d", deletedRows.size() + 1) + "}");
        r.put("CLASSTYPE", "Class");
        r.put("Level", level);
        r.put("Original Process Identifier", original);
        r.put("Process identifier", id);
        r.put("Parent Process Identifier", parentId);
        r.put("Parent", parent);
        r.put("Maturity Level", maturity);
        r.put("Framework Status", status);
        r.put("extended Description", DESCRIPTION_MARK + " (retired) for " + name + ".");
        r.put("brief description", "Deleted");
        r.put("Issue", null);
        deletedRows.add(r);
    }

    /** The 1-based sheet row (as Excel numbers it) of the first process row with this identifier cell. */
    int processRowOf(String identifierCell) {
        for (int i = 0; i < processRows.size(); i++)
            if (identifierCell.equals(processRows.get(i).get("Process identifier"))) return i + 2;
        throw new IllegalArgumentException("no fixture row for " + identifierCell);
    }

    Gb921Workbook processSheetName(String name) { processSheetName = name; return this; }

    Gb921Workbook withoutProcessColumn(String column) { require(processColumns.remove(column), column); return this; }

    Gb921Workbook withoutDeletedColumn(String column) { require(deletedColumns.remove(column), column); return this; }

    Gb921Workbook withoutDeletedSheet() { deletedSheet = false; return this; }

    /** Overwrites one cell of a process row; {@code sheetRow} as {@link #processRowOf} gives it. */
    Gb921Workbook setProcessCell(int sheetRow, String column, Object value) {
        require(PROCESS_COLUMNS.contains(column), column);
        processRows.get(sheetRow - 2).put(column, value);
        return this;
    }

    Gb921Workbook setDeletedCell(int sheetRow, String column, Object value) {
        require(DELETED_COLUMNS.contains(column), column);
        deletedRows.get(sheetRow - 2).put(column, value);
        return this;
    }

    private static void require(boolean ok, String column) {
        if (!ok) throw new IllegalArgumentException("no column " + column);
    }

    /** Writes the workbook as {@code dir/fileName} and returns its path. */
    Path write(Path dir, String fileName) {
        Path file = dir.resolve(fileName);
        try (Workbook wb = new XSSFWorkbook()) {
            titleSheet(wb, "Document Title", "Business Process Framework (test fixture)", "Release 25.5.0 (invented for etom-kg tests)");
            titleSheet(wb, "Document Notice", "This workbook is made by the etom-kg tests.", "");
            titleSheet(wb, "Document Overview", "One process sheet and one sheet of deleted processes.", "");
            table(wb.createSheet(processSheetName), processColumns, processRows);
            Sheet processes = wb.getSheet(processSheetName);
            // A trailing row whose only cell is empty text: the reader must skip it.
            processes.createRow(processRows.size() + 1).createCell(0).setCellValue("");
            if (deletedSheet) table(wb.createSheet(DELETED_SHEET), deletedColumns, deletedRows);
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(file)) { wb.write(out); }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void titleSheet(Workbook wb, String name, String line1, String line2) {
        Sheet s = wb.createSheet(name);
        s.createRow(0).createCell(0).setCellValue(line1);
        s.createRow(1).createCell(0).setCellValue(line2);
    }

    private static void table(Sheet sheet, List<String> columns, List<Map<String, Object>> rows) {
        Row header = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) header.createCell(c).setCellValue(columns.get(c));
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            for (int c = 0; c < columns.size(); c++) {
                Object v = rows.get(r).get(columns.get(c));
                if (v instanceof Number n) row.createCell(c).setCellValue(n.doubleValue());
                else if (v != null) row.createCell(c).setCellValue((String) v);
            }
        }
    }
}
