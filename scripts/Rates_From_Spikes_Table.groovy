#@ File (label = "Trials (CSV: trial, start_s, label; none = consecutive windows)", required = false) trials
#@ double (label = "Window start (ms from each trial's start)", value = 1500) fromMs
#@ double (label = "Window end (ms)", value = 4500) toMs
#@ double (label = "Stimulus (ms from the trial's start)", value = 2000) stimulusMs
#@ double (label = "Bin size (ms)", value = 25) binMs
#@ int (label = "Training steps", value = 15000) trainSteps
#@output Object rates
// BlechRNN's firing rates from the spikes in the open Results table (time_s, then spikes per frame of each cell, as
// "Deconvolve Spikes" writes them), in memory: the mean rate of each cell per bin and the held-out scores as tables.
import ij.measure.ResultsTable
import org.spikescope.SpikeScope
import org.spikescope.fiji.display.Tables
import org.spikescope.io.TrialTables
import org.spikescope.rates.rnn.RnnSettings

def spikes = Tables.toTraceSet(ResultsTable.getResultsTable(), "Results table")
def settings = RnnSettings.defaults().withWindow(fromMs, toMs, stimulusMs).withBinSize(binMs).withTrainSteps(trainSteps)
rates = SpikeScope.inferRates(spikes, trials == null ? null : TrialTables.read(trials.toPath()), settings)
def binned = rates.inputs().binned()
def mean = new ResultsTable()
def group = rates.groups()[0]           // one model for all trials (separateConditions off)
int first = group.preprocessing().forecastBins()
for (int t = 0; t < group.rates()[0].length; t++) {
    mean.incrementCounter()
    mean.addValue("time_ms", binned.binStartMs(first + t))
    binned.neurons().eachWithIndex { cell, j ->
        mean.addValue(cell, group.rates().collect { it[t][j] }.sum() / group.rates().length * 1000 / binned.binMs())
    }
}
mean.show("SpikeScope rates (spikes/s, mean over trials)")
def scores = new ResultsTable()
rates.comparison().scores().each { s ->
    scores.incrementCounter()
    scores.addValue("model", s.model())
    scores.addValue("bits_per_spike", s.bitsPerSpike())
    scores.addValue("mse", s.mse())
}
scores.show("SpikeScope rate scores (held-out trials)")
