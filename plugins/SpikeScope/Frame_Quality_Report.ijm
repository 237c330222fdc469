// Plugins > SpikeScope > Frame Quality Report
// Drop-in macro plugin: opens a recording (Miniscope folder, TIFF, HDF5 or AVI) and saves the table of dropped
// and corrupted frames next to it, as frame_report.csv (folders) or <name>_frame_report.csv (files).
// Headless: ImageJ --headless -batch plugins/SpikeScope/Frame_Quality_Report.ijm /path/to/recording
input = getArgument();
if (input == "") input = getDirectory("Choose a Miniscope recording folder");
if (endsWith(input, "/") || endsWith(input, "\\")) input = substring(input, 0, lengthOf(input) - 1);
if (File.isDirectory(input))
	report = input + File.separator + "frame_report.csv";
else
	report = File.getParent(input) + File.separator + File.getNameWithoutExtension(input) + "_frame_report.csv";
run("Open Miniscope Recording", "input=[" + input + "] report=[" + report + "]");
print("Frame report written to " + report);
