package org.citygrid.geo.web;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.citygrid.geo.internal.GeoSettings;

/** Thrown when an import body is larger than {@code citygrid.geo.max-import-size} (413). */
final class ImportTooLarge extends RuntimeException {

    ImportTooLarge() {
        super("import body too large");
    }

    /** The request body, refused when larger than the limit (by its declared length or by what arrives). */
    static byte[] read(HttpServletRequest request, InputStream body, GeoSettings settings) throws IOException {
        long max = settings.maxImportSize().toBytes();
        if (request.getContentLengthLong() > max) {
            throw new ImportTooLarge();
        }
        var bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (bytes.length > max) {
            throw new ImportTooLarge();
        }
        return bytes;
    }
}
