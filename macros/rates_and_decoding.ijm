// SpikeScope: firing rates from spike trains, BlechRNN's RNN and a GFR network side by side on the same held-out
// trials, then trial labels decoded from the same spikes.
// Arguments: "<spikes CSV>,<trials CSV>,<output folder>[,<training steps>]"; asked for when empty. Spikes are spike
// times (cell,time_s) or the pipeline's spikes.csv; trials are trial,start_s,label. BlechRNN's defaults apply
// (1500-4500 ms from each trial's start, 25 ms bins, stimulus at 2000 ms, 15000 steps).
// Headless: ImageJ --headless -batch macros/rates_and_decoding.ijm "/data/spikes.csv,/data/trials.csv,/data/rates"
arg = getArgument();
steps = "";
if (arg == "") {
	spikes = File.openDialog("Choose the spikes CSV");
	trials = File.openDialog("Choose the trials CSV");
	output = getDirectory("Choose the output folder");
} else {
	parts = split(arg, ",");
	spikes = parts[0];
	trials = parts[1];
	output = parts[2];
	if (parts.length > 3)
		steps = " trainSteps=" + parts[3];
}
rnn = output + File.separator + "rnn";
gfr = output + File.separator + "gfr";
run("Infer Firing Rates (RNN)", "spikes=[" + spikes + "] trials=[" + trials + "] output=[" + rnn + "]" + steps);
run("Infer Firing Rates (GFR network)", "spikes=[" + spikes + "] trials=[" + trials + "] output=[" + gfr + "]"
	+ steps + " compareWith=[" + rnn + "]");
run("Decode Trial Labels", "input=[" + spikes + "] trials=[" + trials + "] timeLims=[1500,4500] binSize=250"
	+ " decoders=[logistic,xgboost] permutations=20 output=[" + output + File.separator + "decoding.csv]");
print("SpikeScope rates: " + gfr + File.separator + "metrics.csv (GFR network, RNN, smoothing, PSTH)");
print("SpikeScope decoding: " + output + File.separator + "decoding.csv");
