package org.spikescope.movie;

import org.spikescope.core.FrameGap;
import org.spikescope.core.FrameSource;
import org.spikescope.core.FrameTimes;
import org.spikescope.core.InputException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Several movie files played one after another (a Miniscope folder's 0.avi, 1.avi, …), with their own times. */
final class ConcatenatedFrameSource implements FrameSource {

    private final List<? extends FrameSource> parts;
    private final int[] starts;
    private final FrameTimes times;
    private final List<FrameGap> gaps;
    private final List<Integer> damaged;
    private final String description;

    ConcatenatedFrameSource(List<? extends FrameSource> parts, FrameTimes times, List<FrameGap> gaps,
                            String description) {
        if (parts.isEmpty()) {
            throw new InputException(description + ": no movie files found");
        }
        FrameSource first = parts.get(0);
        this.starts = new int[parts.size() + 1];
        List<Integer> bad = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            FrameSource p = parts.get(i);
            if (p.width() != first.width() || p.height() != first.height()) {
                throw new InputException(p.description() + ": frames are " + p.width() + "x" + p.height()
                        + " but " + first.description() + " has " + first.width() + "x" + first.height());
            }
            for (int d : p.damagedFrames()) {
                bad.add(starts[i] + d);
            }
            starts[i + 1] = starts[i] + p.frameCount();
        }
        if (times.size() != starts[parts.size()]) {
            throw new IllegalArgumentException(times.size() + " frame times for " + starts[parts.size()] + " frames");
        }
        this.parts = List.copyOf(parts);
        this.times = times;
        this.gaps = List.copyOf(gaps);
        this.damaged = List.copyOf(bad);
        this.description = description;
    }

    /** Total frames of {@code parts}. */
    static int countFrames(List<? extends FrameSource> parts) {
        return parts.stream().mapToInt(FrameSource::frameCount).sum();
    }

    @Override
    public int width() {
        return parts.get(0).width();
    }

    @Override
    public int height() {
        return parts.get(0).height();
    }

    @Override
    public int frameCount() {
        return starts[parts.size()];
    }

    @Override
    public int bitDepth() {
        return parts.get(0).bitDepth();
    }

    @Override
    public FrameTimes times() {
        return times;
    }

    @Override
    public float[] readFrame(int index, float[] target) throws IOException {
        if (index < 0 || index >= frameCount()) {
            throw new IndexOutOfBoundsException("frame " + index + " of " + frameCount());
        }
        int part = 0;
        while (starts[part + 1] <= index) {
            part++;
        }
        return parts.get(part).readFrame(index - starts[part], target);
    }

    @Override
    public boolean storedInFiles() {
        return parts.stream().allMatch(FrameSource::storedInFiles);
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<FrameGap> gaps() {
        return gaps;
    }

    @Override
    public List<Integer> damagedFrames() {
        return damaged;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (FrameSource p : parts) {
            try {
                p.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
