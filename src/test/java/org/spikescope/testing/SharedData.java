package org.spikescope.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared/data; tests that need it are skipped, saying why, when it is absent. */
public final class SharedData {

    private SharedData() {
    }

    public static Path root() {
        String configured = System.getProperty("spikescope.shared.data");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "shared", "data");
        return root.toAbsolutePath().normalize();
    }

    /** The path below the data root, or a skipped test when it is missing. */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            String why = "real data not found at " + p + " (../shared/data is absent): test skipped";
            System.out.println(why);
            Assumptions.abort(why);
        }
        return p;
    }
}
