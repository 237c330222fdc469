package org.spikescope.decode;

/** A classifier of trials from their activity features; fitted on training trials only. */
public interface Decoder {

    /** The name in results tables. */
    String name();

    /**
     * @param features {@code [trial][feature]} of the training trials only
     * @param labels   class per training trial, 0 … classes−1
     */
    Fitted fit(double[][] features, int[] labels, int classes);

    /** A fitted decoder. */
    interface Fitted {
        int predict(double[] features);
    }
}
