package org.cadre.ratingrules.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cadre.ratingrules.PackDiff;
import org.cadre.ratingrules.PackParameter;

/**
 * The diff of two versions as the page shows it: parameters by their label, values the reader's way; each file's
 * changed lines with a few unchanged lines around them, longer runs of unchanged lines folded.
 */
record DiffView(List<Parameter> parameters, List<FileView> files) {

    /** Unchanged lines shown on each side of a change. */
    static final int CONTEXT = 3;

    record Parameter(String name, String label, String before, String after) {
    }

    record FileView(String path, PackDiff.Change change, List<Block> blocks) {
    }

    /**
     * A run of lines of one kind: {@code add}, {@code del}, {@code same}, or {@code fold} (unchanged lines shown
     * only on demand).
     */
    record Block(String kind, List<String> lines) {
    }

    static DiffView of(PackDiff diff, Map<String, PackParameter> declared, Wording wording) {
        List<Parameter> parameters = new ArrayList<>();
        for (PackDiff.ParameterChange change : diff.parameters()) {
            PackParameter p = declared.get(change.name());
            String label = p == null ? change.name() : wording.english() ? p.labelEn() : p.labelVi();
            parameters.add(new Parameter(change.name(), label, value(p, change.before(), wording),
                    value(p, change.after(), wording)));
        }
        List<FileView> files = diff.files().stream()
                .map(f -> new FileView(f.path(), f.change(), blocks(f.lines()))).toList();
        return new DiffView(parameters, files);
    }

    private static String value(PackParameter p, String text, Wording wording) {
        if (text == null) {
            return "—";
        }
        if (p != null && "decimal".equals(p.type())) {
            return wording.decimal(text);
        }
        if (p != null && "boolean".equals(p.type())) {
            return wording.message("ratingrules.boolean." + text);
        }
        return text;
    }

    static List<Block> blocks(List<String> lines) {
        List<Block> runs = new ArrayList<>();
        for (String line : lines) {
            String kind = line.startsWith("+") ? "add" : line.startsWith("-") ? "del" : "same";
            if (runs.isEmpty() || !runs.get(runs.size() - 1).kind().equals(kind)) {
                runs.add(new Block(kind, new ArrayList<>()));
            }
            runs.get(runs.size() - 1).lines().add(line);
        }
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Block run = runs.get(i);
            if (!run.kind().equals("same")) {
                blocks.add(new Block(run.kind(), List.copyOf(run.lines())));
                continue;
            }
            int head = i == 0 ? 0 : CONTEXT;                 // after a change: its context below
            int tail = i == runs.size() - 1 ? 0 : CONTEXT;  // before a change: its context above
            List<String> same = run.lines();
            if (same.size() <= head + tail + 1) {
                blocks.add(new Block("same", List.copyOf(same)));
                continue;
            }
            if (head > 0) {
                blocks.add(new Block("same", List.copyOf(same.subList(0, head))));
            }
            blocks.add(new Block("fold", List.copyOf(same.subList(head, same.size() - tail))));
            if (tail > 0) {
                blocks.add(new Block("same", List.copyOf(same.subList(same.size() - tail, same.size()))));
            }
        }
        return blocks;
    }
}
