package org.citygrid.platform.storage;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where uploaded files live, content-addressed: a file's key is the lower-case hex SHA-256 of its bytes, so the same
 * bytes are stored once and a key always names the same content. A store never exposes a half-written file: a key
 * exists only once its bytes are complete.
 *
 * <p>{@link FilesystemFileStore} keeps files under {@code citygrid.storage.directory}. An S3-compatible store can
 * implement the same contract: hash while uploading to a temporary object, then copy it to the key (or upload to the
 * key only after hashing), {@code exists} = HEAD, {@code open} = GET, {@code delete} = DELETE. Callers keep the keys
 * in their own tables and never build paths or URLs from them.
 */
public interface FileStore {

    Pattern KEY = Pattern.compile("[0-9a-f]{64}");

    /** Stores the stream's bytes (read to the end, not closed) and returns their key; storing them again is a no-op. */
    String put(InputStream content) throws UncheckedIOException;

    /** The bytes of a stored file, or empty if no file has the key; the caller closes the stream. */
    Optional<InputStream> open(String key) throws UncheckedIOException;

    boolean exists(String key);

    /** Removes the file if it exists (content-addressed: only when no record refers to the key any more). */
    void delete(String key) throws UncheckedIOException;

    /** Rejects anything but a SHA-256 hex key, so that a key can never point outside the store. */
    static String checkKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a SHA-256 key: " + key);
        }
        return key;
    }
}
