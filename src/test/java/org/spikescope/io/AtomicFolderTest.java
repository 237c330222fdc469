package org.spikescope.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class AtomicFolderTest {

    @Test
    void uncommittedWorkLeavesTheEarlierFolderAndNoDebris(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("results");
        try (AtomicFolder f = AtomicFolder.create(target)) {
            Files.writeString(f.dir().resolve("a.txt"), "first");
            f.commit();
        }
        try (AtomicFolder f = AtomicFolder.create(target)) {
            Files.writeString(f.dir().resolve("a.txt"), "second, never committed");
        }
        assertEquals("first", Files.readString(target.resolve("a.txt")));
        try (Stream<Path> entries = Files.list(dir)) {
            assertEquals(1, entries.count(), "only the results folder remains");
        }
    }

    @Test
    void commitReplacesTheWholeFolder(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("results");
        try (AtomicFolder f = AtomicFolder.create(target)) {
            Files.writeString(f.dir().resolve("old.txt"), "x");
            f.commit();
        }
        try (AtomicFolder f = AtomicFolder.create(target)) {
            Files.writeString(f.dir().resolve("new.txt"), "y");
            f.commit();
        }
        assertFalse(Files.exists(target.resolve("old.txt")));
        assertEquals("y", Files.readString(target.resolve("new.txt")));
    }
}
