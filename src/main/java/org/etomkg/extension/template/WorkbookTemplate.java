package org.etomkg.extension.template;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.etomkg.extension.ExtensionInputException;

/**
 * Reads the workbook form of the template: an {@code Extension} sheet of key/value rows
 * (key in column A, value in column B) and one sheet per table, its first row the header.
 * Other sheets (instructions, notes) are ignored.
 */
final class WorkbookTemplate {
    private final Path file;
    private final Workbook workbook;
    private final FormulaEvaluator evaluator;
    private final DataFormatter format = new DataFormatter(Locale.ROOT);

    private WorkbookTemplate(Path file, Workbook workbook) {
        this.file = file;
        this.workbook = workbook;
        this.evaluator = workbook.getCreationHelper().createFormulaEvaluator();
    }

    static TemplateContent read(Path file) {
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            return new WorkbookTemplate(file, wb).content();
        } catch (ExtensionInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ExtensionInputException(file + ": not a readable xlsx workbook: " + e.getMessage(), e);
        }
    }

    private TemplateContent content() {
        Map<TemplateSheet, Sheet> sheets = new EnumMap<>(TemplateSheet.class);
        List<String> names = new ArrayList<>();
        for (Sheet s : workbook) {
            names.add(s.getSheetName());
            Optional<TemplateSheet> kind = TemplateSheet.named(s.getSheetName());
            if (kind.isEmpty()) continue;
            Sheet before = sheets.putIfAbsent(kind.get(), s);
            if (before != null)
                throw new ExtensionInputException(file + ": sheets '" + before.getSheetName() + "' and '" + s.getSheetName()
                    + "' are both the " + kind.get().title + " sheet; keep one");
        }
        for (TemplateSheet kind : TemplateSheet.values())
            if (kind.required && !sheets.containsKey(kind))
                throw new ExtensionInputException(file + ": the workbook has no sheet '" + kind.title + "' (it has "
                    + String.join(", ", names) + "); a template needs the sheets Extension and Processes");

        Sheet ext = sheets.get(TemplateSheet.EXTENSION);
        TemplateContent content = new TemplateContent(file, "sheet '" + ext.getSheetName() + "'");
        readHeader(ext, content);
        for (Map.Entry<TemplateSheet, Sheet> e : sheets.entrySet()) {
            if (e.getKey() == TemplateSheet.EXTENSION) continue;
            if (!e.getKey().required && empty(e.getValue())) continue;   // an optional sheet left empty
            content.putTable(table(e.getKey(), e.getValue()));
        }
        return content;
    }

    private void readHeader(Sheet sheet, TemplateContent content) {
        boolean first = true;
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            CellValue key = row == null ? CellValue.BLANK : value(row.getCell(0));
            CellValue value = row == null ? CellValue.BLANK : value(row.getCell(1));
            String place = "sheet '" + sheet.getSheetName() + "' row " + (r + 1);
            if (key.blank() && value.blank()) continue;
            boolean headerRow = first && TemplateSheet.key(key.text()).equals("key");
            first = false;
            if (headerRow) continue;   // a "Key | Value" heading
            if (key.error() != null || value.error() != null)
                throw new ExtensionInputException(file + ": " + place + ": the row shows the error "
                    + (key.error() != null ? key.error() : value.error()) + "; put a value in it");
            if (key.text().isEmpty())
                throw new ExtensionInputException(file + ": " + place + ", column A: empty; say which header value '"
                    + value.text() + "' is (" + String.join(", ", TemplateContent.HEADER_KEYS) + ")");
            String k = TemplateContent.headerKey(key.text()).orElseThrow(() -> new ExtensionInputException(file + ": " + place
                + ", column A: unknown key '" + key.text() + "'; the Extension keys are " + String.join(", ", TemplateContent.HEADER_KEYS)));
            if (!value.text().isEmpty()) content.putHeader(k, value.text(), place + ", column B");
        }
    }

    private Table table(TemplateSheet kind, Sheet sheet) {
        Row headerRow = sheet.getRow(0);
        Table t = new Table(file, kind, sheet.getSheetName(), 1, cells(headerRow));
        for (int r = 1; r <= sheet.getLastRowNum(); r++) t.add(r + 1, cells(sheet.getRow(r)));
        return t;
    }

    private boolean empty(Sheet sheet) {
        for (int r = 0; r <= sheet.getLastRowNum(); r++)
            if (!cells(sheet.getRow(r)).stream().allMatch(CellValue::blank)) return false;
        return true;
    }

    private List<CellValue> cells(Row row) {
        List<CellValue> out = new ArrayList<>();
        if (row == null) return out;
        for (int c = 0; c < row.getLastCellNum(); c++) out.add(value(row.getCell(c)));
        return out;
    }

    private CellValue value(Cell c) {
        if (c == null) return CellValue.BLANK;
        org.apache.poi.ss.usermodel.CellValue v;
        try {
            v = evaluator.evaluate(c);
        } catch (RuntimeException e) {
            return new CellValue("", null, null, null, "of a formula that cannot be worked out (" + e.getMessage() + ")");
        }
        if (v == null) return CellValue.BLANK;
        return switch (v.getCellType()) {
            case STRING -> CellValue.text(v.getStringValue());
            case BOOLEAN -> CellValue.text(v.getBooleanValue() ? "TRUE" : "FALSE");
            case ERROR -> new CellValue("", null, null, null, FormulaError.forInt(v.getErrorValue()).getString());
            case NUMERIC -> numeric(c, v.getNumberValue());
            default -> CellValue.BLANK;
        };
    }

    private CellValue numeric(Cell c, double number) {
        int fmt = c.getCellStyle().getDataFormat();
        String fmtText = c.getCellStyle().getDataFormatString();
        if (DateUtil.isADateFormat(fmt, fmtText) && DateUtil.isValidExcelDate(number)) {
            boolean date1904 = workbook instanceof XSSFWorkbook x && x.isDate1904();
            LocalDate d = DateUtil.getLocalDateTime(number, date1904).toLocalDate();
            return new CellValue(d.toString(), null, d, fmtText, null);
        }
        String shown = format.formatRawCellContents(number, fmt, fmtText).strip();
        return new CellValue(shown, number, null, null, null);
    }
}
