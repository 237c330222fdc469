// SpikeScope demo: simulate a small Miniscope V4 recording (with 2 dropped and 3 corrupted frames), open it,
// and save the table of dropped and corrupted frames beside it (<output>_frame_report.csv: SpikeScope never
// writes into a recording).
// Argument: the output folder (default: a folder in the temporary directory).
// Headless: ImageJ --headless -batch macros/simulate_and_open.ijm /path/to/out
out = getArgument();
if (out == "") out = getDirectory("temp") + "spikescope-demo";
run("Simulate Miniscope Recording", "output=[" + out + "] format=v4 frames=300 width=96 height=96 cells=12 droppedFrames=2 corruptedFrames=3 seed=11");
run("Open Miniscope Recording", "input=[" + out + "] report=[" + out + "_frame_report.csv]");
print("SpikeScope opened " + getTitle() + " with " + nSlices + " frames");
