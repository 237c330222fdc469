package org.spikescope.register;

import org.spikescope.core.InputException;
import org.spikescope.core.ProgressListener;
import org.spikescope.io.OutputFolder;
import org.spikescope.io.OutputTarget;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** "Register Sessions" end to end: the sessions read from their files, registered, the results written atomically. */
public final class RegistrationRun {

    private RegistrationRun() {
    }

    /** Reads every session, naming the parameter and the file in any error. */
    public static List<Session> read(List<Path> files, ProgressListener progress) throws IOException {
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            progress.checkCancelled();
            progress.stage("Reading session " + (i + 1) + " of " + files.size());
            try {
                sessions.add(SessionFiles.read(files.get(i)));
            } catch (InputException e) {
                throw new InputException("parameter 'sessions', session " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return sessions;
    }

    public static RegistrationResult toFolder(List<Path> files, RegistrationSettings settings, OutputTarget output,
                                              ProgressListener progress) throws IOException {
        settings.validate();
        if (files.size() < 2) {
            throw new InputException("parameter 'sessions': " + files.size() + " session given; registration needs "
                    + "two or more (comma-separated)");
        }
        SessionRegistration.checkReference(settings, files.size());
        try (OutputFolder folder = OutputFolder.bundle(output, "registration")) {
            RegistrationResult result = SessionRegistration.register(read(files, progress), settings, progress);
            progress.stage("Writing results");
            RegistrationOutputs.write(result, folder.dir());
            folder.commit();
            return result;
        }
    }
}
