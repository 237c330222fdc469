package org.spikescope.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * What versions before 0.2 left beside a results folder when killed: {@code .<name>.partial-*} staging folders
 * (incomplete results) and {@code .<name>.old-*} (the earlier results, moved aside during a commit). The staging
 * folders are removed; an earlier result whose folder is missing is put back.
 */
final class LegacyLeftovers {

    private LegacyLeftovers() {
    }

    static void tidy(Path results) throws IOException {
        Path parent = results.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        String name = results.getFileName().toString();
        List<Path> partial;
        List<Path> old;
        try (Stream<Path> entries = Files.list(parent)) {
            List<Path> all = entries.filter(Files::isDirectory).toList();
            partial = all.stream().filter(p -> p.getFileName().toString().startsWith("." + name + ".partial-"))
                    .toList();
            old = all.stream().filter(p -> p.getFileName().toString().startsWith("." + name + ".old-")).toList();
        }
        for (Path p : partial) {
            FileTrees.deleteRecursively(p);
        }
        if (!Files.exists(results) && old.size() == 1) {
            Files.move(old.get(0), results, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
