// SpikeScope: the same cells across sessions (CellReg class).
// Argument: the sessions, comma-separated and in order (results bundles, results.h5, RoiSet.zip or footprint CSVs),
// then the output folder last, e.g. "/data/day1_results,/data/day2_results,/data/registered".
// Writes cell_map.csv (registered_cell, session_1, ...), pairs.csv, alignment.csv, cell_scores.csv, model.png,
// sessions.png and results.h5 into the output folder.
// Headless: ImageJ --headless -batch macros/register_sessions.ijm "day1,day2,out"
args = split(getArgument(), ",");
if (args.length < 3) exit("register_sessions.ijm: give two or more sessions and the output folder, comma-separated");
sessions = args[0];
for (i = 1; i < args.length - 1; i++) sessions = sessions + "," + args[i];
output = args[args.length - 1];
run("Register Sessions", "sessions=[" + sessions + "] output=[" + output + "] alignment=rigid");
// headless, the Results table holds the registered cells: registered_cell, then one column per session
print("SpikeScope registered " + nResults + " cells across " + (args.length - 1) + " sessions; results in " + output);
