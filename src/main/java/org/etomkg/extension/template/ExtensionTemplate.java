package org.etomkg.extension.template;

import java.nio.file.Path;
import java.util.Locale;

import org.apache.jena.graph.Graph;
import org.etomkg.extension.ExtensionInputException;

/**
 * Reads the spreadsheet template into the extension's RDF: a workbook ({@code .xlsx}) with the
 * sheets Extension and Processes and, optionally, LocalNames, NotApplicable, RACI, KPIs,
 * Measurements, Flows, Applications and InputsOutputs; or one CSV file ({@code .csv}) with the
 * header as {@code # key: value} lines and the Processes table. docs/extension-template.md
 * describes the sheets and columns.
 *
 * <p>Only what cannot become RDF at all is an error here (a missing sheet or column, a word
 * where a number goes, an unknown RACI letter, an empty identifier), as an
 * {@link ExtensionInputException} naming the file, sheet (or CSV line), row and column. Whether
 * the extension is sound is for validation against the shapes. Reading is all or nothing.
 *
 * <p>Both forms are read within limits ({@link #MAX_ROWS} rows, {@link #MAX_CELL_CHARS} characters
 * a cell; {@link #MAX_CSV_BYTES} for a CSV file), and a workbook's formulas are never worked out:
 * the result Excel saved with each is read instead.
 */
public final class ExtensionTemplate {
    /** The most data rows a sheet (or the CSV table) may hold; more is refused, not read. */
    public static final int MAX_ROWS = 100_000;
    /** The most characters a cell may hold: Excel's own limit. */
    public static final int MAX_CELL_CHARS = 32_767;
    /** The rightmost column a workbook cell may be written in. */
    public static final int MAX_COLUMNS = 1_000;
    /** The largest CSV file read: a full table of short rows fits many times over. */
    public static final long MAX_CSV_BYTES = 100L * 1024 * 1024;

    private ExtensionTemplate() {}

    /** Reads a {@code .xlsx} or {@code .csv} template. */
    public static Graph read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        TemplateContent content;
        if (name.endsWith(".xlsx")) content = WorkbookTemplate.read(file);
        else if (name.endsWith(".csv")) content = CsvTemplate.read(file);
        else throw new ExtensionInputException(file + ": not a template; use a .xlsx workbook or a .csv file");
        return TemplateConverter.convert(content);
    }
}
