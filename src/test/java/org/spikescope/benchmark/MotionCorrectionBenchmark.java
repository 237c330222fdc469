package org.spikescope.benchmark;

import org.spikescope.core.FrameSource;
import org.spikescope.core.ProgressListener;
import org.spikescope.core.Workers;
import org.spikescope.io.FileTrees;
import org.spikescope.io.OutputTarget;
import org.spikescope.motion.CorrectedFormat;
import org.spikescope.motion.FrameRegistration;
import org.spikescope.motion.MotionCorrectionRun;
import org.spikescope.motion.MotionSettings;
import org.spikescope.movie.TiffStackReader;
import org.spikescope.sim.RecordingSimulator;
import org.spikescope.sim.SimulationSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Motion correction speed on 512×512 16-bit frames (a simulated recording with piecewise motion, read from an
 * uncompressed TIFF): frames/s for rigid and piecewise modes, everything included (reading, template, estimation,
 * warping, writing the corrected TIFF and the shifts), and rigid estimation alone as the peer's loop does it.
 * Beside it, in the same session on the same frames, the peer: scikit-image's phase_cross_correlation with
 * upsampling (src/test/python/motion_peer.py, Debian's python3-skimage), estimation alone and with the shift
 * applied.
 * java -cp "target/test-classes:target/classes:target/lib/*" org.spikescope.benchmark.MotionCorrectionBenchmark 1000 300
 */
public final class MotionCorrectionBenchmark {

    private MotionCorrectionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int peerFrames = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Path dir = Files.createTempDirectory("spikescope-motion-bench");
        System.out.printf("machine: %d cores, max heap %d MB, %s %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        try {
            SimulationSettings s = SimulationSettings.builder().frames(frames).width(512).height(512).cells(200)
                    .cellRadius(5).motion("piecewise").maxShift(6).background(1000).build();
            RecordingSimulator.write(s, List.of(), OutputTarget.of(dir.resolve("rec")), ProgressListener.NONE);
            Path tif = dir.resolve("rec").resolve("movie.tif");
            for (String mode : List.of("rigid", "piecewise")) {
                MotionSettings settings = MotionSettings.defaults().withMode(mode).withShape(10, 5);
                try (FrameSource movie = TiffStackReader.open(tif, 20)) {
                    long start = System.nanoTime();
                    long[] streaming = new long[1];
                    ProgressListener clock = new ProgressListener() {
                        @Override
                        public void stage(String name) {
                            if (name.startsWith("Correcting")) {
                                streaming[0] = System.nanoTime();
                            }
                        }

                        @Override
                        public void progress(long done, long total) {
                        }

                        @Override
                        public boolean isCancelled() {
                            return false;
                        }
                    };
                    MotionCorrectionRun run = MotionCorrectionRun.toFolder(movie, settings, OutputTarget.of(dir.resolve(mode)), CorrectedFormat.TIFF,
                            false, clock);
                    long end = System.nanoTime();
                    double seconds = (end - start) / 1e9;
                    double pass = (end - streaming[0]) / 1e9;
                    System.out.printf("SpikeScope %-9s %d frames 512x512: %.1f s, %.1f frames/s all included (read, "
                                    + "template, estimate, warp, write); the correction pass alone %.1f frames/s%s%n",
                            mode, frames, seconds, frames / seconds, frames / pass,
                            run.result().grid() == null ? "" : ", " + run.result().grid().count() + " patches");
                }
            }
            estimationAlone(tif, frames);
            peer(tif, Math.min(peerFrames, frames));
        } finally {
            FileTrees.deleteRecursively(dir);
        }
    }

    /**
     * The peer's loop on our side: the template is the mean of the first 200 frames, then every frame is read and
     * its rigid shift estimated (one registration per core), nothing applied or written.
     */
    private static void estimationAlone(Path tif, int frames) throws Exception {
        MotionSettings settings = MotionSettings.defaults().withShape(10, 5);
        try (FrameSource movie = TiffStackReader.open(tif, 20); Workers pool = new Workers()) {
            int pixels = movie.width() * movie.height();
            double[] sum = new double[pixels];
            float[] frame = new float[pixels];
            int templateFrames = Math.min(200, frames);
            for (int t = 0; t < templateFrames; t++) {
                movie.readFrame(t, frame);
                for (int i = 0; i < pixels; i++) {
                    sum[i] += frame[i];
                }
            }
            float[] template = new float[pixels];
            for (int i = 0; i < pixels; i++) {
                template[i] = (float) (sum[i] / templateFrames);
            }
            long start = System.nanoTime();
            pool.forEach(w -> {
                FrameRegistration registration = new FrameRegistration(movie.width(), movie.height(), settings);
                registration.setTemplate(template);
                float[] own = new float[pixels];
                try {
                    for (int t = w; t < frames; t += pool.count()) {
                        registration.register(movie.readFrame(t, own));
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("SpikeScope rigid estimation alone (as the peer's loop: template = mean of the first %d "
                    + "frames, then read and estimate every frame): %.1f frames/s%n", templateFrames, frames / seconds);
        }
    }

    private static void peer(Path tif, int frames) throws Exception {
        Path script = Path.of("src/test/python/motion_peer.py");
        for (int upsample : new int[]{10, 100}) {
            // Debian's interpreter, where python3-skimage installs
            Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), tif.toString(), "512",
                    String.valueOf(frames), "512", "512", String.valueOf(upsample)).inheritIO().start();
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                System.out.println("peer failed (python3-skimage installed?)");
                return;
            }
            System.out.printf("(peer above: %d frames, upsample_factor=%d, one Python process)%n", frames, upsample);
        }
    }
}
