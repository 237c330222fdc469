// SpikeScope: correct the motion of a recording, then find its neurons and measure them.
// Writes <recording>_motion (corrected movie, shifts) and <recording>_cells (traces.csv, RoiSet.zip, results.h5)
// beside the recording: SpikeScope never writes into a recording.
// Argument: the recording (a Miniscope folder, TIFF, HDF5 or AVI); asked for when empty.
// Headless: ImageJ --headless -batch macros/correct_and_detect.ijm /path/to/recording
input = getArgument();
if (input == "") input = getDirectory("Choose a Miniscope recording folder");
if (endsWith(input, "/") || endsWith(input, "\\")) input = substring(input, 0, lengthOf(input) - 1);
base = input;
if (!File.isDirectory(input)) base = File.getParent(input) + File.separator + File.getNameWithoutExtension(input);
motion = base + "_motion";
cells = base + "_cells";
run("Correct Motion", "input=[" + input + "] output=[" + motion + "] mode=rigid cellRadius=5");
run("Detect Neurons", "input=[" + motion + File.separator + "motion_corrected.tif] output=[" + cells + "] cellRadius=5");
// the Results table holds the traces (time_s, then one column per cell), one row per frame
print("SpikeScope measured its cells in " + nResults + " frames; results in " + cells);
