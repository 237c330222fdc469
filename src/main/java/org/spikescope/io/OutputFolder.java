package org.spikescope.io;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.spikescope.core.InputException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes a set of named files (and folders) into a user's folder all-or-nothing, touching nothing else there.
 * <ul>
 * <li>Files are written into a hidden staging folder inside the target, then moved in by renames.</li>
 * <li>The commit point is the journal ({@value #JOURNAL}), written atomically once every file is complete: it lists
 * what moves in and what earlier files of the same kind go. A run killed after it is finished by the next run into
 * the folder (or seen through by {@link #view}); a run killed before it changes nothing the user can see.</li>
 * <li>The manifest ({@value #MANIFEST}) records what SpikeScope wrote there (size and time of each file). A file of
 * the same name that SpikeScope did not write, or that changed since, is replaced only with {@code overwrite}; a
 * file SpikeScope did not write is never deleted; a results folder holding other files is refused unless
 * {@code overwrite}.</li>
 * <li>A lock ({@value #LOCK}) keeps two runs from writing one folder at once, so that leftovers of killed runs can
 * be removed safely.</li>
 * </ul>
 * Files keep the user's normal permissions (the umask).
 */
public final class OutputFolder implements AutoCloseable {

    public static final String MANIFEST = ".spikescope-manifest.json";
    static final String JOURNAL = ".spikescope-commit.json";
    static final String LOCK = ".spikescope.lock";
    static final String STAGING_PREFIX = ".spikescope-staging-";
    private static final String REPLACED = ".replaced";
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * Fault injection for the kill tests: the JVM halts (as if killed) before step N of a commit (1 = the journal,
     * then each rename and removal, the manifest, the journal's removal); unset in normal use.
     */
    private static final int HALT_BEFORE_STEP = Integer.getInteger("spikescope.test.haltBeforeCommitStep", 0);

    /** What SpikeScope wrote into a folder. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Manifest(int format, Map<String, Entry> files) {
        Manifest {
            files = files == null ? Map.of() : files;
        }
    }

    /** One file or folder SpikeScope wrote: by which kind of run, its size and modification time (ms). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(String kind, long size, long modified, boolean folder) {
    }

    /** The commit in progress: staged names to move in, earlier names to remove, the manifest afterwards. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Journal(String staging, List<String> write, List<String> remove, Manifest manifest) {
    }

    private final Path target;
    /** Where files are staged; null once a commit could not finish (the next run finishes it). */
    private Path staging;
    private final String kind;
    /** The command's parameter that named the output, for messages. */
    private final String parameter;
    private final boolean overwrite;
    /** A results folder of its own: an earlier result of the same kind is replaced whole. */
    private final boolean bundle;
    private final boolean createdTarget;
    private final boolean createdLock;
    private final FileChannel lockFile;
    private final FileLock lock;
    private boolean committedOnce;
    /** Names of other kinds that the next commit removes (when SpikeScope wrote them): see {@link #removeAtCommit}. */
    private final java.util.Set<String> stale = new java.util.HashSet<>();

    private OutputFolder(Path target, String kind, String parameter, boolean overwrite, boolean bundle,
                         boolean createdTarget, boolean createdLock, FileChannel lockFile, FileLock lock,
                         Path staging) {
        this.target = target;
        this.kind = kind;
        this.parameter = parameter;
        this.overwrite = overwrite;
        this.bundle = bundle;
        this.createdTarget = createdTarget;
        this.createdLock = createdLock;
        this.lockFile = lockFile;
        this.lock = lock;
        this.staging = staging;
    }

    /**
     * A results folder of its own (a bundle): refused when it is, holds or sits inside an input, and when it holds
     * anything SpikeScope did not write unless {@code overwrite}. Files of an earlier run of the same {@code kind}
     * that this run does not write again are removed at the commit.
     */
    public static OutputFolder bundle(OutputTarget out, String kind) throws IOException {
        return bundle(out, kind, java.util.Set.of());
    }

    /**
     * As {@link #bundle(OutputTarget, String)}; {@code readHere} names files in the folder that this run reads as
     * its own input (a user's edits to the bundle's decisions): they do not make the folder foreign.
     */
    public static OutputFolder bundle(OutputTarget out, String kind, java.util.Set<String> readHere)
            throws IOException {
        if (Files.exists(out.path()) && !Files.isDirectory(out.path())) {
            throw new InputException("parameter '" + out.parameter() + "': " + out.path()
                    + " is a file; expected a folder");
        }
        out.checkFolder();
        LegacyLeftovers.tidy(out.path());
        OutputFolder folder = open(out.path(), kind, out.parameter(), out.overwrite(), true);
        try {
            folder.refuseForeignFiles(readHere);
            return folder;
        } catch (RuntimeException | IOException e) {
            folder.close();
            throw e;
        }
    }

    /**
     * Files written beside others in an existing folder (a command's file output): only the staged names are
     * touched, each refused when it is an input or replaces a file SpikeScope did not write (unless
     * {@code overwrite}). Stage the files with {@link #staged(Path)}.
     *
     * @param written every file the command will write (the output and its siblings), checked before any work
     */
    public static OutputFolder files(OutputTarget out, String kind, Collection<Path> written) throws IOException {
        if (Files.isDirectory(out.path())) {
            throw new InputException("parameter '" + out.parameter() + "': " + out.path()
                    + " is a folder; expected a file name");
        }
        out.checkFiles(written);
        OutputFolder folder = open(out.path().getParent(), kind, out.parameter(), out.overwrite(), false);
        try {
            for (Path file : written) {
                folder.refuseReplacing(file.getFileName().toString());
            }
            return folder;
        } catch (RuntimeException | IOException e) {
            folder.close();
            throw e;
        }
    }

    private static OutputFolder open(Path target, String kind, String parameter, boolean overwrite, boolean bundle)
            throws IOException {
        boolean created = !Files.exists(target);
        Files.createDirectories(target);
        boolean createdLock = !Files.exists(target.resolve(LOCK));
        FileChannel channel = FileChannel.open(target.resolve(LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new InputException(target + " is being written by another SpikeScope run; wait for it to end");
        }
        try {
            recover(target);
            return new OutputFolder(target, kind, parameter, overwrite, bundle, created, createdLock, channel, lock,
                    newStaging(target));
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
        }
    }

    private static Path newStaging(Path target) throws IOException {
        Path staging = target.resolve(STAGING_PREFIX + Long.toHexString(RANDOM.nextLong()));
        Files.createDirectory(staging);
        return staging;
    }

    /** The folder to write into until {@link #commit()}. */
    public Path dir() {
        return staging;
    }

    /** Where {@code file} (a path in the target folder) is written until the commit. */
    public Path staged(Path file) {
        return staging.resolve(file.getFileName().toString());
    }

    public Path target() {
        return target;
    }

    /**
     * Removes {@code name}, written by another kind of run into this folder, at the next commit (e.g. a curation's
     * copy of an extraction that this run replaces); a file SpikeScope did not write is never removed.
     */
    public void removeAtCommit(String name) {
        checkName(name);
        stale.add(name);
    }

    /** Whether the user allowed replacing files SpikeScope did not write. */
    public boolean overwrite() {
        return overwrite;
    }

    /**
     * Moves every staged file into the target folder, all-or-nothing for any reader; staging starts afresh, so a
     * long run (a batch) may commit again.
     */
    public void commit() throws IOException {
        List<String> write = new ArrayList<>();
        try (Stream<Path> entries = Files.list(staging)) {
            entries.map(p -> p.getFileName().toString()).sorted().forEach(write::add);
        }
        Manifest before = readManifest(target);
        Map<String, Entry> files = new TreeMap<>();
        List<String> remove = new ArrayList<>();
        for (Map.Entry<String, Entry> e : before.files().entrySet()) {
            String name = e.getKey();
            if (write.contains(name) || !owns(target, before, name)) {
                continue;
            }
            if (bundle && kind.equals(e.getValue().kind()) || stale.contains(name)) {
                remove.add(name);
            } else {
                files.put(name, e.getValue());
            }
        }
        for (String name : write) {
            checkName(name);
            refuseReplacing(name);
            Path p = staging.resolve(name);
            boolean folder = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
            files.put(name, new Entry(kind, folder ? 0 : Files.size(p),
                    folder ? 0 : Files.getLastModifiedTime(p).toMillis(), folder));
        }
        Journal journal = new Journal(staging.getFileName().toString(), write, remove, new Manifest(1, files));
        step(1);
        FileTrees.writeAtomically(target.resolve(JOURNAL), temp -> Json.MAPPER.writeValue(temp.toFile(), journal));
        committedOnce = true;
        staging = null;
        finish(target, journal);
        staging = newStaging(target);
    }

    /** Discards the staged files unless they were committed; a folder this run created and left empty goes too. */
    @Override
    public void close() throws IOException {
        try {
            if (staging != null) {
                FileTrees.deleteRecursively(staging);
            }
            if (!committedOnce && createdLock) {
                // a run that wrote nothing leaves the folder as it found it
                Files.deleteIfExists(target.resolve(LOCK));
            }
        } finally {
            lock.release();
            lockFile.close();
        }
        if (createdTarget && !committedOnce && isEmpty(target)) {
            Files.deleteIfExists(target);
        }
    }

    /**
     * The files of the folder's latest complete result as a reader should see them, by name: a commit under way
     * (its journal written) counts as done. Empty for a folder SpikeScope never wrote. Changes nothing.
     */
    public static Map<String, Path> view(Path folder) throws IOException {
        Map<String, Path> view = new TreeMap<>();
        Journal journal = readJournal(folder);
        if (journal != null) {
            Path staging = folder.resolve(journal.staging());
            for (String name : journal.manifest().files().keySet()) {
                Path staged = staging.resolve(name);
                boolean moving = journal.write().contains(name) && Files.exists(staged, LinkOption.NOFOLLOW_LINKS);
                view.put(name, moving ? staged : folder.resolve(name));
            }
            return view;
        }
        Manifest manifest = readManifest(folder);
        for (String name : manifest.files().keySet()) {
            if (owns(folder, manifest, name)) {
                view.put(name, folder.resolve(name));
            }
        }
        return view;
    }

    /** True when the folder holds a complete result of {@code kind} (after finishing a commit under way). */
    public static boolean holdsResult(Path folder, String kind) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        Journal journal = readJournal(folder);
        Manifest manifest = journal != null ? journal.manifest() : readManifest(folder);
        return manifest.files().values().stream().anyMatch(e -> kind.equals(e.kind()));
    }

    private void refuseForeignFiles(java.util.Set<String> readHere) throws IOException {
        if (overwrite) {
            return;
        }
        Manifest manifest = readManifest(target);
        List<String> foreign = new ArrayList<>();
        try (Stream<Path> entries = Files.list(target)) {
            entries.map(p -> p.getFileName().toString())
                    .filter(name -> !isOurs(name) && !owns(target, manifest, name) && !readHere.contains(name)
                            && !isResultFolder(target.resolve(name)))
                    .sorted().forEach(foreign::add);
        }
        if (!foreign.isEmpty()) {
            throw new InputException("parameter '" + parameter + "': " + target + " holds files SpikeScope "
                    + "did not write (" + String.join(", ", foreign.subList(0, Math.min(3, foreign.size())))
                    + (foreign.size() > 3 ? ", …" : "") + "); choose a new or empty folder, or set overwrite to "
                    + "write SpikeScope's files beside them (nothing else is touched)");
        }
    }

    private void refuseReplacing(String name) throws IOException {
        Path existing = target.resolve(name);
        if (overwrite || !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)
                || owns(target, readManifest(target), name)) {
            return;
        }
        throw new InputException("parameter '" + parameter + "': " + existing + " exists and was not written by "
                + "SpikeScope (or was changed since); choose another name, or set overwrite to replace it");
    }

    /** Finishes a commit whose journal is written: moves the staged files in, removes the stale ones. */
    private static void finish(Path target, Journal journal) throws IOException {
        Path staging = target.resolve(journal.staging());
        Path replaced = staging.resolve(REPLACED);
        int step = 2;
        for (String name : journal.write()) {
            step(step++);
            Path from = staging.resolve(name);
            if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
                continue; // moved before a kill
            }
            Path to = target.resolve(name);
            boolean plainFiles = !Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)
                    && !Files.isDirectory(to, LinkOption.NOFOLLOW_LINKS);
            if (!plainFiles && Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(replaced);
                FileTrees.deleteRecursively(replaced.resolve(name));
                Files.move(to, replaced.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        for (String name : journal.remove()) {
            step(step++);
            FileTrees.deleteRecursively(target.resolve(name));
        }
        step(step++);
        FileTrees.writeAtomically(target.resolve(MANIFEST),
                temp -> Json.MAPPER.writeValue(temp.toFile(), journal.manifest()));
        step(step);
        Files.delete(target.resolve(JOURNAL));
        FileTrees.deleteRecursively(staging);
    }

    private static void step(int step) {
        if (step == HALT_BEFORE_STEP) {
            Runtime.getRuntime().halt(137);
        }
    }

    /** Under the lock: finishes a commit a killed run left, then removes killed runs' staging folders. */
    private static void recover(Path target) throws IOException {
        Journal journal = readJournal(target);
        if (journal != null) {
            finish(target, journal);
        }
        try (Stream<Path> entries = Files.list(target)) {
            for (Path p : entries.filter(p -> p.getFileName().toString().startsWith(STAGING_PREFIX)).toList()) {
                FileTrees.deleteRecursively(p);
            }
        }
        FileTrees.removeLeftoverTemps(target);
    }

    private static Journal readJournal(Path folder) throws IOException {
        Path file = folder.resolve(JOURNAL);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Journal j;
        try {
            j = Json.MAPPER.readValue(file.toFile(), Journal.class);
        } catch (IOException e) {
            throw new InputException(file + ": unreadable SpikeScope commit record (" + e.getMessage()
                    + "); remove it by hand after checking the folder");
        }
        if (j.staging() == null || !j.staging().startsWith(STAGING_PREFIX) || j.write() == null
                || j.remove() == null || j.manifest() == null) {
            throw new InputException(file + ": malformed SpikeScope commit record; remove it by hand after "
                    + "checking the folder");
        }
        checkName(j.staging());
        j.write().forEach(OutputFolder::checkName);
        j.remove().forEach(OutputFolder::checkName);
        j.manifest().files().keySet().forEach(OutputFolder::checkName);
        return j;
    }

    /** The folder's manifest; an absent or unreadable one owns nothing (so nothing is replaced or removed). */
    private static Manifest readManifest(Path folder) {
        Path file = folder.resolve(MANIFEST);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return new Manifest(1, Map.of());
        }
        try {
            Manifest m = Json.MAPPER.readValue(file.toFile(), Manifest.class);
            Map<String, Entry> valid = new LinkedHashMap<>();
            m.files().forEach((name, e) -> {
                if (e != null && isPlainName(name)) {
                    valid.put(name, e);
                }
            });
            return new Manifest(m.format(), valid);
        } catch (IOException e) {
            return new Manifest(1, Map.of());
        }
    }

    /** SpikeScope wrote {@code name} and nobody changed it since (same kind of entry, size and time). */
    private static boolean owns(Path folder, Manifest manifest, String name) {
        Entry e = manifest.files().get(name);
        if (e == null) {
            return false;
        }
        Path p = folder.resolve(name);
        try {
            if (e.folder()) {
                return Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
            }
            return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Files.size(p) == e.size()
                    && Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis() == e.modified();
        } catch (IOException x) {
            return false;
        }
    }

    /** A sub-folder holding SpikeScope results of its own (a batch's recordings). */
    private static boolean isResultFolder(Path p) {
        return Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && (Files.isRegularFile(p.resolve(MANIFEST))
                || Files.isRegularFile(p.resolve(JOURNAL)));
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    /** SpikeScope's own bookkeeping files (manifest, journal, lock, staging folders, temporary files). */
    static boolean isOurs(String name) {
        return name.startsWith(".spikescope");
    }

    /** A name of one entry of the folder itself: nothing that could reach above or below it. */
    private static boolean isFileName(String name) {
        return name != null && !name.isEmpty() && !name.equals(".") && !name.equals("..") && !name.contains("/")
                && !name.contains("\\") && !name.contains("\0");
    }

    private static boolean isPlainName(String name) {
        return isFileName(name) && !isOurs(name);
    }

    private static void checkName(String name) {
        if (!isFileName(name)) {
            throw new InputException("a SpikeScope commit record names '" + name + "', which is not a plain file "
                    + "name");
        }
    }
}
