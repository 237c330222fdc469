package org.spikescope.benchmark;

import org.spikescope.core.ProgressListener;
import org.spikescope.register.Alignment;
import org.spikescope.register.RegistrationResult;
import org.spikescope.register.RegistrationRun;
import org.spikescope.register.RegistrationSettings;
import org.spikescope.register.Session;
import org.spikescope.register.SessionRegistration;
import org.spikescope.testing.MultiSessionScenes;
import org.spikescope.testing.SharedData;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Time of "Register Sessions" (issue 21) for five sessions of about 600 cells: the five real sessions of
 * ../shared/data/cellreg (read from their CSVs and registered, rigid and nonrigid) and five simulated sessions of
 * about 600 cells (512×512); each run three times in one JVM after a warm-up, the median reported.
 * java -cp "target/test-classes:target/classes:target/lib/*" org.spikescope.benchmark.RegistrationBenchmark
 */
public final class RegistrationBenchmark {

    private RegistrationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        List<Path> files = new ArrayList<>();
        for (int k = 1; k <= 5; k++) {
            files.add(SharedData.root().resolve("cellreg").resolve("session_" + k + "_footprints.csv.gz"));
        }
        for (Alignment alignment : new Alignment[]{Alignment.RIGID, Alignment.NONRIGID}) {
            RegistrationSettings settings = new RegistrationSettings(1, 2.35, alignment, 14, 0.5, 10);
            time("CellReg's five real sessions, read and registered, " + alignment.label(), () -> {
                List<Session> sessions = RegistrationRun.read(files, ProgressListener.NONE);
                return SessionRegistration.register(sessions, settings, ProgressListener.NONE);
            });
        }
        MultiSessionScenes scenes = MultiSessionScenes.make(512, 512, 800, 5, 5, 0.8, 25, 6, 1);
        time("five simulated 512x512 sessions of " + scenes.sessions().stream().mapToInt(Session::cells).min()
                        .orElse(0) + "-" + scenes.sessions().stream().mapToInt(Session::cells).max().orElse(0)
                        + " cells, rigid",
                () -> SessionRegistration.register(scenes.sessions(), RegistrationSettings.defaults(),
                        ProgressListener.NONE));
    }

    interface Work {
        RegistrationResult run() throws Exception;
    }

    private static void time(String what, Work work) throws Exception {
        work.run();
        double[] seconds = new double[3];
        RegistrationResult r = null;
        for (int i = 0; i < seconds.length; i++) {
            long start = System.nanoTime();
            r = work.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        java.util.Arrays.sort(seconds);
        System.out.printf(Locale.ROOT, "%s: median %.2f s (%.2f-%.2f), %d registered cells, %d pairs%n", what,
                seconds[1], seconds[0], seconds[2], r.cells().size(), r.pairs().size());
    }
}
