package org.citygrid.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A {@link FileStore} in a directory: {@code <dir>/ab/abcdef…} for key {@code abcdef…}. Bytes go to a temporary file
 * in {@code <dir>/tmp} (same filesystem), are forced to disk, and are then moved atomically to their key, so a crash
 * leaves at most a stray temporary file, never a half file under a key.
 */
public class FilesystemFileStore implements FileStore {

    private final Path root;
    private final Path tmp;

    public FilesystemFileStore(Path directory) {
        this.root = directory.toAbsolutePath().normalize();
        this.tmp = root.resolve("tmp");
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the file store at " + root, e);
        }
    }

    @Override
    public String put(InputStream content) {
        Path temp = null;
        try {
            temp = Files.createTempFile(tmp, "upload-", ".part");
            var key = write(content, temp);
            var target = pathOf(key);
            if (Files.exists(target)) {
                return key;
            }
            Files.createDirectories(target.getParent());
            moveAtomically(temp, target);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static String write(InputStream content, Path temp) throws IOException {
        var digest = sha256();
        try (var channel = FileChannel.open(temp, StandardOpenOption.WRITE);
             var out = new DigestOutputStream(Channels.newOutputStream(channel), digest)) {
            content.transferTo(out);
            out.flush();
            channel.force(true);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void moveAtomically(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // another upload of the same bytes won the race: the content is there already
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file store needs a filesystem with atomic moves: " + target, e);
        }
    }

    @Override
    public Optional<InputStream> open(String key) {
        var path = pathOf(key);
        try {
            return Optional.of(Files.newInputStream(path));
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(pathOf(key));
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(pathOf(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path pathOf(String key) {
        FileStore.checkKey(key);
        return root.resolve(key.substring(0, 2)).resolve(key);
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a stray temporary file is harmless: it is never under a key
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
