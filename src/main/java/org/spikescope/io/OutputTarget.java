package org.spikescope.io;

import org.spikescope.core.InputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Where a command is asked to write, with what it reads: an output is refused when it is, holds or sits inside one
 * of the inputs (compared after resolving symbolic links), so that no run can write over or around the recording it
 * analyses. {@code overwrite} lets a run replace files of the same names that SpikeScope did not write; it never
 * lets it delete anything.
 *
 * @param parameter the command's parameter that named the output, for messages
 */
public record OutputTarget(String parameter, Path path, boolean overwrite, List<Path> inputs) {

    public OutputTarget {
        Objects.requireNonNull(path, "path");
        path = path.toAbsolutePath().normalize();
        inputs = inputs.stream().filter(Objects::nonNull).map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /** An output with no inputs to protect beyond what is already there (tests, simulations). */
    public static OutputTarget of(Path path) {
        return new OutputTarget("output", path, false, List.of());
    }

    public static OutputTarget of(String parameter, Path path, boolean overwrite, Path... inputs) {
        List<Path> list = new ArrayList<>();
        for (Path p : inputs) {
            if (p != null && !p.toString().isEmpty()) {
                list.add(p);
            }
        }
        return new OutputTarget(parameter, path, overwrite, list);
    }

    /** Refuses a folder output that is, holds or sits inside an input. */
    public void checkFolder() {
        Path out = resolved(path);
        for (Path input : inputs) {
            Path in = resolved(input);
            if (out.equals(in)) {
                throw refusal("is the input " + input);
            }
            if (in.startsWith(out)) {
                throw refusal("holds the input " + input);
            }
            if (out.startsWith(in)) {
                throw refusal("is inside the input " + input);
            }
        }
    }

    /** Refuses files to be written that are an input (or a link to one) or sit inside an input folder. */
    public void checkFiles(Collection<Path> written) {
        for (Path file : written) {
            Path out = resolved(file.toAbsolutePath().normalize());
            for (Path input : inputs) {
                Path in = resolved(input);
                if (out.equals(in) || sameFile(file, input)) {
                    throw refusal(file.equals(path) ? "is the input " + input
                            : "would replace the input " + input + " (with " + file.getFileName() + ")");
                }
                if (out.startsWith(in)) {
                    throw refusal("is inside the input " + input);
                }
            }
        }
    }

    private InputException refusal(String why) {
        return new InputException("parameter '" + parameter + "': " + path + " " + why
                + "; SpikeScope never writes over or around its inputs: choose another output");
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** The path with every existing part's symbolic links resolved; the parts that do not exist yet appended. */
    static Path resolved(Path p) {
        Path existing = p;
        Path rest = null;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            Path name = existing.getFileName();
            rest = rest == null ? name : name.resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return p;
        }
        try {
            Path real = existing.toRealPath();
            return rest == null ? real : real.resolve(rest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
