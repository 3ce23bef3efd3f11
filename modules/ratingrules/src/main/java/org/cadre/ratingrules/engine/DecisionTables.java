package org.cadre.ratingrules.engine;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.cadre.ratingrules.PackProblem;
import org.cadre.ratingrules.pack.DrlGuard;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * Checks an XLSX decision table before it is compiled. Drools fires every row that matches and the last one
 * silently wins, so a table must declare its hit policy ({@code Sequential true} in the RuleSet, or an
 * {@code ACTIVATION-GROUP} or {@code PRIORITY} column), and two rows that can match the same input are an error
 * naming both rows (a blank condition cell matches anything). The DRL the table generates then passes the same
 * forbidden-construct check as a DRL file. POI's zip limits guard against an XLSX bomb.
 */
final class DecisionTables {

    static {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(20L * 1024 * 1024);
        ZipSecureFile.setMaxTextSize(5L * 1024 * 1024);
    }

    private DecisionTables() {
    }

    static List<PackProblem> check(String file, byte[] content) {
        List<PackProblem> problems = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            boolean sequential = false;
            List<int[]> tables = new ArrayList<>();
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                Sheet sheet = workbook.getSheetAt(s);
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        String text = formatter.formatCellValue(cell).trim();
                        if (text.equalsIgnoreCase("Sequential")) {
                            Cell value = row.getCell(cell.getColumnIndex() + 1);
                            sequential = value != null && "true".equalsIgnoreCase(formatter.formatCellValue(value).trim());
                        } else if (text.startsWith("RuleTable")) {
                            tables.add(new int[] {s, row.getRowNum(), cell.getColumnIndex()});
                        }
                    }
                }
            }
            if (tables.isEmpty()) {
                problems.add(PackProblem.of(file, 0, "", "table-none", "the workbook has no RuleTable"));
            }
            for (int[] table : tables) {
                checkTable(file, workbook.getSheetAt(table[0]), table[1], table[2], sequential, formatter, problems);
            }
        } catch (Exception e) {
            problems.add(PackProblem.of(file, 0, "", "table-unreadable", "the decision table cannot be read: "
                    + CompiledPack.rootMessage(e), CompiledPack.rootMessage(e)));
            return problems;
        }
        if (problems.isEmpty()) {
            try {
                String drl = toDrl(content);
                for (PackProblem p : DrlGuard.check(file, drl)) {
                    problems.add(new PackProblem(file, 0, "generated DRL line " + p.line(), p.code(), p.arguments(),
                            p.message()));
                }
            } catch (RuntimeException e) {
                problems.add(PackProblem.of(file, 0, "", "table-unreadable", "the decision table cannot be read: "
                        + CompiledPack.rootMessage(e), CompiledPack.rootMessage(e)));
            }
        }
        return problems;
    }

    /** The DRL a decision table generates. */
    static String toDrl(byte[] content) {
        return new SpreadsheetCompiler().compile(new ByteArrayInputStream(content), InputType.XLS);
    }

    private static void checkTable(String file, Sheet sheet, int tableRow, int firstColumn, boolean sequential,
            DataFormatter formatter, List<PackProblem> problems) {
        Row header = sheet.getRow(tableRow + 1);
        String tableName = formatter.formatCellValue(sheet.getRow(tableRow).getCell(firstColumn)).trim();
        String where = "sheet '" + sheet.getSheetName() + "', " + tableName;
        if (header == null) {
            problems.add(PackProblem.of(file, tableRow + 2, where, "table-header", "the row after RuleTable must "
                    + "name the columns (CONDITION, ACTION, ...)"));
            return;
        }
        List<Integer> conditions = new ArrayList<>();
        List<String> snippets = new ArrayList<>();
        Row snippetRow = sheet.getRow(tableRow + 3);
        boolean hitPolicy = sequential;
        for (int c = firstColumn; c < header.getLastCellNum(); c++) {
            String keyword = formatter.formatCellValue(header.getCell(c)).trim().toUpperCase(Locale.ROOT);
            if (keyword.startsWith("CONDITION")) {
                conditions.add(c);
                snippets.add(snippetRow == null ? "" : formatter.formatCellValue(snippetRow.getCell(c)));
            } else if (keyword.startsWith("ACTIVATION-GROUP") || keyword.startsWith("PRIORITY")
                    || keyword.startsWith("SALIENCE")) {
                hitPolicy = true;
            }
        }
        if (!hitPolicy) {
            problems.add(PackProblem.of(file, tableRow + 1, where, "table-hit-policy", "the table declares no hit "
                    + "policy: set 'Sequential' to true in the RuleSet or add an ACTIVATION-GROUP or PRIORITY column"));
        }
        // rows: keyword, object type, constraint, label; then one rule per row until a blank row
        List<Row> rules = new ArrayList<>();
        for (int r = tableRow + 5; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || blank(row, firstColumn, header.getLastCellNum(), formatter)) {
                break;
            }
            rules.add(row);
        }
        for (int i = 0; i < rules.size(); i++) {
            for (int j = i + 1; j < rules.size(); j++) {
                if (overlap(rules.get(i), rules.get(j), conditions, snippets, formatter)) {
                    int a = rules.get(i).getRowNum() + 1;
                    int b = rules.get(j).getRowNum() + 1;
                    problems.add(PackProblem.of(file, b, where, "table-overlap", "rows " + a + " and " + b
                            + " can match the same input: give them conditions that exclude each other", a, b));
                }
            }
        }
    }

    /**
     * Whether two rows can match the same input. Columns whose snippet compares a field with a number
     * ({@code meetingsAttended >= $param}) are combined per field into intervals, which must intersect; other
     * columns overlap when their cells are equal or either is blank (a blank cell matches anything).
     */
    private static boolean overlap(Row a, Row b, List<Integer> conditions, List<String> snippets,
            DataFormatter formatter) {
        java.util.Map<String, double[]> rangeA = new java.util.HashMap<>();
        java.util.Map<String, double[]> rangeB = new java.util.HashMap<>();
        for (int i = 0; i < conditions.size(); i++) {
            int c = conditions.get(i);
            String x = formatter.formatCellValue(a.getCell(c)).trim();
            String y = formatter.formatCellValue(b.getCell(c)).trim();
            java.util.regex.Matcher comparison = COMPARISON.matcher(snippets.get(i));
            if (comparison.find() && (x.isEmpty() || number(x) != null) && (y.isEmpty() || number(y) != null)) {
                narrow(rangeA, comparison.group(1), comparison.group(2), x);
                narrow(rangeB, comparison.group(1), comparison.group(2), y);
            } else if (!x.isEmpty() && !y.isEmpty() && !x.equals(y)) {
                return false;
            }
        }
        for (String field : rangeA.keySet()) {
            double[] p = rangeA.get(field);
            double[] q = rangeB.getOrDefault(field, new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY});
            if (Math.max(p[0], q[0]) >= Math.min(p[1], q[1])) {
                return false;
            }
        }
        return true;
    }

    static final java.util.regex.Pattern COMPARISON =
            java.util.regex.Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)\\s*(>=|<=|>|<|==)\\s*\\$param");
    private static final double EPSILON = 1e-9;

    /** Narrows a half-open interval [low, high) of a field by one comparison; integers and decimals alike. */
    private static void narrow(java.util.Map<String, double[]> ranges, String field, String operator, String cell) {
        if (cell.isEmpty()) {
            return;
        }
        double value = number(cell);
        double[] range = ranges.computeIfAbsent(field,
                k -> new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY});
        switch (operator) {
            case ">=" -> range[0] = Math.max(range[0], value);
            case ">" -> range[0] = Math.max(range[0], value + EPSILON);
            case "<" -> range[1] = Math.min(range[1], value);
            case "<=" -> range[1] = Math.min(range[1], value + EPSILON);
            default -> {
                range[0] = Math.max(range[0], value);
                range[1] = Math.min(range[1], value + EPSILON);
            }
        }
    }

    private static Double number(String text) {
        try {
            return Double.parseDouble(text.replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean blank(Row row, int from, int to, DataFormatter formatter) {
        for (int c = from; c < to; c++) {
            if (!formatter.formatCellValue(row.getCell(c)).isBlank()) {
                return false;
            }
        }
        return true;
    }
}
