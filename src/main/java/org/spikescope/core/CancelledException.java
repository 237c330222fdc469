package org.spikescope.core;

/** Thrown inside a stage when the user cancels; earlier results stay untouched. */
public class CancelledException extends RuntimeException {

    public CancelledException() {
        super("cancelled by the user");
    }
}
