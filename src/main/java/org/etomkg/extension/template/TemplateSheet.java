package org.etomkg.extension.template;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The tables of the spreadsheet template and their columns. Sheet and column names are
 * matched loosely: case, spaces and punctuation do not count ({@code KPI id}, {@code kpi_id}
 * and {@code KpiId} are one column), and a few other spellings are accepted.
 */
enum TemplateSheet {
    EXTENSION("Extension", true, List.of("extension", "header")),
    PROCESSES("Processes", true, List.of("processes", "process"),
        Column.required("identifier", "id", "processidentifier"),
        Column.required("name", "processname", "label"),
        Column.required("parent", "parentidentifier"),
        Column.optional("level"),
        Column.optional("definition", "description"),
        Column.optional("specialises", "specializes")),
    LOCAL_NAMES("LocalNames", false, List.of("localnames", "localname"),
        Column.required("reference identifier", "identifier", "processidentifier"),
        Column.required("name", "localname"),
        Column.required("language", "lang")),
    NOT_APPLICABLE("NotApplicable", false, List.of("notapplicable"),
        Column.required("reference identifier", "identifier", "processidentifier"),
        Column.required("reason")),
    RACI("RACI", false, List.of("raci", "assignments"),
        Column.required("process identifier", "process", "identifier"),
        Column.required("unit or role name", "unitorrole", "name", "agent"),
        Column.required("kind"),
        Column.required("R/A/C/I", "raci", "part")),
    KPIS("KPIs", false, List.of("kpis", "kpi"),
        Column.required("kpi id", "id"),
        Column.required("name", "kpiname"),
        Column.required("process identifier", "process", "identifier", "measures"),
        Column.required("unit"),
        Column.required("direction"),
        Column.required("target")),
    MEASUREMENTS("Measurements", false, List.of("measurements", "measurement"),
        Column.required("kpi id", "kpi"),
        Column.required("period"),
        Column.required("value")),
    FLOWS("Flows", false, List.of("flows", "flow", "endtoendflows"),
        Column.required("flow id", "id"),
        Column.required("flow name", "name"),
        Column.required("position", "step"),
        Column.required("process identifier", "process", "identifier")),
    APPLICATIONS("Applications", false, List.of("applications", "application"),
        Column.optional("application id", "id"),
        Column.required("name", "applicationname"),
        Column.required("process identifier", "process", "identifier", "supports")),
    INPUTS_OUTPUTS("InputsOutputs", false, List.of("inputsoutputs", "inputsandoutputs", "inputoutput"),
        Column.required("process identifier", "process", "identifier"),
        Column.required("consumes|produces", "consumesorproduces", "kind", "direction"),
        Column.required("information entity name", "informationentity", "entity", "entityname"),
        Column.optional("information entity id", "entityid"));

    /** A column: its name as documented, whether the sheet must have it, and other names it may go by. */
    record Column(String name, boolean required, List<String> aliases) {
        static Column required(String name, String... aliases) { return new Column(name, true, List.of(aliases)); }
        static Column optional(String name, String... aliases) { return new Column(name, false, List.of(aliases)); }

        boolean matches(String header) {
            String k = key(header);
            return k.equals(key(name)) || aliases.stream().anyMatch(a -> key(a).equals(k));
        }
    }

    final String title;
    final boolean required;
    private final List<String> names;
    final List<Column> columns;

    TemplateSheet(String title, boolean required, List<String> names, Column... columns) {
        this.title = title;
        this.required = required;
        this.names = names;
        this.columns = Arrays.asList(columns);
    }

    /** The sheet a workbook tab of this name holds, if any. */
    static Optional<TemplateSheet> named(String sheetName) {
        String k = key(sheetName);
        return Arrays.stream(values()).filter(s -> s.names.contains(k)).findFirst();
    }

    /** The column of this sheet a header cell names, if any. */
    Optional<Column> column(String header) {
        return columns.stream().filter(c -> c.matches(header)).findFirst();
    }

    /** Header cells that are not data: notes for the reader, ignored. */
    static boolean isNote(String header) {
        String k = key(header);
        return header.strip().startsWith("#") || k.equals("note") || k.equals("notes") || k.equals("comment") || k.equals("comments");
    }

    /** What a name is compared by: lower case letters and digits only. */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
