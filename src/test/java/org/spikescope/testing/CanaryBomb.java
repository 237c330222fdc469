package org.spikescope.testing;

import java.io.Serializable;

/**
 * Marks, in a system property, that something loaded and initialised this class (what Java deserialisation or
 * {@code Class.forName} of a name read from a file would do). Tests check that nothing ever does.
 */
public class CanaryBomb implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String PROPERTY = "spikescope.test.canary";

    static {
        System.setProperty(PROPERTY, "initialised");
    }
}
