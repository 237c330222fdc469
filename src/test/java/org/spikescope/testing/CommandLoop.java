package org.spikescope.testing;

import org.spikescope.fiji.launcher.HeadlessLauncher;

/**
 * A child JVM for the kill tests: runs one command again and again through the headless launcher, alternating
 * between two option strings, until it is killed (or {@code count} runs are done). Exits with the first failing
 * run's code.
 *
 * <p>Arguments: label, options A, options B, count.
 */
public final class CommandLoop {

    private CommandLoop() {
    }

    public static void main(String[] args) {
        int count = Integer.parseInt(args[3]);
        for (int i = 0; i < count; i++) {
            int code = HeadlessLauncher.run(new String[] {"--headless", "--run", args[0], args[1 + i % 2]},
                    System.out, System.err);
            if (code != 0) {
                System.exit(code);
            }
        }
        System.exit(0);
    }
}
