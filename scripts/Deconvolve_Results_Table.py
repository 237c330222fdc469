#@ double (label = "Frame rate (Hz)", value = 20) frameRate
#@output Object spikes
# Spikes from the traces in the open Results table (time_s or frame, then one column per cell), shown as a table.
from ij.measure import ResultsTable
from org.spikescope import SpikeScope
from org.spikescope.fiji.display import Tables
from org.spikescope.spikes import DeconvolutionSettings

traces = Tables.toTraceSet(ResultsTable.getResultsTable(), "Results table")
spikes = SpikeScope.deconvolve(traces, frameRate, DeconvolutionSettings.defaults())
table = ResultsTable()
for t in range(traces.frames()):
    table.incrementCounter()
    table.addValue(traces.timeColumn(), traces.time()[t])
    for cell in spikes:
        table.addValue(cell.name(), cell.spikes()[t])
table.show("Spikes")
