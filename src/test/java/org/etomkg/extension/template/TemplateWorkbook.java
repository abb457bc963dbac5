package org.etomkg.extension.template;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A template workbook made in code. {@link #nordlicht()} is a sound extension of release 25.5
 * that fills every sheet; the other methods change it in one place for the malformed cases.
 * Cells are strings, numbers (numeric cells), {@link LocalDate}s (date cells) or null (no cell).
 * Every name and sentence in it is invented for the tests.
 */
final class TemplateWorkbook {
    static final String NS = "https://nordlicht-telecom.example/etom/";

    private final Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();

    static TemplateWorkbook empty() { return new TemplateWorkbook(); }

    static TemplateWorkbook nordlicht() {
        TemplateWorkbook w = new TemplateWorkbook();
        w.sheet("Extension")
            .row("Extension", "name", "Nordlicht Telecom process model")
            .row("Extension", "publisher", "Nordlicht Telecom")
            .row("Extension", "version", "2026.1")
            .row("Extension", "release", 25.5)
            .row("Extension", "namespace", NS);
        w.sheet("Processes", "identifier", "name", "parent", "level", "definition", "specialises")
            .row("Processes", "2.3.3.10.5", "Capture Web Shop Order", "1.3.3.10", 4, "Records an order placed in the web shop.", "1.3.3.10.1")
            .row("Processes", "2.3.3.10.5.1", "Check Web Shop Basket", "2.3.3.10.5", null, "Checks the basket can be sold.", null)
            .row("Processes", "2.3.7.1.10", "Run Remote Line Test", "1.3.7.1", "4", "Tests the line from the operations centre.", "1.3.7.1.3");
        w.sheet("LocalNames", "reference identifier", "name", "language")
            .row("LocalNames", "1.3.3.10", "Kundenauftrag annehmen", "de")
            .row("LocalNames", "2.3.3.10.5", "Webshop-Bestellung erfassen", "de");
        w.sheet("NotApplicable", "reference identifier", "reason")
            .row("NotApplicable", "1.3.7.2.5", "Problem summaries come from the ticket tool's own reports.");
        w.sheet("RACI", "process identifier", "unit or role name", "kind", "R/A/C/I")
            .row("RACI", "2.3.3.10.5", "Vertrieb Süd", "unit", "A")
            .row("RACI", "2.3.3.10.5", "Web Shop Team", "unit", "R")
            .row("RACI", "2.3.3.10.5", "Order Manager", "role", "C/I")
            .row("RACI", "2.3.7.1.10", "Network Operations", "unit", "A/R");
        w.sheet("KPIs", "kpi id", "name", "process identifier", "unit", "direction", "target")
            .row("KPIs", "K1", "Web shop orders captured first time", "2.3.3.10.5", "percent", "higher", 97.5)
            .row("KPIs", "K2", "Remote line test duration", "2.3.7.1.10", "minutes", "lower", "15");
        w.sheet("Measurements", "kpi id", "period", "value")
            .row("Measurements", "K1", "2026-Q1", 96.8)
            .row("Measurements", "K1", "2026-03", "97.1")
            .row("Measurements", "K1", LocalDate.of(2026, 3, 31), 97.9)
            .row("Measurements", "K2", 2026, 14);
        w.sheet("Flows", "flow id", "flow name", "position", "process identifier")
            .row("Flows", "O2P", "Order to Payment", 1, "2.3.3.10.5")
            .row("Flows", "O2P", "Order to Payment", 2, "2.3.3.10.5.1")
            .row("Flows", "O2P", "Order to Payment", 3, "1.3.3.10.3")
            .row("Flows", "T2R", "Trouble to Resolve", "1", "2.3.7.1.10");
        w.sheet("Applications", "application id", "name", "process identifier")
            .row("Applications", "webshop", "Nordlicht Web Shop", "2.3.3.10.5")
            .row("Applications", null, "Order Hub", "2.3.3.10.5")
            .row("Applications", null, "Order Hub", "2.3.3.10.5.1");
        w.sheet("InputsOutputs", "process identifier", "consumes|produces", "information entity name", "information entity id")
            .row("InputsOutputs", "2.3.3.10.5", "produces", "Customer Order", null)
            .row("InputsOutputs", "2.3.7.1.10", "consumes", "Trouble Ticket", "TT");
        return w;
    }

    /** Adds (or replaces) a sheet with this header row; the Extension sheet has none. */
    TemplateWorkbook sheet(String name, Object... header) {
        List<List<Object>> rows = new ArrayList<>();
        if (header.length > 0) rows.add(new ArrayList<>(Arrays.asList(header)));
        sheets.put(name, rows);
        return this;
    }

    TemplateWorkbook row(String sheet, Object... cells) {
        sheets.get(sheet).add(new ArrayList<>(Arrays.asList(cells)));
        return this;
    }

    TemplateWorkbook without(String sheet) {
        sheets.remove(sheet);
        return this;
    }

    /** Sets one cell; {@code row} and {@code column} count from 1 as in Excel. */
    TemplateWorkbook set(String sheet, int row, int column, Object value) {
        List<Object> r = sheets.get(sheet).get(row - 1);
        while (r.size() < column) r.add(null);
        r.set(column - 1, value);
        return this;
    }

    /** Drops a column of a table sheet, by its header. */
    TemplateWorkbook dropColumn(String sheet, String header) {
        List<List<Object>> rows = sheets.get(sheet);
        int i = rows.get(0).indexOf(header);
        for (List<Object> r : rows) if (i < r.size()) r.remove(i);
        return this;
    }

    Path write(Path file) {
        try (Workbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            for (Map.Entry<String, List<List<Object>>> e : sheets.entrySet()) {
                Sheet s = wb.createSheet(e.getKey());
                for (int r = 0; r < e.getValue().size(); r++) {
                    Row row = s.createRow(r);
                    List<Object> cells = e.getValue().get(r);
                    for (int c = 0; c < cells.size(); c++) {
                        Object v = cells.get(c);
                        if (v == null) continue;
                        Cell cell = row.createCell(c);
                        if (v instanceof Number n) cell.setCellValue(n.doubleValue());
                        else if (v instanceof LocalDate d) { cell.setCellValue(d); cell.setCellStyle(date); }
                        else cell.setCellValue(v.toString());
                    }
                }
            }
            wb.write(out);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
