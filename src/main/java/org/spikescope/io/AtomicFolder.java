package org.spikescope.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A results folder written atomically: everything goes into a hidden sibling folder, which replaces the target
 * only on {@link #commit()}. A failed or cancelled run leaves the earlier results as they were.
 */
public final class AtomicFolder implements AutoCloseable {

    private final Path target;
    private final Path staging;
    private boolean committed;

    private AtomicFolder(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    public static AtomicFolder create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".partial-");
        return new AtomicFolder(absolute, staging);
    }

    /** The folder to write into until {@link #commit()}. */
    public Path dir() {
        return staging;
    }

    public Path target() {
        return target;
    }

    /** Replaces the target folder by the staged one. */
    public void commit() throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (old != null) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        committed = true;
        if (old != null) {
            FileTrees.deleteRecursively(old);
        }
    }

    /** Discards the staged folder unless it was committed. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            FileTrees.deleteRecursively(staging);
        }
    }
}
