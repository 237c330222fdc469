package org.spikescope.testing;

import org.spikescope.fiji.launcher.HeadlessLauncher;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the headless launcher in-process, as batch users run it, capturing its exit code and output. */
public final class HeadlessRuns {

    private HeadlessRuns() {
    }

    public record Run(int code, String out, String err) {
    }

    public static Run launch(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = HeadlessLauncher.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
