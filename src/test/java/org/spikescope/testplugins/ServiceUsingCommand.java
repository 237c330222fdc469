package org.spikescope.testplugins;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** A test-only command that needs a SciJava service, to check that the runner injects services. */
@Plugin(type = Command.class, label = "Service Using Test Command")
public class ServiceUsingCommand implements Command {

    @Parameter
    LogService log;

    @Parameter(min = "1")
    int n = 2;

    @Parameter(type = ItemIO.OUTPUT)
    String result;

    @Override
    public void run() {
        result = (log != null ? "log" : "no log") + " x" + n;
    }
}
