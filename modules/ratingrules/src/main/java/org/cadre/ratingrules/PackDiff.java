package org.cadre.ratingrules;

import java.util.List;

/** What changed between two versions of a pack: files (with a line diff of text files) and parameter values. */
public record PackDiff(String packId, int from, int to, List<FileChange> files, List<ParameterChange> parameters) {

    public PackDiff {
        files = List.copyOf(files);
        parameters = List.copyOf(parameters);
    }

    /** How a file changed. */
    public enum Change {
        ADDED, REMOVED, CHANGED
    }

    /**
     * @param lines the diff, each line starting with {@code ' '}, {@code '+'} or {@code '-'}; empty for a binary file
     */
    public record FileChange(String path, Change change, List<String> lines) {

        public FileChange {
            lines = List.copyOf(lines);
        }
    }

    /** A parameter whose effective value differs. */
    public record ParameterChange(String name, String before, String after) {
    }
}
