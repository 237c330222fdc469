// SpikeScope batch: the whole pipeline (motion, neurons, traces, spikes) on every recording in a folder.
// Arguments: "<folder of recordings>,<output folder>"; asked for when empty. Each recording gets its bundle in the
// output folder; batch_summary.csv lists them all, failures with their message.
// Headless: ImageJ --headless -batch macros/batch_folder.ijm "/data/mice,/data/results"
arg = getArgument();
if (arg == "") {
	input = getDirectory("Choose the folder of recordings");
	output = getDirectory("Choose the output folder");
} else {
	parts = split(arg, ",");
	input = parts[0];
	output = parts[1];
}
run("Batch Process Folder", "input=[" + input + "] output=[" + output + "]");
print("SpikeScope batch: " + nResults + " recordings; summary in " + output + File.separator + "batch_summary.csv");
