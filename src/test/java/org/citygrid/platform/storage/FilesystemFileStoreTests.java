package org.citygrid.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.citygrid.support.TestPhotos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filesystem store: content-addressed by SHA-256, each content once, never a half file under a key. */
class FilesystemFileStoreTests {

    @TempDir
    Path dir;

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private long storedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void bytesAreStoredUnderTheirSha256AndReadBack() throws IOException {
        var store = new FilesystemFileStore(dir);
        var key = store.put(stream("井盖照片"));
        assertThat(key).isEqualTo(TestPhotos.sha256("井盖照片".getBytes(StandardCharsets.UTF_8)));
        assertThat(store.exists(key)).isTrue();
        try (var in = store.open(key).orElseThrow()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("井盖照片");
        }
    }

    @Test
    void theSameBytesAreStoredOnce() throws IOException {
        var store = new FilesystemFileStore(dir);
        var first = store.put(stream("same"));
        var second = store.put(stream("same"));
        var other = store.put(stream("other"));
        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(storedFiles()).isEqualTo(2);
    }

    @Test
    void aFailedWriteLeavesNoFileBehind() throws IOException {
        var store = new FilesystemFileStore(dir);
        // 10 kB arrive, then the connection breaks (every later read fails too)
        InputStream breaking = new InputStream() {
            private int left = 10_000;

            @Override
            public int read() throws IOException {
                var one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    throw new IOException("connection reset");
                }
                int n = Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
        assertThatThrownBy(() -> store.put(breaking)).isInstanceOf(UncheckedIOException.class);
        assertThat(storedFiles()).isZero();
    }

    @Test
    void aKeyThatIsNotASha256IsRefusedSoNoPathLeavesTheStore() {
        var store = new FilesystemFileStore(dir);
        assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.exists("ABC")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDeletedFileIsGoneAndAnUnknownKeyOpensNothing() {
        var store = new FilesystemFileStore(dir);
        var key = store.put(stream("gone"));
        store.delete(key);
        assertThat(store.exists(key)).isFalse();
        assertThat(store.open(key)).isEmpty();
        store.delete(key);
    }
}
