// Plugins > SpikeScope > Run Pipeline
// Drop-in macro plugin: the whole SpikeScope pipeline on a chosen recording (Miniscope folder, TIFF, HDF5 or AVI),
// its results bundle written into a "<name>_spikescope" folder beside it (never into the recording).
// Headless: ImageJ --headless -batch plugins/SpikeScope/Run_Pipeline.ijm /path/to/recording
input = getArgument();
if (input == "") input = getDirectory("Choose a Miniscope recording folder");
if (endsWith(input, "/") || endsWith(input, "\\")) input = substring(input, 0, lengthOf(input) - 1);
base = input;
if (!File.isDirectory(input)) base = File.getParent(input) + File.separator + File.getNameWithoutExtension(input);
output = base + "_spikescope";
run("Run SpikeScope Pipeline", "input=[" + input + "] output=[" + output + "]");
print("SpikeScope results in " + output);
