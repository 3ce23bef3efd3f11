package org.cadre.ratingrules.pack;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cadre.ratingrules.PackProblem;

/**
 * Refuses what a pack's DRL may not do, on the text, before anything is compiled: a pack is untrusted input and the
 * rule compiler runs the code it compiles. Comments and the contents of string literals are blanked first (a rule
 * may be named "Thread of the story"), keeping line numbers, then every line is checked:
 * <ul>
 *   <li>{@code import} of anything but {@code org.cadre.ratingrules.facts.*} or one of its classes (including
 *       {@code import function} and {@code import accumulate});</li>
 *   <li>qualified names into the JDK or other libraries ({@code java.}, {@code javax.}, {@code jdk.},
 *       {@code sun.}, {@code org.}, {@code com.}, {@code net.}, {@code io.});</li>
 *   <li>the dangerous parts of {@code java.lang} (Runtime, System, Thread, Class, ClassLoader, ProcessBuilder...),
 *       reflection and method handles, {@code getClass}, {@code forName}, {@code eval}, {@code exec};</li>
 *   <li>the rule context ({@code drools.}, {@code kcontext}), which reaches the session and the rule base;</li>
 *   <li>a unicode escape (backslash-u), anywhere, even in a comment or a string, and a Java text block
 *       ({@code """}): both act before comments and strings are read, so they could hide code from this check;</li>
 *   <li>{@code dialect "mvel"} (only the Java dialect, whose code this check can read), {@code function},
 *       {@code declare}, {@code while} and {@code for} loops (a rule changes a proposal; it does not compute).</li>
 * </ul>
 */
public final class DrlGuard {

    static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(.*?)\\s*;?\\s*$");
    static final Pattern ALLOWED_IMPORT = Pattern.compile("org\\.cadre\\.ratingrules\\.facts\\.(\\*|[A-Z][A-Za-z0-9]*)");
    static final Pattern QUALIFIED = Pattern.compile("(?<![A-Za-z0-9_.$])(java|javax|jdk|sun|com|org|net|io)\\s*\\.");
    static final Pattern FORBIDDEN_WORD = Pattern.compile("(?<![A-Za-z0-9_$])(Runtime|System|Thread|ThreadGroup|"
            + "ThreadLocal|InheritableThreadLocal|Class|ClassLoader|ClassValue|Process|ProcessBuilder|ProcessHandle|"
            + "Module|ModuleLayer|StackWalker|SecurityManager|Compiler|reflect|invoke|MethodHandles|getClass|forName|"
            + "eval|exec|kcontext|function|declare|while|for|synchronized|native|getRuntime|exit|halt|"
            + "setAccessible|newInstance|loadClass|getDeclared[A-Za-z0-9_$]*|getMethod|Unsafe|ScriptEngine[A-Za-z0-9_$]*)"
            + "(?![A-Za-z0-9_$])");
    static final Pattern DROOLS_CONTEXT = Pattern.compile("(?<![A-Za-z0-9_$.])drools\\s*\\.");
    static final Pattern CLASS_LITERAL = Pattern.compile("\\.\\s*class(?![A-Za-z0-9_$])");
    /**
     * A backslash followed by {@code u}: the Java compiler behind the rules decodes {@code \\uXXXX} escapes
     * before it reads anything, inside strings and comments too, so an escape could carry code past this check.
     * Refused conservatively wherever it appears (also a lone backslash-u that is not a complete escape).
     */
    static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u");
    /** A Java text block: its contents are not blanked the way this check reads string literals. */
    static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"");
    static final Pattern DIALECT = Pattern.compile("(?<![A-Za-z0-9_$])dialect\\s+\"([^\"]*)\"");

    private DrlGuard() {
    }

    /** Problems of one DRL file; empty when the text may be compiled. */
    public static List<PackProblem> check(String file, String drl) {
        List<PackProblem> problems = new ArrayList<>();
        String[] original = drl.split("\n", -1);
        String[] lines = blank(drl).split("\n", -1);
        for (int i = 0; i < original.length; i++) {
            // on the raw text: escapes and text blocks act before comments and strings exist
            if (UNICODE_ESCAPE.matcher(original[i]).find()) {
                problems.add(PackProblem.of(file, i + 1, "", "unicode-escape", "a unicode escape (backslash-u) is not "
                        + "allowed in a rule pack, not even in a string or a comment: write the character itself"));
            }
            if (TEXT_BLOCK.matcher(original[i]).find()) {
                problems.add(PackProblem.of(file, i + 1, "", "text-block", "a Java text block (\"\"\") is not allowed in "
                        + "a rule pack: use an ordinary string literal"));
            }
        }
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i];
            if (line.matches("^\\s*package\\s+[A-Za-z0-9_.]+\\s*;?\\s*$")) {
                continue;
            }
            Matcher imported = IMPORT.matcher(line);
            if (imported.matches()) {
                String target = imported.group(1).trim();
                if (!ALLOWED_IMPORT.matcher(target).matches()) {
                    problems.add(PackProblem.of(file, number, "", "forbidden-import", "import of '" + target
                            + "' is not allowed: a pack may import only org.cadre.ratingrules.facts.*", target));
                }
                continue;
            }
            Matcher dialect = DIALECT.matcher(original.length > i ? original[i] : line);
            if (dialect.find() && !"java".equals(dialect.group(1))) {
                problems.add(PackProblem.of(file, number, "", "forbidden-dialect", "dialect \"" + dialect.group(1)
                        + "\" is not allowed: rules are written in the java dialect", dialect.group(1)));
            }
            report(problems, file, number, QUALIFIED.matcher(line), "qualified name '%s.'");
            report(problems, file, number, FORBIDDEN_WORD.matcher(line), "'%s'");
            report(problems, file, number, DROOLS_CONTEXT.matcher(line), "the rule context 'drools.'");
            report(problems, file, number, CLASS_LITERAL.matcher(line), "a class literal '.class'");
        }
        return problems;
    }

    private static void report(List<PackProblem> problems, String file, int line, Matcher matcher, String what) {
        while (matcher.find()) {
            String token = matcher.groupCount() > 0 && matcher.group(1) != null ? matcher.group(1) : matcher.group();
            String description = what.contains("%s") ? String.format(what, token) : what;
            problems.add(PackProblem.of(file, line, "", "forbidden-construct", description
                    + " is not allowed in a rule pack: rules may use only the facts contract "
                    + "(org.cadre.ratingrules.facts)", description));
        }
    }

    /** Blanks comments and the contents of string and character literals, keeping every line break. */
    static String blank(String drl) {
        StringBuilder out = new StringBuilder(drl.length());
        int i = 0;
        int n = drl.length();
        while (i < n) {
            char c = drl.charAt(i);
            char next = i + 1 < n ? drl.charAt(i + 1) : '\0';
            if ((c == '/' && next == '/') || c == '#' && isLineStart(drl, i)) {
                while (i < n && drl.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && next == '*') {
                out.append("  ");
                i += 2;
                while (i < n && !(drl.charAt(i) == '*' && i + 1 < n && drl.charAt(i + 1) == '/')) {
                    out.append(drl.charAt(i) == '\n' ? '\n' : ' ');
                    i++;
                }
                if (i < n) {
                    out.append("  ");
                    i += 2;
                }
            } else if (c == '"' || c == '\'') {
                char quote = c;
                out.append(quote);
                i++;
                while (i < n && drl.charAt(i) != quote && drl.charAt(i) != '\n') {
                    if (drl.charAt(i) == '\\' && i + 1 < n) {
                        out.append(' ');
                        i++;
                    }
                    out.append(' ');
                    i++;
                }
                if (i < n && drl.charAt(i) == quote) {
                    out.append(quote);
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isLineStart(String text, int index) {
        for (int j = index - 1; j >= 0 && text.charAt(j) != '\n'; j--) {
            if (!Character.isWhitespace(text.charAt(j))) {
                return false;
            }
        }
        return true;
    }
}
