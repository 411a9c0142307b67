package org.citygrid.geo.internal;

import java.util.List;

/** An address-point file was refused as a whole (422): every problem found is listed and nothing was written. */
public class AddressImportRejected extends RuntimeException {

    private final transient List<AddressProblem> problems;

    public AddressImportRejected(List<AddressProblem> problems) {
        super(problems.size() + " problem(s) in the address file");
        this.problems = List.copyOf(problems);
    }

    public List<AddressProblem> problems() {
        return problems;
    }
}
