package org.spikescope.core;

import java.io.IOException;
import java.util.List;

/**
 * A movie seen through another: everything is the viewed movie's but what the view overrides (its times, its
 * pixels). Closing the view closes the viewed movie unless the view says otherwise.
 */
public interface MovieView extends FrameSource {

    FrameSource viewed();

    @Override
    default int width() {
        return viewed().width();
    }

    @Override
    default int height() {
        return viewed().height();
    }

    @Override
    default int frameCount() {
        return viewed().frameCount();
    }

    @Override
    default int bitDepth() {
        return viewed().bitDepth();
    }

    @Override
    default FrameTimes times() {
        return viewed().times();
    }

    @Override
    default float[] readFrame(int index, float[] target) throws IOException {
        return viewed().readFrame(index, target);
    }

    @Override
    default String description() {
        return viewed().description();
    }

    @Override
    default boolean storedInFiles() {
        return viewed().storedInFiles();
    }

    @Override
    default List<FrameGap> gaps() {
        return viewed().gaps();
    }

    @Override
    default List<Integer> damagedFrames() {
        return viewed().damagedFrames();
    }

    @Override
    default void close() throws IOException {
        viewed().close();
    }
}
