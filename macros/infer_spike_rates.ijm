// SpikeScope: expected spikes per frame and spike times from ΔF/F traces, by the shipped learned model nearest
// the traces' frame rate (or a model of your own from "Train Spike Inference Model").
// Writes <traces>_rates.csv, <traces>_rates_events.csv (cell,time_s) and <traces>_rates_parameters.csv beside them.
// Argument: a traces CSV (time_s, then one column per cell, e.g. a pipeline bundle's traces.csv); asked for when empty.
// Headless: ImageJ --headless -batch macros/infer_spike_rates.ijm /path/to/traces.csv
input = getArgument();
if (input == "") input = File.openDialog("Choose a traces CSV (time_s, then one column per cell)");
output = File.getParent(input) + File.separator + File.getNameWithoutExtension(input) + "_rates.csv";
run("Infer Spike Rates", "input=[" + input + "] output=[" + output + "]");
print("SpikeScope inferred spike rates; results in " + output);
