package org.spikescope.core;

/**
 * How a stage reports progress and learns of cancellation, free of any GUI type.
 * Fiji shows it in the status and progress bars; headless runs print a log line per stage.
 */
public interface ProgressListener {

    ProgressListener NONE = new ProgressListener() {
        @Override
        public void stage(String name) {
        }

        @Override
        public void progress(long done, long total) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** A new stage starts (e.g. "Rendering frames"). */
    void stage(String name);

    /** Work done so far in the current stage. */
    void progress(long done, long total);

    boolean isCancelled();

    /** Throws {@link CancelledException} when the user asked to stop. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }
}
