package org.etomkg.extension.template;

import java.time.LocalDate;

/**
 * One cell as read. {@code text} is what the cell shows, stripped ({@code ""} when blank); a
 * workbook cell also gives the number it holds, or the date with the cell's date format, or the
 * error it shows (such as {@code #N/A}). CSV cells are text only.
 */
record CellValue(String text, Double number, LocalDate date, String dateFormat, String error) {
    static final CellValue BLANK = new CellValue("", null, null, null, null);

    static CellValue text(String text) {
        return text == null || text.isBlank() ? BLANK : new CellValue(text.strip(), null, null, null, null);
    }

    boolean blank() { return text.isEmpty() && number == null && date == null && error == null; }
}
