package org.spikescope.core;

/**
 * Bad input from a user: the message names the file or parameter, the field and what was expected.
 * Front ends show the message alone, never a stack trace.
 */
public class InputException extends RuntimeException {

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
