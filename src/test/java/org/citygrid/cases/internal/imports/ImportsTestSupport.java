package org.citygrid.cases.internal.imports;

import org.springframework.http.MediaType;

/** Shared constants of the import tests. */
final class ImportsTestSupport {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private ImportsTestSupport() {
    }
}
