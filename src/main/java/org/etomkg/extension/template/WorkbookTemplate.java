package org.etomkg.extension.template;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.etomkg.extension.ExtensionInputException;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the workbook form of the template: an {@code Extension} sheet of key/value rows
 * (key in column A, value in column B) and one sheet per table, its first row the header.
 * Other sheets (instructions, notes) are ignored.
 *
 * <p>Sheets are read as a stream of XML, never loaded whole, and with these limits:
 * at most {@value ExtensionTemplate#MAX_ROWS} rows a sheet, {@value ExtensionTemplate#MAX_COLUMNS}
 * columns and {@value ExtensionTemplate#MAX_CELL_CHARS} characters a cell. Formulas are not worked
 * out: a formula cell gives the result Excel saved with it, and one without a saved result is an
 * error naming the cell. A workbook that links to other workbooks is refused, and no part may
 * declare a document type (POI's XML parser refuses them, so no entity is expanded or fetched);
 * a part that would expand more than a hundred times its packed size (a zip bomb) is refused too.
 */
final class WorkbookTemplate {
    private static final String EXTERNAL_LINK = "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml";

    private final Path file;
    private final OPCPackage pkg;
    private final XSSFReader reader;
    private final DataFormatter format = new DataFormatter(Locale.ROOT);
    private ReadOnlySharedStringsTable strings;
    private StylesTable styles;
    private boolean date1904;
    /** The part being read, for messages about it. */
    private String part = "the workbook";

    private WorkbookTemplate(Path file, OPCPackage pkg) throws IOException, OpenXML4JException {
        this.file = file;
        this.pkg = pkg;
        this.reader = new XSSFReader(pkg);
    }

    static TemplateContent read(Path file) {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (InvalidFormatException | RuntimeException e) {
            throw unreadable(file, "the workbook", e);
        }
        WorkbookTemplate w = null;
        try {
            w = new WorkbookTemplate(file, pkg);
            return w.content();
        } catch (ExtensionInputException e) {
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | RuntimeException e) {
            throw unreadable(file, w == null ? "the workbook" : w.part, e);
        } finally {
            pkg.revert();   // opened read-only: close without saving
        }
    }

    private TemplateContent content() throws IOException, OpenXML4JException, SAXException {
        refuseExternalLinks();
        part = "the shared strings";
        strings = new ReadOnlySharedStringsTable(pkg, false);
        part = "the styles";
        styles = pkg.getPartsByContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml").isEmpty()
            ? null : reader.getStylesTable();
        part = "the workbook";
        date1904 = date1904();

        Map<TemplateSheet, String> names = new EnumMap<>(TemplateSheet.class);
        Map<TemplateSheet, PackagePart> parts = new EnumMap<>(TemplateSheet.class);
        List<String> all = new ArrayList<>();
        XSSFReader.SheetIterator it = reader.getSheetIterator();
        while (it.hasNext()) {
            it.next().close();
            String name = it.getSheetName();
            all.add(name);
            Optional<TemplateSheet> kind = TemplateSheet.named(name);
            if (kind.isEmpty()) continue;
            String before = names.putIfAbsent(kind.get(), name);
            if (before != null)
                throw new ExtensionInputException(file + ": sheets '" + before + "' and '" + name
                    + "' are both the " + kind.get().title + " sheet; keep one");
            parts.put(kind.get(), it.getSheetPart());
        }
        for (TemplateSheet kind : TemplateSheet.values())
            if (kind.required && !parts.containsKey(kind))
                throw new ExtensionInputException(file + ": the workbook has no sheet '" + kind.title + "' (it has "
                    + String.join(", ", all) + "); a template needs the sheets Extension and Processes");

        String extName = names.get(TemplateSheet.EXTENSION);
        TemplateContent content = new TemplateContent(file, "sheet '" + extName + "'");
        readHeader(extName, rows(extName, parts.get(TemplateSheet.EXTENSION)), content);
        for (Map.Entry<TemplateSheet, PackagePart> e : parts.entrySet()) {
            if (e.getKey() == TemplateSheet.EXTENSION) continue;
            String name = names.get(e.getKey());
            List<SheetRow> rows = rows(name, e.getValue());
            boolean empty = rows.stream().allMatch(r -> r.cells.stream().allMatch(CellValue::blank));
            if (!e.getKey().required && empty) continue;   // an optional sheet left empty
            content.putTable(table(e.getKey(), name, rows));
        }
        return content;
    }

    /** A workbook whose formulas read other workbooks would hold values from elsewhere: refused, never followed. */
    private void refuseExternalLinks() throws InvalidFormatException {
        List<PackagePart> links = pkg.getPartsByContentType(EXTERNAL_LINK);
        if (links.isEmpty()) return;
        String target = "";
        for (PackageRelationship r : links.get(0).getRelationships()) { target = " (" + r.getTargetURI() + ")"; break; }
        throw new ExtensionInputException(file + ": the workbook links to another workbook" + target + "; a template holds its own "
            + "values: break the link (in Excel: Data, Edit Links, Break Link) and save it again");
    }

    private boolean date1904() throws IOException, InvalidFormatException, SAXException {
        boolean[] found = {false};
        parse(reader.getWorkbookData(), new DefaultHandler() {
            @Override public void startElement(String uri, String local, String qName, Attributes atts) {
                if (local.equals("workbookPr")) {
                    String v = atts.getValue("date1904");
                    found[0] = "1".equals(v) || "true".equals(v);
                }
            }
        });
        return found[0];
    }

    private void readHeader(String sheetName, List<SheetRow> rows, TemplateContent content) {
        boolean first = true;
        for (SheetRow row : rows) {
            CellValue key = row.cell(0), value = row.cell(1);
            String place = "sheet '" + sheetName + "' row " + row.number;
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

    /** The table of a sheet: its first row (row 1) the header. */
    private Table table(TemplateSheet kind, String sheetName, List<SheetRow> rows) {
        boolean headed = !rows.isEmpty() && rows.get(0).number == 1;
        Table t = new Table(file, kind, sheetName, 1, headed ? rows.get(0).cells : List.of());
        for (SheetRow r : headed ? rows.subList(1, rows.size()) : rows) t.add(r.number, r.cells);
        return t;
    }

    /** One row as read: its number (from 1) and its cells from column A, blank where none was written. */
    private record SheetRow(int number, List<CellValue> cells) {
        CellValue cell(int i) { return i < cells.size() ? cells.get(i) : CellValue.BLANK; }
    }

    private List<SheetRow> rows(String sheetName, PackagePart sheet) throws IOException, SAXException {
        part = "sheet '" + sheetName + "'";
        SheetHandler h = new SheetHandler(sheetName);
        parse(sheet.getInputStream(), h);
        return h.rows;
    }

    /** Parses one part with POI's XML reader, which refuses document types and so every entity. */
    private static void parse(InputStream in, DefaultHandler handler) throws IOException, SAXException {
        try (in) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(handler);
            xml.parse(new InputSource(in));
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Collects the rows of one worksheet part, element by element. */
    private final class SheetHandler extends DefaultHandler {
        final List<SheetRow> rows = new ArrayList<>();
        private final String sheetName;
        private List<CellValue> cells;
        private int rowNumber, column;
        private String ref, type, style;
        private boolean hasFormula, inValue, inInlineText, inPhonetic, inFormula;
        private final StringBuilder value = new StringBuilder(), inlineText = new StringBuilder(), formula = new StringBuilder();

        SheetHandler(String sheetName) { this.sheetName = sheetName; }

        @Override public void startElement(String uri, String local, String qName, Attributes atts) {
            switch (local) {
                case "row" -> {
                    if (rows.size() > ExtensionTemplate.MAX_ROWS)
                        throw ExtensionInputException.tooLarge(file + ": sheet '" + sheetName + "' has more than "
                            + String.format(Locale.ROOT, "%,d", ExtensionTemplate.MAX_ROWS) + " rows, the most a template sheet may hold; "
                            + "split the extension into several files");
                    String r = atts.getValue("r");
                    rowNumber = r != null ? parseInt(r, rowNumber + 1) : rowNumber + 1;
                    cells = new ArrayList<>();
                    column = -1;
                }
                case "c" -> {
                    ref = atts.getValue("r");
                    type = atts.getValue("t");
                    style = atts.getValue("s");
                    column = ref != null ? columnOf(ref, column + 1) : column + 1;
                    hasFormula = false;
                    value.setLength(0);
                    inlineText.setLength(0);
                    formula.setLength(0);
                }
                case "v" -> inValue = true;
                case "f" -> { hasFormula = true; inFormula = true; }
                case "rPh" -> inPhonetic = true;
                case "t" -> inInlineText = !inPhonetic;
                default -> { }
            }
        }

        @Override public void characters(char[] ch, int start, int length) {
            if (inValue) append(value, ch, start, length);
            else if (inInlineText) append(inlineText, ch, start, length);
            else if (inFormula && formula.length() < 60) formula.append(ch, start, Math.min(length, 60));
        }

        private void append(StringBuilder b, char[] ch, int start, int length) {
            if (b.length() + length > ExtensionTemplate.MAX_CELL_CHARS)
                throw ExtensionInputException.tooLarge(file + ": sheet '" + sheetName + "' cell " + cellRef() + ": more than "
                    + String.format(Locale.ROOT, "%,d", ExtensionTemplate.MAX_CELL_CHARS) + " characters, the most a cell holds (as in Excel)");
            b.append(ch, start, length);
        }

        @Override public void endElement(String uri, String local, String qName) {
            switch (local) {
                case "v" -> inValue = false;
                case "f" -> inFormula = false;
                case "rPh" -> inPhonetic = false;
                case "t" -> inInlineText = false;
                case "c" -> cell();
                case "row" -> { if (cells != null) rows.add(new SheetRow(rowNumber, cells)); cells = null; }
                default -> { }
            }
        }

        private void cell() {
            if (cells == null) return;
            CellValue v = value();
            if (v.blank()) return;
            if (column >= ExtensionTemplate.MAX_COLUMNS)
                throw ExtensionInputException.tooLarge(file + ": sheet '" + sheetName + "' cell " + cellRef() + ": beyond column "
                    + ExtensionTemplate.MAX_COLUMNS + ", more than a template table has; delete what is written there");
            while (cells.size() < column) cells.add(CellValue.BLANK);
            cells.add(v);
        }

        private CellValue value() {
            String t = type == null ? "n" : type;
            if (hasFormula && value.isEmpty() && !t.equals("inlineStr"))
                throw new ExtensionInputException(file + ": sheet '" + sheetName + "' cell " + cellRef() + ": the formula ="
                    + formula + (formula.length() >= 60 ? "…" : "") + " has no saved result, and formulas are not worked out here; "
                    + "open the workbook in Excel and save it, or type the value");
            return switch (t) {
                case "s" -> {
                    int i = parseInt(value.toString().strip(), -1);
                    if (i < 0 || i >= strings.getCount())
                        throw new ExtensionInputException(file + ": sheet '" + sheetName + "' cell " + cellRef()
                            + ": refers to shared string " + value + ", which the workbook does not have; save it again from Excel");
                    yield CellValue.text(strings.getItemAt(i).getString());
                }
                case "inlineStr" -> CellValue.text(inlineText.toString());
                case "str", "d" -> CellValue.text(value.toString());
                case "b" -> value.isEmpty() ? CellValue.BLANK : CellValue.text(value.toString().strip().equals("1") ? "TRUE" : "FALSE");
                case "e" -> new CellValue("", null, null, null, value.toString().strip());
                default -> value.isEmpty() ? CellValue.BLANK : numeric();
            };
        }

        private CellValue numeric() {
            double number;
            try {
                number = Double.parseDouble(value.toString().strip());
            } catch (NumberFormatException e) {
                throw new ExtensionInputException(file + ": sheet '" + sheetName + "' cell " + cellRef() + ": '" + value
                    + "' is marked as a number but is not one; save the workbook again from Excel");
            }
            int fmt = 0;
            String fmtText = "General";
            int s = style == null ? -1 : parseInt(style, -1);
            if (styles != null && s >= 0 && s < styles.getNumCellStyles()) {
                XSSFCellStyle cs = styles.getStyleAt(s);
                fmt = cs.getDataFormat();
                fmtText = cs.getDataFormatString();
            }
            if (fmtText != null && DateUtil.isADateFormat(fmt, fmtText) && DateUtil.isValidExcelDate(number)) {
                LocalDate d = DateUtil.getLocalDateTime(number, date1904).toLocalDate();
                return new CellValue(d.toString(), null, d, fmtText, null);
            }
            String shown = format.formatRawCellContents(number, fmt, fmtText == null ? "General" : fmtText).strip();
            return new CellValue(shown, number, null, null, null);
        }

        private String cellRef() {
            return ref != null ? ref : Table.columnLetter(Math.max(column, 0)) + rowNumber;
        }
    }

    private static int parseInt(String s, int otherwise) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** The column index (from 0) of a reference such as {@code B7}. */
    private static int columnOf(String ref, int otherwise) {
        int col = 0, i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i)) && i < 4) col = col * 26 + (Character.toUpperCase(ref.charAt(i++)) - 'A' + 1);
        return i == 0 ? otherwise : col - 1;
    }

    /**
     * A workbook POI could not read, in words: a zip bomb or a document type is said as such, and
     * anything else with its innermost message, without class names.
     */
    static ExtensionInputException unreadable(Path file, String where, Throwable e) {
        String all = messages(e);
        if (all.contains("Zip bomb detected")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("Entry: (\\S+)").matcher(all);
            return ExtensionInputException.tooLarge(file + ": " + (m.find() ? "the part " + m.group(1) : where)
                + " would expand more than a hundred times its packed size, as a zip bomb does; refused. "
                + "A workbook saved by Excel does not: save it again from Excel");
        }
        if (all.contains("DOCTYPE"))
            return new ExtensionInputException(file + ": " + where + " declares an XML document type (DOCTYPE), which Excel never "
                + "writes; entities are not read. Save the workbook again from Excel");
        return new ExtensionInputException(file + ": not a readable xlsx workbook (" + where + "): " + innermost(e)
            + "; save it from Excel as an .xlsx workbook");
    }

    private static String messages(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < 10_000; t = t.getCause()) b.append(t.getMessage()).append('\n');
        return b.toString();
    }

    private static String innermost(Throwable e) {
        String msg = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause())
            if (t.getMessage() != null && !t.getMessage().isBlank()) msg = t.getMessage();
        if (msg == null) return e.getClass().getSimpleName().replaceAll("(Exception|Error)$", "").toLowerCase(Locale.ROOT);
        String first = msg.lines().findFirst().orElse("").replaceAll("^(\\w+\\.)+\\w*(Exception|Error):\\s*", "");
        return first.length() > 300 ? first.substring(0, 300) + "…" : first;
    }
}
