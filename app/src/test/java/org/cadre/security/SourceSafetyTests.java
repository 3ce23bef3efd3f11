package org.cadre.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Two properties of the sources that no request can show: every SQL statement takes its values as parameters (a
 * statement is text joined only from literals and constants, never from a value), and no template writes text
 * unescaped except where the list below says why it is safe. Both read the sources of every module, so a new
 * statement or template is checked the day it is written.
 */
class SourceSafetyTests {

    /**
     * Pieces of SQL text that are variables, each checked by a person: the variable only ever holds one of the
     * module's literals (a private method's WHERE clause, a lock clause, a table name from a fixed list). The key is
     * the source file and the variable; a new one fails until it is checked and listed here.
     */
    static final Map<String, String> CHECKED_FRAGMENTS = Map.ofEntries(
            Map.entry("commitments/internal/ProgrammeService.java: where", "callers pass a literal WHERE"),
            Map.entry("commitments/internal/RegisterService.java: filter", "callers pass a literal AND clause"),
            Map.entry("commitments/internal/RegisterStore.java: sql", "callers pass VIEW plus a literal WHERE"),
            Map.entry("evaluation/internal/facts/FactsRebuild.java: table", "a loop over a fixed list of tables"),
            Map.entry("evaluation/internal/inputs/InputCycles.java: lock", "\"\" or \" FOR SHARE\""),
            Map.entry("evaluation/internal/review/CommentRequestStore.java: where", "one of two literals"),
            Map.entry("evaluation/internal/whatif/WhatIfService.java: where", "one of two literals"),
            Map.entry("platform/audit/JdbcAuditTrail.java: where", "literal clauses, values as parameters"),
            Map.entry("organizations/internal/MemberStore.java: table", "callers pass a literal table name"),
            Map.entry("organizations/internal/MemberService.java: inside", "Rows.SUBTREE or a literal"),
            Map.entry("organizations/internal/MemberService.java: rolls",
                    "onRolls: one of two literal WITH clauses, a literal column list, literal order and paging"),
            Map.entry("organizations/internal/CopyBulkLoad.java: staging", "the fixed tables' names and columns"),
            Map.entry("organizations/internal/CopyBulkLoad.java: sorted", "the fixed tables' names and columns"),
            Map.entry("organizations/internal/CopyBulkLoad.java: drop", "names from the catalogue, quote_ident"),
            Map.entry("organizations/internal/CopyBulkLoad.java: definition",
                    "pg_get_indexdef and pg_get_constraintdef, read from the catalogue before the drop"),
            Map.entry("organizations/internal/MemberService.java: where", "literals and Rows.SUBTREE"),
            Map.entry("organizations/internal/OrganizationService.java: start", "one of two literals"),
            Map.entry("ratingrules/internal/PackStore.java: where", "\"\" or a literal with a ? parameter"),
            Map.entry("supervision/internal/FeedbackService.java: subject", "callers pass a literal condition"),
            Map.entry("supervision/internal/FeedbackService.java: where", "callers pass a literal condition"),
            Map.entry("supervision/internal/InspectionService.java: subject", "callers pass a literal condition"),
            Map.entry("supervision/internal/InspectionService.java: where", "callers pass a literal condition"),
            Map.entry("supervision/internal/MeetingService.java: where", "callers pass a literal condition"));

    /** Unescaped output, each with why it is safe. */
    static final Map<String, String> UNESCAPED = Map.of(
            "evaluation/reports/report.html: ${chartData}",
            "JSON for the charts, written with <, > and & escaped as \\u003c, \\u003e, \\u0026 "
                    + "(ReportPageController.charts), inside a script block of type application/json");

    private static final Pattern LITERAL_TERNARY =
            Pattern.compile("\\(?[^?]*\\?\\s*\"[^\"]*\"\\s*:\\s*\"[^\"]*\"\\s*\\)?", Pattern.DOTALL);

    @Test
    void sqlIsJoinedOnlyFromLiteralsAndConstants() {
        List<String> unchecked = new ArrayList<>();
        int statements = 0;
        for (Path file : sources("java")) {
            String source = read(file);
            Matcher call = Pattern.compile("\\.sql\\(").matcher(source);
            while (call.find()) {
                statements++;
                for (String piece : pieces(argument(source, call.end() - 1))) {
                    for (String part : formatted(piece)) {
                        if (!safe(part) && !CHECKED_FRAGMENTS.containsKey(key(file) + ": " + part)) {
                            unchecked.add(key(file) + ": " + part.replaceAll("\\s+", " "));
                        }
                    }
                }
            }
        }
        assertThat(statements).as("statements found").isGreaterThan(300);
        assertThat(unchecked).as("SQL joined from something other than literals, constants or checked fragments "
                + "(pass values with param(...))").isEmpty();
    }

    /** The scanner sees a value joined into SQL, and lets literals, constants and literal choices through. */
    @Test
    void theSqlCheckSeesAValueJoinedIn() {
        String source = "jdbc.sql(\"SELECT * FROM t WHERE name = '\" + name + \"'\" + ORDER + Rows.X"
                + " + (lock ? \" FOR UPDATE\" : \"\") + \"\"\"\n IN (%s) \"\"\".formatted(Rows.ON_ROLLS, value))";
        List<String> pieces = pieces(argument(source, source.indexOf('('))).stream()
                .flatMap(p -> formatted(p).stream()).toList();
        assertThat(pieces.stream().filter(p -> !safe(p)).toList()).containsExactly("name", "value");
    }

    @Test
    void noTemplateWritesUnescapedTextExceptTheListedOnes() {
        Pattern unescaped = Pattern.compile("th:utext=\"([^\"]*)\"|\\[\\((.*?)\\)]");
        TreeSet<String> found = new TreeSet<>();
        for (Path file : sources("html")) {
            Matcher m = unescaped.matcher(read(file));
            while (m.find()) {
                String expression = m.group(1) != null ? m.group(1) : m.group(2);
                found.add(template(file) + ": " + expression);
            }
        }
        assertThat(found).as("unescaped output in templates (use th:text, or list it with why it is safe)")
                .isSubsetOf(UNESCAPED.keySet());
        assertThat(found).isNotEmpty();
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** A text block filled in by {@code formatted(...)}: the block, and each argument, to be checked alike. */
    static List<String> formatted(String piece) {
        int call = piece.lastIndexOf("\"\"\".formatted(");
        if (!piece.startsWith("\"\"\"") || call < 0 || !piece.endsWith(")")) {
            return List.of(piece);
        }
        List<String> parts = new ArrayList<>();
        parts.add(piece.substring(0, call + 3));
        String arguments = piece.substring(call + 3 + ".formatted(".length(), piece.length() - 1);
        for (String argument : arguments.split(",")) {
            parts.add(argument.strip());
        }
        return parts;
    }

    private static boolean safe(String piece) {
        String p = piece.strip();
        return p.startsWith("\"\"\"") && p.endsWith("\"\"\"") && p.indexOf("\"\"\"", 3) == p.length() - 3
                || p.startsWith("\"") && p.endsWith("\"") && !p.startsWith("\"\"\"")
                || p.matches("([A-Z][A-Za-z0-9]*\\.)?[A-Z][A-Z0-9_]*")
                || LITERAL_TERNARY.matcher(p).matches() && !p.contains("+");
    }

    /** The text between the parenthesis at {@code open} and its match, strings kept whole. */
    static String argument(String source, int open) {
        int depth = 0;
        for (int i = open; i < source.length(); i++) {
            char c = source.charAt(i);
            if (source.startsWith("\"\"\"", i)) {
                i = source.indexOf("\"\"\"", i + 3) + 2;
            } else if (c == '"') {
                i = endOfString(source, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return source.substring(open + 1, i);
            }
        }
        throw new IllegalArgumentException("no closing parenthesis at " + open);
    }

    /** The operands of the top-level {@code +} of an expression. */
    static List<String> pieces(String expression) {
        List<String> pieces = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (expression.startsWith("\"\"\"", i)) {
                i = expression.indexOf("\"\"\"", i + 3) + 2;
            } else if (c == '"') {
                i = endOfString(expression, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == '+' && depth == 0) {
                pieces.add(expression.substring(start, i).strip());
                start = i + 1;
            }
        }
        pieces.add(expression.substring(start).strip());
        return pieces;
    }

    private static int endOfString(String text, int quote) {
        int i = quote + 1;
        while (text.charAt(i) != '"') {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return i;
    }

    private static List<Path> sources(String extension) {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("modules"))) {
            root = root.getParent();
        }
        List<Path> files = new ArrayList<>();
        for (Path base : List.of(root.resolve("modules"), root.resolve("app"))) {
            try (Stream<Path> walk = Files.walk(base)) {
                walk.filter(p -> p.toString().endsWith("." + extension))
                        .filter(p -> p.toString().contains("/src/main/")).forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code organizations/internal/MemberService.java}: the path below the module's base package. */
    private static String key(Path file) {
        String path = file.toString().replace('\\', '/');
        return path.substring(path.indexOf("/org/cadre/") + "/org/cadre/".length());
    }

    private static String template(Path file) {
        String path = file.toString().replace('\\', '/');
        return path.substring(path.indexOf("/templates/") + "/templates/".length());
    }
}
