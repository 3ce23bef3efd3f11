package org.cadre.organizations.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;
import org.cadre.organizations.AdmitMember;
import org.cadre.organizations.CorrectMember;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.ImportKind;
import org.cadre.organizations.ImportProblem;
import org.cadre.organizations.ImportReport;
import org.cadre.organizations.Imports;
import org.cadre.organizations.MemberSummary;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.OrganizationRefusal;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.organizations.RegisterOrganization;
import org.cadre.organizations.Sex;
import org.cadre.organizations.TreeNode;
import org.cadre.organizations.Visibility;
import org.cadre.organizations.domain.Member;
import org.cadre.organizations.domain.Organization;
import org.cadre.platform.Caller;
import org.cadre.platform.JobContext;
import org.cadre.platform.JobHandler;
import org.cadre.platform.JobId;
import org.cadre.platform.Jobs;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.cadre.platform.Texts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spreadsheet import and export. Every row is checked before anything is written, with the same rules as the
 * pages and the API (the command's constraints, then the domain's transition); a run writes all rows in one
 * transaction through the same services (so each change publishes its event) or, when any row is bad, nothing.
 * Rows that match what is there already (same card number, or same organization code, with the same data) are
 * counted as unchanged: importing a file twice changes nothing. A run from the pages is a job of the platform's job
 * table, so its progress shows on any instance.
 */
@Service
class ImportService implements Imports, JobHandler {

    /** The columns of each kind: key, Vietnamese heading (the template's), English heading, required. */
    record Column(String key, String vi, String en, boolean required) {
    }

    static final List<Column> MEMBER_COLUMNS = List.of(
            new Column("card", "Số thẻ đảng viên", "Party card number", true),
            new Column("family", "Họ", "Family name", true),
            new Column("middle", "Tên đệm", "Middle name", false),
            new Column("given", "Tên", "Given name", true),
            new Column("born", "Ngày sinh", "Date of birth", true),
            new Column("sex", "Giới tính", "Sex", true),
            new Column("nationalId", "Số định danh cá nhân", "National ID number", false),
            new Column("organization", "Mã tổ chức đảng", "Organization code", true),
            new Column("admitted", "Ngày vào Đảng", "Admitted on", true),
            new Column("confirmed", "Ngày chính thức", "Full member since", false),
            new Column("civil", "Công chức, viên chức", "Civil servant", false),
            new Column("position", "Chức vụ", "Position", false));

    static final List<Column> ORGANIZATION_COLUMNS = List.of(
            new Column("code", "Mã tổ chức", "Code", true),
            new Column("name", "Tên tổ chức", "Name", true),
            new Column("kind", "Loại hình", "Kind", true),
            new Column("parent", "Mã tổ chức cấp trên", "Parent code", false),
            new Column("established", "Ngày thành lập", "Established on", true));

    private static final Map<String, OrganizationKind> KINDS = Map.of(
            "dang uy khoi", OrganizationKind.BLOC_COMMITTEE,
            "dang bo co so", OrganizationKind.GRASSROOTS_COMMITTEE,
            "chi bo co so", OrganizationKind.GRASSROOTS_CHAPTER,
            "dang bo bo phan", OrganizationKind.SUB_COMMITTEE,
            "chi bo truc thuoc", OrganizationKind.CHAPTER,
            "chi bo", OrganizationKind.CHAPTER);
    private static final Map<OrganizationKind, String> KIND_LABELS = Map.of(
            OrganizationKind.BLOC_COMMITTEE, "Đảng ủy Khối",
            OrganizationKind.GRASSROOTS_COMMITTEE, "Đảng bộ cơ sở",
            OrganizationKind.GRASSROOTS_CHAPTER, "Chi bộ cơ sở",
            OrganizationKind.SUB_COMMITTEE, "Đảng bộ bộ phận",
            OrganizationKind.CHAPTER, "Chi bộ trực thuộc");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private static final Pattern CARD = Pattern.compile("[0-9A-Za-z.-]{1,20}");
    private static final Pattern NATIONAL_ID = Pattern.compile("[0-9]{9}|[0-9]{12}");
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    /** A command's properties and the columns they come from, to place a refusal on its cell. */
    private static final Map<String, String> COLUMN_OF = Map.ofEntries(Map.entry("cardNumber", "card"),
            Map.entry("familyName", "family"), Map.entry("middleName", "middle"), Map.entry("givenName", "given"),
            Map.entry("bornOn", "born"), Map.entry("sex", "sex"), Map.entry("nationalId", "nationalId"),
            Map.entry("organizationId", "organization"), Map.entry("admittedOn", "admitted"),
            Map.entry("confirmedOn", "confirmed"), Map.entry("position", "position"), Map.entry("code", "code"),
            Map.entry("name", "name"), Map.entry("kind", "kind"), Map.entry("parentId", "parent"),
            Map.entry("establishedOn", "established"));

    private final OrganizationService organizations;
    private final MemberService members;
    private final AccessService access;
    private final JdbcClient jdbc;
    private final Validator validator;
    private final Jobs jobs;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ImportService(OrganizationService organizations, MemberService members, AccessService access, JdbcClient jdbc,
            Validator validator, Jobs jobs, PlatformTransactionManager transactionManager, Clock clock) {
        this.clock = clock;
        this.organizations = organizations;
        this.members = members;
        this.access = access;
        this.jdbc = jdbc;
        this.validator = validator;
        this.jobs = jobs;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public byte[] template(ImportKind kind, boolean xlsx) {
        List<Column> columns = kind == ImportKind.MEMBERS ? MEMBER_COLUMNS : ORGANIZATION_COLUMNS;
        List<String> headings = columns.stream().map(Column::vi).toList();
        List<Object> example = kind == ImportKind.MEMBERS
                ? List.of("51000001", "Nguyễn", "Văn", "An", "12/04/1985", "Nam", "", "CS00002-VP", "19/05/2010",
                        "19/05/2011", "Có", "Chuyên viên")
                : List.of("CS00099", "Đảng bộ Sở Ví dụ", "Đảng bộ cơ sở", "DUK", "01/01/2010");
        List<List<Object>> rows = List.of(example);
        return xlsx ? Spreadsheets.xlsx(kind == ImportKind.MEMBERS ? "Đảng viên" : "Tổ chức đảng", headings, rows)
                : Spreadsheets.csv(headings, rows);
    }

    // The short forms of the facade are overridden only to carry the transaction: a default method of the interface
    // runs on the target and calls the long form there, past the proxy, so a run through it wrote each admission in
    // a transaction of its own (a refused row left the rows before it written, and the events went out one by one).

    @Override
    @Transactional(readOnly = true)
    public ImportReport check(ImportKind kind, String filename, byte[] content, Caller caller) {
        return check(kind, filename, content, caller, false);
    }

    @Override
    @Transactional
    public ImportReport run(ImportKind kind, String filename, byte[] content, Caller caller, IntConsumer progress) {
        return run(kind, filename, content, caller, false, progress);
    }

    @Override
    @Transactional
    public JobId submit(ImportKind kind, String filename, byte[] content, Caller caller) {
        return submit(kind, filename, content, caller, false);
    }

    @Override
    @Transactional(readOnly = true)
    public ImportReport check(ImportKind kind, String filename, byte[] content, Caller caller, boolean update) {
        return plan(kind, filename, content, caller, update).report(false);
    }

    @Override
    @Transactional
    public ImportReport run(ImportKind kind, String filename, byte[] content, Caller caller, boolean update,
            IntConsumer progress) {
        return write(kind, plan(kind, filename, content, caller, update), progress);
    }

    /**
     * Writes a plan without problems through the services, in the caller's transaction: a refusal on the way (a race
     * with another writer) rolls everything back. New members go in through {@link MemberService#admitAll} a batch
     * of {@value MemberService#BATCH} at a time (the same checks and rows as one by one, each with its event);
     * corrections and organizations one by one, in the file's order.
     */
    private ImportReport write(ImportKind kind, Plan plan, IntConsumer progress) {
        if (!plan.problems.isEmpty()) {
            return plan.report(false);
        }
        int done = 0;
        int reported = 0;
        List<AdmitMember> admissions = new ArrayList<>();
        Map<String, OrganizationId> created = new HashMap<>();
        for (Row row : plan.rows) {
            if (row.create && kind == ImportKind.MEMBERS) {
                admissions.add(row.member);
            } else {
                // a correction waits for the admissions before it, as the file orders them
                admit(admissions);
                if (row.correct != null) {
                    members.correct(row.existing, row.correct);
                } else if (row.create) {
                    RegisterOrganization command = row.organization;
                    if (command.parentId() == null && row.parentCode != null) {
                        command = new RegisterOrganization(command.code(), command.name(), command.kind(),
                                created.get(row.parentCode.toLowerCase(Locale.ROOT)).value(),
                                command.establishedOn());
                    }
                    created.put(command.code().toLowerCase(Locale.ROOT), organizations.register(command));
                }
            }
            done++;
            if (admissions.size() >= MemberService.BATCH) {
                admit(admissions);
            }
            if (admissions.isEmpty() && (done - reported >= 50 || done == plan.rows.size())) {
                progress.accept(done);
                reported = done;
            }
        }
        admit(admissions);
        if (reported < done) {
            progress.accept(done);
        }
        return plan.report(true);
    }

    /** The admissions waiting, written together; the list is emptied. */
    private void admit(List<AdmitMember> waiting) {
        if (!waiting.isEmpty()) {
            members.admitAll(List.copyOf(waiting));
            waiting.clear();
        }
    }

    @Override
    @Transactional
    public JobId submit(ImportKind kind, String filename, byte[] content, Caller caller, boolean update) {
        requireMayImport(kind, caller);
        return jobs.unfinished(JOB_KIND, caller).map(org.cadre.platform.Job::id)
                .orElseGet(() -> jobs.submit(JOB_KIND, caller, content, Map.of("kind", kind.name(),
                        "filename", filename == null ? "" : filename, "update", String.valueOf(update))));
    }

    @Override
    @Transactional
    public UUID stage(String filename, byte[] content, Caller caller) {
        // kept files do not pile up: a day is long enough to import one
        jdbc.sql("DELETE FROM organizations.staged_import WHERE created_at < :before")
                .param("before", OffsetDateTime.now(clock).minusDays(1)).update();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO organizations.staged_import (id, owner, filename, content, created_at)
                VALUES (:id, :owner, :filename, :content, :at)
                """).param("id", id).param("owner", caller.username())
                .param("filename", filename == null ? "" : filename).param("content", content)
                .param("at", OffsetDateTime.now(clock)).update();
        return id;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Staged> staged(UUID id, Caller caller) {
        return jdbc.sql("SELECT filename, content FROM organizations.staged_import WHERE id = :id AND owner = :owner")
                .param("id", id).param("owner", caller.username())
                .query((rs, row) -> new Staged(id, rs.getString("filename"), rs.getBytes("content"))).optional();
    }

    @Override
    @Transactional
    public void unstage(UUID id, Caller caller) {
        jdbc.sql("DELETE FROM organizations.staged_import WHERE id = :id AND owner = :owner").param("id", id)
                .param("owner", caller.username()).update();
    }

    @Override
    public String kind() {
        return JOB_KIND;
    }

    /**
     * Runs a queued import as the caller who sent it, in one transaction: the file is planned (every row checked),
     * then written with its progress (reported in transactions of their own, so a poll sees it). A file with
     * problems writes nothing and returns its report; a refusal while writing rolls back every row and fails the
     * job.
     */
    @Override
    public ImportReport run(JobContext job) {
        ImportKind kind = ImportKind.valueOf(job.parameters().get("kind"));
        String filename = job.parameters().get("filename");
        boolean update = Boolean.parseBoolean(job.parameters().get("update"));
        return transactions.execute(status -> {
            Plan plan = plan(kind, filename, job.input(), job.caller(), update);
            int total = Math.max(1, plan.dataRows);
            job.progress(0, total);
            return write(kind, plan, done -> job.progress(done, total));
        });
    }

    /** The tree is imported by administrators only; members by those who may change some organization. */
    private void requireMayImport(ImportKind kind, Caller caller) {
        boolean allowed = kind == ImportKind.ORGANIZATIONS ? caller.has(Role.ADMIN)
                : !access.changeable(caller).isNothing();
        if (!allowed) {
            throw new Refused(OrganizationRefusal.OUT_OF_SCOPE);
        }
    }

    /** A checked row: what it would write, if anything. */
    private static final class Row {
        int number;
        boolean create;
        AdmitMember member;
        MemberId existing;
        CorrectMember correct;
        RegisterOrganization organization;
        String parentCode;
    }

    /** Every row checked, with the problems found. */
    private static final class Plan {
        final ImportKind kind;
        final List<Row> rows = new ArrayList<>();
        final List<ImportProblem> problems = new ArrayList<>();
        int dataRows;

        Plan(ImportKind kind) {
            this.kind = kind;
        }

        ImportReport report(boolean written) {
            int created = (int) rows.stream().filter(r -> r.create).count();
            int updated = (int) rows.stream().filter(r -> r.correct != null).count();
            return new ImportReport(kind, dataRows, problems.isEmpty() ? created : 0,
                    problems.isEmpty() ? rows.size() - created - updated : 0, List.copyOf(problems), written,
                    problems.isEmpty() ? updated : 0);
        }
    }

    private Plan plan(ImportKind kind, String filename, byte[] content, Caller caller, boolean update) {
        requireMayImport(kind, caller);
        Plan plan = new Plan(kind);
        if (content == null || content.length == 0) {
            plan.problems.add(new ImportProblem(0, "", "file-empty", List.of()));
            return plan;
        }
        if (content.length > MAX_BYTES) {
            plan.problems.add(new ImportProblem(0, "", "file-too-large",
                    List.of(String.valueOf(MAX_BYTES / 1024 / 1024))));
            return plan;
        }
        List<List<String>> table;
        try {
            table = Spreadsheets.read(filename, content);
        } catch (Spreadsheets.Unreadable e) {
            plan.problems.add(new ImportProblem(e.row, "", e.reason, e.arguments));
            return plan;
        }
        while (!table.isEmpty() && table.get(table.size() - 1).stream().allMatch(String::isBlank)) {
            table.remove(table.size() - 1);
        }
        if (table.size() - 1 > MAX_ROWS) {
            plan.problems.add(new ImportProblem(0, "", "too-many-rows", List.of(String.valueOf(MAX_ROWS))));
            return plan;
        }
        if (table.isEmpty()) {
            plan.problems.add(new ImportProblem(0, "", "file-empty", List.of()));
            return plan;
        }
        if (!cleanCells(table, plan)) {
            return plan;
        }
        List<Column> columns = kind == ImportKind.MEMBERS ? MEMBER_COLUMNS : ORGANIZATION_COLUMNS;
        Map<String, Integer> index = new HashMap<>();
        Map<String, String> headingOf = new HashMap<>();
        List<String> heading = table.get(0);
        for (Column column : columns) {
            for (int i = 0; i < heading.size(); i++) {
                String folded = VietnameseText.fold(heading.get(i));
                if (folded.equals(VietnameseText.fold(column.vi())) || folded.equals(VietnameseText.fold(column.en()))) {
                    index.put(column.key(), i);
                    headingOf.put(column.key(), heading.get(i));
                }
            }
            if (column.required() && !index.containsKey(column.key())) {
                plan.problems.add(new ImportProblem(1, column.vi(), "heading-missing", List.of(column.vi())));
            }
            headingOf.putIfAbsent(column.key(), column.vi());
        }
        if (!plan.problems.isEmpty()) {
            return plan;
        }
        plan.dataRows = 0;
        Scope mayWrite = new Scope(access.changeable(caller), organizations);
        Map<String, OrganizationSummary> byCode = new HashMap<>();
        for (OrganizationSummary o : organizations.list()) {
            byCode.put(o.code().toLowerCase(Locale.ROOT), o);
        }
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Organization> planned = new HashMap<>();
        Map<String, MemberSummary> existing = kind == ImportKind.MEMBERS && index.containsKey("card")
                ? existingCards(table, index.get("card")) : Map.of();
        for (int r = 1; r < table.size(); r++) {
            List<String> cells = table.get(r);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            plan.dataRows++;
            Cells row = new Cells(r + 1, cells, index, headingOf, plan.problems);
            if (kind == ImportKind.MEMBERS) {
                member(row, byCode, seen, existing, mayWrite, plan, update);
            } else {
                organization(row, byCode, seen, planned, plan);
            }
        }
        if (plan.dataRows == 0) {
            plan.problems.add(new ImportProblem(0, "", "file-empty", List.of()));
        }
        return plan;
    }

    /**
     * Every cell through the text policy, as a page or the API would take it ({@link Texts}): cleaned in place, or,
     * for a character the policy refuses, a problem naming the row, the column, the character and its position.
     * A file with any such cell is refused as a whole before its rows are checked: its other problems could only
     * repeat what the user must fix first.
     */
    private static boolean cleanCells(List<List<String>> table, Plan plan) {
        List<String> heading = table.get(0);
        for (int r = 0; r < table.size(); r++) {
            List<String> cells = table.get(r);
            for (int c = 0; c < cells.size(); c++) {
                String cell = cells.get(c);
                Optional<Texts.Flaw> flaw = Texts.flaw(cell);
                if (flaw.isPresent()) {
                    String column = r == 0 || c >= heading.size() || Texts.flaw(heading.get(c)).isPresent()
                            ? String.valueOf(c + 1) : heading.get(c);
                    plan.problems.add(new ImportProblem(r + 1, column, "character-not-allowed",
                            List.of(flaw.get().character(), String.valueOf(flaw.get().position()))));
                } else {
                    cells.set(c, Texts.clean(null, cell));
                }
            }
        }
        return plan.problems.isEmpty();
    }

    /** The members already there for the card numbers of the file, in one query. */
    private Map<String, MemberSummary> existingCards(List<List<String>> table, int column) {
        String[] cards = table.stream().skip(1).filter(r -> column < r.size()).map(r -> r.get(column).trim())
                .filter(c -> !c.isEmpty()).distinct().toArray(String[]::new);
        Map<String, MemberSummary> found = new HashMap<>();
        jdbc.sql(Rows.MEMBER + " WHERE m.card_number = ANY (:cards)").param("cards", cards)
                .query(Rows::member).list().forEach(m -> found.put(m.cardNumber(), m));
        return found;
    }

    private void member(Cells row, Map<String, OrganizationSummary> byCode, Map<String, Integer> seen,
            Map<String, MemberSummary> existingCards, Scope mayWrite, Plan plan, boolean update) {
        int before = plan.problems.size();
        String card = row.text("card", CARD, 20);
        String family = row.required("family", 60);
        String middle = row.optional("middle", 80);
        String given = row.required("given", 60);
        LocalDate born = row.date("born", true);
        Sex sex = row.sex();
        String nationalId = row.optional("nationalId", 12);
        if (nationalId != null && !NATIONAL_ID.matcher(nationalId).matches()) {
            row.problem("nationalId", "national-id-invalid", nationalId);
        }
        String code = row.text("organization", CODE, 40);
        LocalDate admitted = row.date("admitted", true);
        LocalDate confirmed = row.date("confirmed", false);
        boolean civil = row.yes("civil");
        String position = row.optional("position", 200);
        OrganizationSummary organization = null;
        if (code != null) {
            organization = byCode.get(code.toLowerCase(Locale.ROOT));
            if (organization == null) {
                row.problem("organization", "organization-unknown", code);
            } else if (!mayWrite.covers(organization.id())) {
                row.problem("organization", "out-of-scope", code);
                organization = null;
            }
        }
        if (card != null) {
            Integer first = seen.putIfAbsent(card, row.number);
            if (first != null) {
                row.problem("card", "card-duplicate", card, String.valueOf(first));
            }
        }
        boolean cellsRead = plan.problems.size() == before;
        if (card == null || family == null || given == null || born == null || sex == null || organization == null
                || admitted == null) {
            return;
        }
        // the rules of an admission, as the pages and the API apply them, each broken one on its cell; a bad
        // national ID number is already reported and left out
        AdmitMember command = new AdmitMember(card, family, middle, given, born, sex,
                nationalId != null && NATIONAL_ID.matcher(nationalId).matches() ? nationalId : null,
                organization.id().value(), admitted, confirmed, civil, position);
        boolean valid = valid(command, row);
        for (Refused broken : Member.checkAdmission(command, organization)) {
            refused(row, broken);
            valid = false;
        }
        if (!valid || !cellsRead) {
            return;
        }
        Row planned = new Row();
        planned.number = row.number;
        MemberSummary existing = existingCards.get(card);
        if (existing != null) {
            if (!mayWrite.covers(existing.organizationId())) {
                // another's member: what differs is not this caller's to read
                if (!existing.organizationId().equals(organization.id())) {
                    row.problem("card", "card-taken", card);
                    return;
                }
            }
            List<String> personal = new ArrayList<>();
            List<String> history = new ArrayList<>();
            differs(personal, row, "family", existing.familyName(), family);
            differs(personal, row, "middle", blankToEmpty(existing.middleName()), blankToEmpty(middle));
            differs(personal, row, "given", existing.givenName(), given);
            differs(personal, row, "born", day(existing.bornOn()), day(born));
            differs(personal, row, "sex", sexLabel(existing.sex()), sexLabel(sex));
            if (command.nationalId() != null) {
                differs(personal, row, "nationalId", blankToEmpty(existing.nationalId()), command.nationalId());
            }
            if (row.present("civil")) {
                differs(personal, row, "civil", existing.civilServant() ? "Có" : "Không", civil ? "Có" : "Không");
            }
            if (position != null) {
                differs(personal, row, "position", blankToEmpty(existing.position()), position);
            }
            differs(history, row, "organization", existing.organizationName(), organization.name());
            differs(history, row, "admitted", day(existing.admittedOn()), day(admitted));
            if (confirmed != null) {
                differs(history, row, "confirmed", day(existing.confirmedOn()), day(confirmed));
            }
            if (!history.isEmpty()) {
                // a transfer or a confirmation has a date and a history of its own: never from a spreadsheet
                List<String> all = new ArrayList<>(history);
                all.addAll(personal);
                row.problem("card", "card-differs-history", card, String.join("; ", all));
                return;
            }
            if (!personal.isEmpty()) {
                if (!update) {
                    row.problem("card", "card-differs", card, String.join("; ", personal));
                    return;
                }
                planned.existing = existing.id();
                planned.correct = new CorrectMember(family, middle, given, born, sex,
                        command.nationalId() != null ? command.nationalId() : existing.nationalId(),
                        row.present("civil") ? civil : existing.civilServant(),
                        position != null ? position : existing.position());
                if (!valid(planned.correct, row)) {
                    return;
                }
            }
        } else {
            planned.create = true;
            planned.member = command;
        }
        plan.rows.add(planned);
    }

    private void organization(Cells row, Map<String, OrganizationSummary> byCode, Map<String, Integer> seen,
            Map<String, Organization> planned, Plan plan) {
        int before = plan.problems.size();
        String code = row.text("code", CODE, 40);
        String name = row.required("name", 300);
        String kindText = row.required("kind", 60);
        OrganizationKind kind = null;
        if (kindText != null) {
            kind = KINDS.get(VietnameseText.fold(kindText));
            if (kind == null) {
                try {
                    kind = OrganizationKind.valueOf(kindText.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    row.problem("kind", "kind-unknown", kindText);
                }
            }
        }
        String parentCode = row.optional("parent", 40);
        LocalDate established = row.date("established", true);
        OrganizationSummary parent = null;
        Organization parentInFile = null;
        if (parentCode != null) {
            parent = byCode.get(parentCode.toLowerCase(Locale.ROOT));
            parentInFile = parent == null ? planned.get(parentCode.toLowerCase(Locale.ROOT)) : null;
            if (parent == null && parentInFile == null) {
                row.problem("parent", "organization-unknown", parentCode);
            }
        }
        if (code != null) {
            Integer first = seen.putIfAbsent(code.toLowerCase(Locale.ROOT), row.number);
            if (first != null) {
                row.problem("code", "code-duplicate", code, String.valueOf(first));
            }
        }
        if (plan.problems.size() > before) {
            return;
        }
        RegisterOrganization command = new RegisterOrganization(code, name, kind,
                parent == null ? null : parent.id().value(), established);
        Organization above = parent != null ? Organization.restore(parent.id(), parent.code(), parent.name(),
                parent.kind(), parent.parentId(), parent.establishedOn(), parent.dissolvedOn(), null) : parentInFile;
        Organization.Registration[] registration = new Organization.Registration[1];
        if (!valid(command, row) || !ruled(row, () -> registration[0] = Organization.register(command, above))) {
            return;
        }
        Row next = new Row();
        next.number = row.number;
        OrganizationSummary existing = byCode.get(code.toLowerCase(Locale.ROOT));
        if (existing != null) {
            boolean same = existing.name().equals(name) && existing.kind() == kind
                    && Objects.equals(existing.parentId(), parent == null ? null : parent.id());
            if (!same) {
                row.problem("code", "code-taken", code);
                return;
            }
        } else {
            next.create = true;
            next.parentCode = parentInFile != null ? parentCode : null;
            next.organization = command;
            planned.put(code.toLowerCase(Locale.ROOT), registration[0].organization());
        }
        plan.rows.add(next);
    }

    /** The command's constraints, each broken one a problem on its cell. */
    private boolean valid(Object command, Cells row) {
        Set<ConstraintViolation<Object>> violations = validator.validate(command);
        for (ConstraintViolation<Object> violation : violations) {
            String property = violation.getPropertyPath().toString();
            String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            String reason = switch (constraint) {
                case "Past", "PastOrPresent" -> "date-future";
                case "NotNull", "NotBlank", "NotEmpty" -> "required";
                case "Size" -> "too-long";
                default -> "format-invalid";
            };
            Object max = violation.getConstraintDescriptor().getAttributes().get("max");
            String argument = reason.equals("too-long") ? String.valueOf(max)
                    : String.valueOf(violation.getInvalidValue() instanceof LocalDate date
                            ? date.format(Spreadsheets.VIETNAMESE_DATE) : violation.getInvalidValue());
            row.problem(COLUMN_OF.getOrDefault(property, property), reason, argument);
        }
        return violations.isEmpty();
    }

    /** The domain's rules for the row: a refusal is a problem on the cell of the field it concerns. */
    private static boolean ruled(Cells row, Runnable transition) {
        try {
            transition.run();
            return true;
        } catch (Refused refused) {
            refused(row, refused);
            return false;
        }
    }

    private static void refused(Cells row, Refused refused) {
        String field = refused.reason().field();
        List<String> arguments = java.util.Arrays.stream(refused.arguments())
                .map(a -> a instanceof LocalDate date ? date.format(Spreadsheets.VIETNAMESE_DATE) : String.valueOf(a))
                .toList();
        row.refused(field == null ? null : COLUMN_OF.getOrDefault(field, field), refused.reason().code(), arguments,
                refused.reason().messageKey());
    }

    /** A field the file gives otherwise than the record: "Tên: «Hạnh» → «Hạnh Nhân»". */
    private static void differs(List<String> differences, Cells row, String key, String recorded, String inFile) {
        if (!Objects.equals(recorded, inFile)) {
            differences.add(row.heading(key) + ": «" + recorded + "» → «" + inFile + "»");
        }
    }

    private static String blankToEmpty(String text) {
        return text == null ? "" : text.trim();
    }

    private static String day(LocalDate date) {
        return date == null ? "" : date.format(Spreadsheets.VIETNAMESE_DATE);
    }

    private static String sexLabel(Sex sex) {
        return sex == Sex.MALE ? "Nam" : "Nữ";
    }

    /** The organizations the caller may write into, worked out once for the whole file. */
    private static final class Scope {
        private final Visibility visibility;
        private final Set<OrganizationId> below;

        Scope(Visibility visibility, OrganizationService organizations) {
            this.visibility = visibility;
            this.below = visibility.isEverything() || visibility.isNothing() ? Set.of()
                    : organizations.below(visibility.roots());
        }

        boolean covers(OrganizationId organization) {
            return visibility.isEverything() || below.contains(organization);
        }
    }

    /** The cells of one row, read by column key, recording problems with the row number and the heading. */
    private static final class Cells {
        final int number;
        final List<String> cells;
        final Map<String, Integer> index;
        final Map<String, String> headings;
        final List<ImportProblem> problems;

        Cells(int number, List<String> cells, Map<String, Integer> index, Map<String, String> headings,
                List<ImportProblem> problems) {
            this.number = number;
            this.cells = cells;
            this.index = index;
            this.headings = headings;
            this.problems = problems;
        }

        String heading(String key) {
            return headings.getOrDefault(key, key);
        }

        boolean present(String key) {
            return !raw(key).isEmpty();
        }

        String raw(String key) {
            Integer i = index.get(key);
            return i == null || i >= cells.size() ? "" : cells.get(i).trim();
        }

        void problem(String key, String reason, String... arguments) {
            problems.add(new ImportProblem(number, headings.getOrDefault(key, ""), reason, List.of(arguments)));
        }

        void refused(String key, String reason, List<String> arguments, String messageKey) {
            problems.add(new ImportProblem(number, key == null ? "" : headings.getOrDefault(key, ""), reason,
                    arguments, messageKey));
        }

        String required(String key, int max) {
            String value = raw(key);
            if (value.isEmpty()) {
                problem(key, "required");
                return null;
            }
            if (value.length() > max) {
                problem(key, "too-long", String.valueOf(max));
                return null;
            }
            return value;
        }

        String optional(String key, int max) {
            String value = raw(key);
            if (value.isEmpty()) {
                return null;
            }
            if (value.length() > max) {
                problem(key, "too-long", String.valueOf(max));
                return null;
            }
            return value;
        }

        String text(String key, Pattern pattern, int max) {
            String value = required(key, max);
            if (value != null && !pattern.matcher(value).matches()) {
                problem(key, "format-invalid", value);
                return null;
            }
            return value;
        }

        LocalDate date(String key, boolean required) {
            String value = raw(key);
            if (value.isEmpty()) {
                if (required) {
                    problem(key, "required");
                }
                return null;
            }
            try {
                return value.contains("/") ? LocalDate.parse(value, DMY) : LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                problem(key, "date-invalid", value);
                return null;
            }
        }

        Sex sex() {
            String value = VietnameseText.fold(raw("sex"));
            switch (value) {
                case "nam", "male", "m" -> {
                    return Sex.MALE;
                }
                case "nu", "female", "f" -> {
                    return Sex.FEMALE;
                }
                case "" -> problem("sex", "required");
                default -> problem("sex", "sex-invalid", raw("sex"));
            }
            return null;
        }

        boolean yes(String key) {
            String value = VietnameseText.fold(raw(key));
            return value.equals("co") || value.equals("x") || value.equals("yes") || value.equals("1")
                    || value.equals("true");
        }
    }

    @Override
    @Transactional(readOnly = true)
    public byte[] exportTree(LocalDate asOf, Visibility visibility) {
        List<List<Object>> rows = new ArrayList<>();
        for (TreeNode node : organizations.tree(asOf, visibility)) {
            String parent = node.organization().parentId() == null ? null
                    : organizations.find(node.organization().parentId()).map(OrganizationSummary::code).orElse(null);
            flatten(node, parent, 0, rows);
        }
        return Spreadsheets.xlsx("Tổ chức đảng", List.of("Cấp", "Mã tổ chức", "Tên tổ chức", "Loại hình",
                "Mã tổ chức cấp trên", "Ngày thành lập", "Cơ quan, đơn vị", "Thủ trưởng", "Đảng viên",
                "Đảng viên toàn bộ"), rows);
    }

    private static void flatten(TreeNode node, String parent, int level, List<List<Object>> rows) {
        OrganizationSummary o = node.organization();
        List<Object> row = new ArrayList<>();
        row.add(level);
        row.add(o.code());
        row.add("  ".repeat(level) + o.name());
        row.add(KIND_LABELS.get(o.kind()));
        row.add(parent);
        row.add(o.establishedOn());
        row.add(o.agency());
        row.add(o.agencyHead());
        row.add(node.members());
        row.add(node.membersInSubtree());
        rows.add(row);
        for (TreeNode child : node.children()) {
            flatten(child, o.code(), level + 1, rows);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public byte[] exportMembers(OrganizationId organization, boolean subtree, LocalDate asOf,
            boolean withNationalIds) {
        Map<OrganizationId, String> codes = new HashMap<>();
        List<List<Object>> rows = new ArrayList<>();
        for (MemberSummary m : members.list(organization, subtree, asOf)) {
            String code = codes.computeIfAbsent(m.organizationId(),
                    id -> organizations.find(id).map(OrganizationSummary::code).orElse(""));
            List<Object> row = new ArrayList<>();
            row.add(m.cardNumber());
            row.add(m.familyName());
            row.add(m.middleName());
            row.add(m.givenName());
            row.add(m.bornOn());
            row.add(m.sex() == Sex.MALE ? "Nam" : "Nữ");
            row.add(withNationalIds ? m.nationalId() : null);
            row.add(code);
            row.add(m.admittedOn());
            row.add(m.confirmedOn());
            row.add(m.civilServant() ? "Có" : "Không");
            row.add(m.position());
            rows.add(row);
        }
        return Spreadsheets.xlsx("Đảng viên", MEMBER_COLUMNS.stream().map(Column::vi).toList(), rows);
    }
}
