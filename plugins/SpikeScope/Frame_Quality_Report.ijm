// Plugins > SpikeScope > Frame Quality Report
// Drop-in macro plugin: opens a recording (Miniscope folder, TIFF, HDF5 or AVI) and saves the table of dropped
// and corrupted frames next to it, as <name>_frame_report.csv (SpikeScope never writes into a recording).
// Headless: ImageJ --headless -batch plugins/SpikeScope/Frame_Quality_Report.ijm /path/to/recording
input = getArgument();
if (input == "") input = getDirectory("Choose a Miniscope recording folder");
if (endsWith(input, "/") || endsWith(input, "\\")) input = substring(input, 0, lengthOf(input) - 1);
base = input;
if (!File.isDirectory(input)) base = File.getParent(input) + File.separator + File.getNameWithoutExtension(input);
report = base + "_frame_report.csv";
run("Open Miniscope Recording", "input=[" + input + "] report=[" + report + "]");
print("Frame report written to " + report);
