package org.spikescope.movie;

import org.spikescope.core.FrameGap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds dropped frames from jumps in the acquisition's frame numbers and from time-stamp intervals much longer
 * than the typical one (more than 1.5 median intervals).
 */
public final class FrameGapFinder {

    static final double GAP_FACTOR = 1.5;

    private FrameGapFinder() {
    }

    /**
     * @param frameNumbers the acquisition's frame counter per stored frame, or null when there is none
     * @param seconds      time stamp of every stored frame
     */
    public static List<FrameGap> find(long[] frameNumbers, double[] seconds) {
        List<FrameGap> gaps = new ArrayList<>();
        double median = new org.spikescope.core.FrameTimes(seconds).medianInterval();
        for (int i = 0; i + 1 < seconds.length; i++) {
            double dt = seconds[i + 1] - seconds[i];
            long byNumber = frameNumbers == null ? 0 : frameNumbers[i + 1] - frameNumbers[i] - 1;
            long byTime = median > 0 && dt > GAP_FACTOR * median ? Math.round(dt / median) - 1 : 0;
            if (byNumber > 0 || byTime > 0) {
                StringBuilder evidence = new StringBuilder();
                if (byNumber > 0) {
                    evidence.append("frame number jumps from ").append(frameNumbers[i]).append(" to ")
                            .append(frameNumbers[i + 1]);
                }
                if (byTime > 0) {
                    if (evidence.length() > 0) {
                        evidence.append("; ");
                    }
                    evidence.append(String.format(Locale.ROOT, "%.1f ms between frames, typical %.1f ms",
                            dt * 1000, median * 1000));
                }
                gaps.add(new FrameGap(i, (int) Math.max(byNumber, byTime), dt, evidence.toString()));
            }
        }
        return gaps;
    }
}
