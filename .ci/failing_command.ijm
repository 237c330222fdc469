// A command that fails (its input does not exist) must stop the macro that called it: the line after it never runs.
run("Deconvolve Spikes", "input=[" + getArgument() + "] output=[" + getDirectory("temp") + "spikescope_never.csv]");
print("AFTER THE FAILURE");
