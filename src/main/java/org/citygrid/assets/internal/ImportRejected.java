package org.citygrid.assets.internal;

import java.util.List;

/**
 * An import refused as a whole (422): nothing was written. {@code problems} lists the first problems found (at most
 * {@link ComponentImport#MAX_PROBLEMS}); {@code total} counts them all.
 */
public class ImportRejected extends RuntimeException {

    private final transient List<ImportProblem> problems;
    private final int total;

    public ImportRejected(List<ImportProblem> problems, int total) {
        super(total + " problem(s) in the imported file");
        this.problems = List.copyOf(problems);
        this.total = total;
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    public int total() {
        return total;
    }
}
