package org.spikescope.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;

/** Files as tests handle them: recordings copied where a test may change them, contents compared by digest. */
public final class TestFiles {

    private TestFiles() {
    }

    /** Copies a file tree (files keep their time stamps); {@code to} must not exist yet. */
    public static void copyTree(Path from, Path to) throws Exception {
        Files.createDirectories(to.toAbsolutePath().getParent());
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    /** SHA-256 of a file's bytes, in hex. */
    public static String sha256(Path file) throws Exception {
        return sha256(Files.readAllBytes(file));
    }

    /** SHA-256 of bytes, in hex. */
    public static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
