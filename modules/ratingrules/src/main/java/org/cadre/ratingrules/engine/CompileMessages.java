package org.cadre.ratingrules.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cadre.ratingrules.PackProblem;
import org.kie.api.builder.Message;

/**
 * The compiler's errors, placed in the pack's files. The executable model compiles rules into generated Java; an
 * error in that Java (a consequence calling a method with the wrong argument) is placed on the DRL line the code came
 * from, found by its text, and the generated source the compiler prints with it is left out: a rule administrator
 * reads {@code extra.drl:12}, not a generated class.
 */
final class CompileMessages {

    private static final Pattern SOURCE = Pattern.compile("(?s)^Java source of (\\S+) in error:\\s*\\n(.*)$");
    private static final Pattern EXPRESSION = Pattern.compile("expression:\\s*(.+)$");

    private CompileMessages() {
    }

    /**
     * @param generatedToFile the path each pack file was written to, to the pack file
     * @param drl             the DRL of each pack file (decision tables as the DRL they became)
     */
    static List<PackProblem> problems(List<Message> messages, Map<String, String> generatedToFile,
            Map<String, String> drl) {
        Map<String, String> javaSources = new HashMap<>();
        for (Message message : messages) {
            Matcher source = SOURCE.matcher(message.getText());
            if (source.find()) {
                javaSources.put(source.group(1), source.group(2));
            }
        }
        List<PackProblem> problems = new ArrayList<>();
        for (Message message : messages) {
            String text = message.getText().trim();
            if (SOURCE.matcher(text).find()) {
                continue;
            }
            String path = message.getPath() == null ? "" : message.getPath();
            Location at;
            if (path.endsWith(".java")) {
                at = locate(javaLine(javaSources.get(path), message.getLine()), drl);
            } else {
                String file = fileOf(path, generatedToFile);
                at = message.getLine() > 0 ? new Location(file, message.getLine())
                        : locate(expressionOf(text), Map.of(file, drl.getOrDefault(file, "")));
                if (at.file().isEmpty()) {
                    at = new Location(file, 0);
                }
            }
            problems.add(PackProblem.of(at.file(), at.line(), "", "compile", text, text));
        }
        return problems;
    }

    private static String javaLine(String source, int line) {
        if (source == null || line <= 0) {
            return null;
        }
        return source.lines().skip(line - 1L).findFirst().map(String::trim).orElse(null);
    }

    private static String expressionOf(String text) {
        Matcher matcher = EXPRESSION.matcher(text);
        return matcher.find() ? matcher.group(1).trim() : null;
    }

    /** The first DRL line holding the snippet (spaces compared loosely), or nowhere. */
    private static Location locate(String snippet, Map<String, String> drl) {
        if (snippet == null || snippet.isBlank()) {
            return new Location("", 0);
        }
        String wanted = squeeze(snippet);
        for (Map.Entry<String, String> file : drl.entrySet()) {
            List<String> lines = file.getValue().lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (squeeze(lines.get(i)).contains(wanted)) {
                    return new Location(file.getKey(), i + 1);
                }
            }
        }
        return new Location("", 0);
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }

    static String fileOf(String path, Map<String, String> generatedToFile) {
        if (path == null) {
            return "";
        }
        if (generatedToFile.containsKey(path)) {
            return generatedToFile.get(path);
        }
        for (Map.Entry<String, String> entry : generatedToFile.entrySet()) {
            if (entry.getKey().endsWith("/" + path) || path.endsWith(entry.getKey())) {
                return entry.getValue();
            }
        }
        return path.startsWith(PackCompiler.ROOT) ? path.substring(PackCompiler.ROOT.length()) : path;
    }

    private record Location(String file, int line) {
    }
}
