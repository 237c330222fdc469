package org.spikescope.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.core.InputException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputFolderTest {

    private static void bundle(Path target, String kind, Map<String, String> files) throws Exception {
        bundle(target, kind, false, files);
    }

    private static void bundle(Path target, String kind, boolean overwrite, Map<String, String> files)
            throws Exception {
        try (OutputFolder f = OutputFolder.bundle(new OutputTarget("output", target, overwrite, List.of()), kind)) {
            for (Map.Entry<String, String> e : files.entrySet()) {
                Files.writeString(f.dir().resolve(e.getKey()), e.getValue());
            }
            f.commit();
        }
    }

    private static List<String> visible(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".spikescope")).sorted()
                    .toList();
        }
    }

    @Test
    void uncommittedWorkLeavesTheEarlierResultAndNoDebris(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("results");
        bundle(target, "k", Map.of("a.txt", "first"));
        try (OutputFolder f = OutputFolder.bundle(OutputTarget.of(target), "k")) {
            Files.writeString(f.dir().resolve("a.txt"), "second, never committed");
        }
        assertEquals("first", Files.readString(target.resolve("a.txt")));
        try (Stream<Path> s = Files.list(target)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(OutputFolder.STAGING_PREFIX)));
        }
        assertEquals(List.of("results"), visible(dir));
    }

    @Test
    void aFailedRunIntoANewFolderLeavesNoFolder(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("new");
        try (OutputFolder f = OutputFolder.bundle(OutputTarget.of(target), "k")) {
            Files.writeString(f.dir().resolve("a.txt"), "x");
        }
        assertFalse(Files.exists(target));
    }

    @Test
    void aRerunReplacesOnlyItsOwnFilesAndKeepsTheUsers(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("results");
        bundle(target, "k", Map.of("old.txt", "x", "kept.txt", "1"));
        Files.writeString(target.resolve("notes.txt"), "the user's notes");
        try (OutputFolder f = OutputFolder.bundle(new OutputTarget("output", target, true, List.of()), "k")) {
            Files.writeString(f.dir().resolve("kept.txt"), "2");
            f.commit();
        }
        assertFalse(Files.exists(target.resolve("old.txt")), "a file of the earlier run not written again goes");
        assertEquals("2", Files.readString(target.resolve("kept.txt")));
        assertEquals("the user's notes", Files.readString(target.resolve("notes.txt")));
    }

    @Test
    void aFolderWithOtherFilesIsRefusedWithoutOverwrite(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("0.avi"), "raw recording");
        InputException e = assertThrows(InputException.class,
                () -> OutputFolder.bundle(OutputTarget.of(dir), "k"));
        assertTrue(e.getMessage().contains("0.avi") && e.getMessage().contains("overwrite"), e.getMessage());
        assertEquals(List.of("0.avi"), visible(dir));
        assertEquals("raw recording", Files.readString(dir.resolve("0.avi")));
    }

    @Test
    void overwriteAddsBesideButNeverDeletes(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("traces.csv"), "the user's own table");
        Files.writeString(dir.resolve("raw.avi"), "raw");
        try (OutputFolder f = OutputFolder.bundle(new OutputTarget("output", dir, true, List.of()), "k")) {
            Files.writeString(f.dir().resolve("traces.csv"), "new");
            f.commit();
        }
        assertEquals("new", Files.readString(dir.resolve("traces.csv")));
        assertEquals("raw", Files.readString(dir.resolve("raw.avi")));
        // a second run of another kind does not remove the first kind's files
        bundle(dir, "other", true, Map.of("b.txt", "b"));
        assertEquals(List.of("b.txt", "raw.avi", "traces.csv"), visible(dir));
    }

    @Test
    void aFileChangedByTheUserIsNoLongerSpikeScopes(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("results");
        bundle(target, "k", Map.of("a.txt", "ours"));
        Files.writeString(target.resolve("a.txt"), "edited by hand, longer than before");
        assertThrows(InputException.class, () -> bundle(target, "k", Map.of("a.txt", "again")));
        assertEquals("edited by hand, longer than before", Files.readString(target.resolve("a.txt")));
    }

    @Test
    void fileOutputsRefuseAnInputAndForeignFiles(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("traces.csv");
        Files.writeString(input, "t");
        OutputTarget same = OutputTarget.of("output", input, true, input);
        InputException e = assertThrows(InputException.class, () -> OutputFolder.files(same, "k", List.of(input)));
        assertTrue(e.getMessage().contains("is the input"), e.getMessage());
        Path link = dir.resolve("link.csv");
        Files.createSymbolicLink(link, input);
        assertThrows(InputException.class, () -> OutputFolder.files(OutputTarget.of("output", link, true, input),
                "k", List.of(link)));
        Path foreign = dir.resolve("spikes.csv");
        Files.writeString(foreign, "someone else's");
        assertThrows(InputException.class, () -> OutputFolder.files(OutputTarget.of("output", foreign, false,
                input), "k", List.of(foreign)));
        assertEquals("someone else's", Files.readString(foreign));
        assertEquals("t", Files.readString(input));
    }

    @Test
    void fileOutputsReplaceTheirOwnEarlierFiles(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("spikes.csv");
        for (String text : List.of("first", "second")) {
            try (OutputFolder f = OutputFolder.files(OutputTarget.of("output", out, false), "k", List.of(out))) {
                Files.writeString(f.staged(out), text);
                f.commit();
            }
        }
        assertEquals("second", Files.readString(out));
        assertEquals(List.of("spikes.csv"), visible(dir));
    }

    @Test
    void outputsAroundOrInsideInputsAreRefused(@TempDir Path dir) throws Exception {
        Path session = Files.createDirectories(dir.resolve("mouse1"));
        Path recording = Files.createDirectories(session.resolve("rec"));
        Files.writeString(recording.resolve("0.avi"), "raw");
        for (Path out : List.of(session, recording, recording.resolve("results"))) {
            OutputTarget t = OutputTarget.of("output", out, true, recording);
            assertThrows(InputException.class, () -> OutputFolder.bundle(t, "k"), out.toString());
        }
        Path elsewhere = dir.resolve("results");
        try (OutputFolder f = OutputFolder.bundle(OutputTarget.of("output", elsewhere, false, recording), "k")) {
            f.commit();
        }
        assertEquals("raw", Files.readString(recording.resolve("0.avi")));
    }

    @Test
    void aKilledCommitIsFinishedByTheNextRunAndSeenWhole(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("results");
        bundle(target, "k", Map.of("a.txt", "old a", "b.txt", "old b", "c.txt", "old c"));
        // a commit killed after its journal and the first rename: a.txt new, b.txt staged, c.txt to go
        Path staging = Files.createDirectory(target.resolve(OutputFolder.STAGING_PREFIX + "killed"));
        Files.writeString(staging.resolve("b.txt"), "new b");
        Files.writeString(target.resolve("a.txt"), "new a");
        String journal = "{\"staging\":\"" + staging.getFileName() + "\",\"write\":[\"a.txt\",\"b.txt\"],"
                + "\"remove\":[\"c.txt\"],\"manifest\":{\"format\":1,\"files\":{\"a.txt\":{\"kind\":\"k\"},"
                + "\"b.txt\":{\"kind\":\"k\"}}}}";
        Files.writeString(target.resolve(OutputFolder.JOURNAL), journal);
        Map<String, Path> view = OutputFolder.view(target);
        assertEquals(Set.of("a.txt", "b.txt"), view.keySet());
        assertEquals("new a", Files.readString(view.get("a.txt")));
        assertEquals("new b", Files.readString(view.get("b.txt")));
        // the next run finishes the commit before it starts
        try (OutputFolder f = OutputFolder.bundle(new OutputTarget("output", target, true, List.of()), "other")) {
            assertEquals("new b", Files.readString(target.resolve("b.txt")));
            assertFalse(Files.exists(target.resolve("c.txt")));
            assertFalse(Files.exists(staging));
        }
    }

    @Test
    void aCraftedJournalCannotReachOutsideTheFolder(@TempDir Path dir) throws Exception {
        Path target = Files.createDirectories(dir.resolve("results"));
        Path victim = dir.resolve("victim.txt");
        Files.writeString(victim, "precious");
        Files.writeString(target.resolve(OutputFolder.JOURNAL), "{\"staging\":\".spikescope-staging-x\","
                + "\"write\":[],\"remove\":[\"../victim.txt\"],\"manifest\":{\"format\":1,\"files\":{}}}");
        assertThrows(InputException.class, () -> OutputFolder.bundle(OutputTarget.of(target), "k"));
        assertEquals("precious", Files.readString(victim));
    }

    @Test
    void twoRunsCannotWriteOneFolderAtOnce(@TempDir Path dir) throws Exception {
        try (OutputFolder first = OutputFolder.bundle(OutputTarget.of(dir.resolve("r")), "k")) {
            InputException e = assertThrows(InputException.class,
                    () -> OutputFolder.bundle(OutputTarget.of(dir.resolve("r")), "k"));
            assertTrue(e.getMessage().contains("another SpikeScope run"), e.getMessage());
            first.commit();
        }
    }

    @Test
    void filesAndFoldersGetTheUsersNormalPermissions(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("results");
        bundle(target, "k", Map.of("a.txt", "x"));
        Set<PosixFilePermission> file = Files.getPosixFilePermissions(target.resolve("a.txt"));
        Set<PosixFilePermission> folder = Files.getPosixFilePermissions(target);
        // the test JVM's umask is 022 or 002: others may read what SpikeScope writes
        assertTrue(file.contains(PosixFilePermission.OTHERS_READ), file.toString());
        assertTrue(folder.contains(PosixFilePermission.OTHERS_EXECUTE), folder.toString());
    }

    @Test
    void leftoversOfOlderVersionsAreTidied(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("res");
        Path partial = Files.createDirectories(dir.resolve(".res.partial-123"));
        Files.writeString(partial.resolve("big.tif"), "incomplete");
        Path old = Files.createDirectories(dir.resolve(".res.old-456"));
        Files.writeString(old.resolve("traces.csv"), "earlier result");
        try (OutputFolder f = OutputFolder.bundle(new OutputTarget("output", target, true, List.of()), "k")) {
            f.commit();
        }
        assertFalse(Files.exists(partial));
        assertEquals("earlier result", Files.readString(target.resolve("traces.csv")));
    }
}
