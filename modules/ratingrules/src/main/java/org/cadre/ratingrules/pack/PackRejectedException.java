package org.cadre.ratingrules.pack;

import java.util.List;
import java.util.stream.Collectors;
import org.cadre.ratingrules.PackProblem;

/** A pack could not even be read (an unsafe zip, a folder over the limits): the problems say why. */
public class PackRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<PackProblem> problems;

    public PackRejectedException(List<PackProblem> problems) {
        super(problems.stream().map(PackProblem::describe).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<PackProblem> problems() {
        return problems;
    }
}
