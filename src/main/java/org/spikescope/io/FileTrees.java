package org.spikescope.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.stream.Stream;

/** Small file-system helpers shared by the writers. */
public final class FileTrees {

    private static final String TEMP_PREFIX = ".spikescope-tmp-";
    private static final SecureRandom RANDOM = new SecureRandom();

    private FileTrees() {
    }

    public static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Writes one file atomically: {@code writer} fills a temporary sibling (created with the user's normal
     * permissions), which then replaces {@code target}.
     */
    public static void writeAtomically(Path target, FileWriter writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temp = absolute.resolveSibling(TEMP_PREFIX + Long.toHexString(RANDOM.nextLong()) + "-"
                + absolute.getFileName());
        try {
            writer.write(temp);
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** True for the name of a temporary file of {@link #writeAtomically}. */
    public static boolean isTempName(String name) {
        return name.startsWith(TEMP_PREFIX);
    }

    /** Removes temporary files that killed writers left in {@code folder} (not in its subfolders). */
    public static void removeLeftoverTemps(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path p : entries.filter(p -> isTempName(p.getFileName().toString())).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Fills a file. */
    @FunctionalInterface
    public interface FileWriter {
        void write(Path file) throws IOException;
    }
}
