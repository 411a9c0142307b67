package org.citygrid.geo.internal;

import java.util.List;

/** An import was refused as a whole (422): every problem found is listed and nothing was written. */
public class ImportRejected extends RuntimeException {

    private final transient List<FeatureProblem> problems;

    public ImportRejected(List<FeatureProblem> problems) {
        super(problems.size() + " problem(s) in the imported file");
        this.problems = List.copyOf(problems);
    }

    public List<FeatureProblem> problems() {
        return problems;
    }
}
