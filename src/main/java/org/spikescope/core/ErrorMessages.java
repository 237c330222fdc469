package org.spikescope.core;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.ExecutionException;

/** One line for a failure, naming the file or parameter: what users see instead of a stack trace. */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    public static String describe(Throwable t) {
        Throwable e = unwrap(t);
        if (e instanceof InputException || e instanceof CancelledException) {
            return e.getMessage();
        }
        if (e instanceof NoSuchFileException n) {
            return n.getFile() + ": no such file or folder";
        }
        if (e instanceof AccessDeniedException a) {
            return a.getFile() + ": permission denied";
        }
        if (e instanceof FileSystemException f) {
            return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : f.getClass().getSimpleName());
        }
        if (e instanceof IOException) {
            return "input/output error: " + e.getMessage();
        }
        if (e instanceof OutOfMemoryError) {
            // readers check what headers declare against the files first: this is a really large input
            return "out of memory: the input needs more memory than Java has (Fiji: Edit > Options > Memory & "
                    + "Threads; java -Xmx)";
        }
        return "internal error (" + e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage()
                : "") + "); please report it with the log";
    }

    /** True for errors the user can fix (bad input, cancellation, files), false for bugs. */
    public static boolean isUserError(Throwable t) {
        Throwable e = unwrap(t);
        return e instanceof InputException || e instanceof CancelledException || e instanceof IOException;
    }

    public static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof UncheckedIOException || e instanceof ExecutionException
                || (e instanceof RuntimeException && e.getClass() == RuntimeException.class))
                && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
