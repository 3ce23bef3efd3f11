package org.cadre.evaluation.internal.inputs;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.internal.inputs.CivilServiceImportReport.Problem;
import org.cadre.evaluation.internal.inputs.CivilServiceImportReport.RowResult;
import org.cadre.organizations.MemberSummary;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.cadre.platform.Translatable;
import org.cadre.ratingrules.RulePackRegistry.Level;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The civil-service ratings of a cycle from an .xlsx (card number, full name, level): a dry run checks every row and
 * writes nothing; the import checks again and writes every row in one transaction, or nothing when any row is bad. A
 * member's rating from an import replaces what was there (imported or entered): the latest wins. Evaluation staff
 * only: the ratings come from the agencies' personnel offices, not from the chapters.
 */
@Service
public class CivilServiceImport {

    /** A column of the file: its key and the headings that name it (folded), the Vietnamese one first. */
    record Column(String key, String vi, String en, List<String> aliases) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("card", "Số thẻ đảng viên", "Party card number", List.of("so the", "card number", "card")),
            new Column("name", "Họ và tên", "Full name", List.of("ho ten", "ho va ten dang vien", "name")),
            new Column("level", "Xếp loại công chức", "Civil-service rating",
                    List.of("xep loai", "muc xep loai", "ket qua xep loai", "level", "rating")));

    private final JdbcClient jdbc;
    private final InputCycles cycles;
    private final InputScope scope;
    private final InputEntries entries;
    private final Clock clock;

    CivilServiceImport(JdbcClient jdbc, InputCycles cycles, InputScope scope, InputEntries entries, Clock clock) {
        this.jdbc = jdbc;
        this.cycles = cycles;
        this.scope = scope;
        this.entries = entries;
        this.clock = clock;
    }

    /**
     * Checks the file and writes nothing. When every row is good the file is kept for the caller, and the report
     * carries the id to import it with ({@link #importStaged}).
     *
     * @throws Refused {@code import-unreadable}, {@code import-header}, {@code import-too-large} for the file itself
     */
    @Transactional
    public CivilServiceImportReport dryRun(UUID cycle, String filename, byte[] content, Caller caller) {
        InputScope.requireStaff(caller);
        InputCycle open = cycles.requireOpen(cycle);
        CivilServiceImportReport report = check(open, content);
        if (!report.ok()) {
            return report;
        }
        // kept files do not pile up: a day is long enough to import one
        jdbc.sql("DELETE FROM evaluation.staged_civil_service_import WHERE created_at < :before")
                .param("before", OffsetDateTime.now(clock).minusDays(1)).update();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO evaluation.staged_civil_service_import (import_id, cycle_id, owner, filename, content,
                    created_at) VALUES (:id, :cycle, :owner, :filename, :content, :at)
                """).param("id", id).param("cycle", open.id()).param("owner", caller.username())
                .param("filename", name(filename)).param("content", content).param("at", OffsetDateTime.now(clock))
                .update();
        return new CivilServiceImportReport(id, report.rows(), report.results(), false);
    }

    /**
     * Checks the file again and writes every row, or nothing: one bad row refuses the whole file
     * ({@code import-rows}, with the bad rows as the problem's {@code rows} and as the lines a page shows).
     */
    @Transactional
    public CivilServiceImportReport run(UUID cycle, String filename, byte[] content, Caller caller) {
        InputScope.requireStaff(caller);
        InputCycle open = cycles.requireOpen(cycle);
        CivilServiceImportReport report = check(open, content);
        if (!report.ok()) {
            throw refused(report);
        }
        for (RowResult row : report.results()) {
            entries.civilServiceRating(open.id(), row.member(), row.levelCode(), InputEntries.IMPORT,
                    caller.username());
        }
        return new CivilServiceImportReport(null, report.rows(), report.results(), true);
    }

    /** Imports a file kept by {@link #dryRun} for the caller; the file is checked again (the data may have moved). */
    @Transactional
    public CivilServiceImportReport importStaged(UUID cycle, UUID staged, Caller caller) {
        InputScope.requireStaff(caller);
        Map<String, Object> row = jdbc.sql("""
                SELECT filename, content FROM evaluation.staged_civil_service_import
                WHERE import_id = :id AND cycle_id = :cycle AND owner = :owner
                """).param("id", staged).param("cycle", cycle).param("owner", caller.username()).query().listOfRows()
                .stream().findFirst().orElseThrow(() -> new Refused(EvaluationRefusal.IMPORT_UNKNOWN));
        CivilServiceImportReport report = run(cycle, (String) row.get("filename"), (byte[]) row.get("content"),
                caller);
        jdbc.sql("DELETE FROM evaluation.staged_civil_service_import WHERE import_id = :id").param("id", staged)
                .update();
        return report;
    }

    /** The file to fill in: the headings, one row per member of the cycle's scope, and the scale on a second sheet. */
    @Transactional(readOnly = true)
    public byte[] template(UUID cycle, Caller caller) {
        InputScope.requireStaff(caller);
        InputCycle found = cycles.require(cycle);
        List<List<String>> rows = new ArrayList<>();
        for (MemberSummary m : scope.members(found)) {
            rows.add(List.of(m.cardNumber(), m.fullName(), ""));
        }
        List<List<String>> scale = cycles.frame(found).memberScale().stream()
                .map(level -> List.of(level.code(), level.label("vi"), level.label("en"))).toList();
        return Workbooks.write(List.of(
                new Workbooks.SheetData("Xếp loại công chức " + found.year(),
                        COLUMNS.stream().map(Column::vi).toList(), rows),
                new Workbooks.SheetData("Thang xếp loại", List.of("Mã", "Mức", "Level"), scale)));
    }

    private Map<String, MemberSummary> index(InputCycle cycle) {
        Map<String, MemberSummary> index = new HashMap<>();
        scope.members(cycle).forEach(m -> index.put(m.cardNumber().strip(), m));
        return index;
    }

    /** Every row checked against the cycle's members (read once) and the pinned pack's member scale. */
    CivilServiceImportReport check(InputCycle cycle, byte[] content) {
        List<List<String>> table;
        try {
            table = Workbooks.read(content);
        } catch (Workbooks.TooManyRows e) {
            throw new Refused(EvaluationRefusal.IMPORT_TOO_LARGE, String.valueOf(Workbooks.MAX_ROWS));
        } catch (Workbooks.Unreadable e) {
            Translatable why = (messages, locale) -> messages.getMessage("evaluation.inputs.file." + e.reason,
                    e.arguments.toArray(), locale);
            throw new Refused(EvaluationRefusal.IMPORT_UNREADABLE, why);
        }
        while (!table.isEmpty() && table.get(table.size() - 1).stream().allMatch(String::isBlank)) {
            table.remove(table.size() - 1);
        }
        if (table.isEmpty()) {
            Translatable why = (messages, locale) -> messages.getMessage("evaluation.inputs.file.empty", null,
                    locale);
            throw new Refused(EvaluationRefusal.IMPORT_UNREADABLE, why);
        }
        if (table.size() - 1 > Workbooks.MAX_ROWS) {
            throw new Refused(EvaluationRefusal.IMPORT_TOO_LARGE, String.valueOf(Workbooks.MAX_ROWS));
        }
        Map<String, Integer> index = headings(table.get(0));
        Map<String, MemberSummary> members = index(cycle);
        List<Level> scale = cycles.frame(cycle).memberScale();
        Map<String, Integer> seen = new HashMap<>();
        List<RowResult> results = new ArrayList<>();
        for (int r = 1; r < table.size(); r++) {
            List<String> cells = table.get(r);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            int number = r + 1;
            String card = cell(cells, index.get("card"));
            String name = cell(cells, index.get("name"));
            String level = cell(cells, index.get("level"));
            List<Problem> problems = new ArrayList<>();
            MemberSummary member = card.isEmpty() ? null : members.get(card);
            if (card.isEmpty()) {
                problems.add(new Problem("card-missing", List.of()));
            } else {
                Integer first = seen.putIfAbsent(card, number);
                if (first != null) {
                    problems.add(new Problem("card-duplicate", List.of(card, String.valueOf(first))));
                }
                if (member == null) {
                    problems.add(new Problem("member-unknown", List.of(card)));
                } else if (name.isEmpty()) {
                    problems.add(new Problem("name-missing", List.of()));
                } else if (!InputRules.foldName(name).equals(InputRules.foldName(member.fullName()))) {
                    problems.add(new Problem("name-mismatch", List.of(card, name, member.fullName())));
                }
            }
            Optional<Level> found = InputRules.level(scale, level);
            if (level.isEmpty()) {
                problems.add(new Problem("level-missing", List.of()));
            } else if (found.isEmpty()) {
                problems.add(new Problem("level-not-in-scale", List.of(level, InputRules.codes(scale))));
            }
            results.add(new RowResult(number, card, name, level, found.map(Level::code).orElse(null),
                    member == null ? null : member.id().value(), problems));
        }
        if (results.isEmpty()) {
            Translatable why = (messages, locale) -> messages.getMessage("evaluation.inputs.file.empty", null,
                    locale);
            throw new Refused(EvaluationRefusal.IMPORT_UNREADABLE, why);
        }
        return new CivilServiceImportReport(null, results.size(), results, false);
    }

    /** Where each column is, by its heading (case and diacritics ignored); a missing one refuses the file. */
    private static Map<String, Integer> headings(List<String> heading) {
        Map<String, Integer> index = new HashMap<>();
        for (Column column : COLUMNS) {
            for (int i = 0; i < heading.size() && !index.containsKey(column.key()); i++) {
                String folded = InputRules.fold(heading.get(i));
                if (folded.equals(InputRules.fold(column.vi())) || folded.equals(InputRules.fold(column.en()))
                        || column.aliases().stream().anyMatch(a -> InputRules.fold(a).equals(folded))) {
                    index.put(column.key(), i);
                }
            }
            if (!index.containsKey(column.key())) {
                throw new Refused(EvaluationRefusal.IMPORT_HEADER, column.vi());
            }
        }
        return index;
    }

    private static String cell(List<String> cells, int column) {
        return column < cells.size() ? cells.get(column).strip() : "";
    }

    private static String name(String filename) {
        if (filename == null) {
            return "";
        }
        String base = filename.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        return base.length() > 300 ? base.substring(0, 300) : base;
    }

    private static Refused refused(CivilServiceImportReport report) {
        List<RowResult> bad = report.problems();
        List<Map<String, Object>> rows = bad.stream().map(r -> Map.<String, Object>of("row", r.row(),
                "cardNumber", r.cardNumber(), "problems", r.problems().stream()
                        .map(p -> Map.of("reason", p.reason(), "arguments", p.arguments())).toList()))
                .toList();
        List<Translatable> lines = new ArrayList<>();
        for (RowResult r : bad) {
            for (Problem p : r.problems()) {
                lines.add((messages, locale) -> messages.getMessage("evaluation.inputs.import.row",
                        new Object[] {String.valueOf(r.row()),
                                messages.getMessage(p.messageKey(), p.arguments().toArray(), locale)}, locale));
            }
        }
        return new Refused(EvaluationRefusal.IMPORT_ROWS, String.valueOf(bad.size())).with("rows", rows)
                .withLines(lines);
    }
}
