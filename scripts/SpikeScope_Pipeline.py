#@ ImagePlus imp
#@ double (label = "Frame rate (Hz)", value = 20) frameRate
#@output Object footprints
#@output Object traces
#@output Object spikes
# The whole SpikeScope pipeline on the open image (motion, cells, traces, spikes), in memory, with a table of cells.
# The stack is wrapped as an ImgLib2 image without a copy; any ImgLib2 image (x, y, t) works the same way.
from ij.measure import ResultsTable
from org.spikescope import SpikeScope
from org.spikescope.fiji import ImagePlusImgs
from org.spikescope.pipeline import PipelineSettings

out = SpikeScope.runPipeline(ImagePlusImgs.wrap(imp), frameRate, PipelineSettings.defaults())
table = ResultsTable()
for i, xy in enumerate(out.cells().positions()):
    table.incrementCounter()
    table.addValue("cell", i + 1)
    table.addValue("x", xy[0])
    table.addValue("y", xy[1])
    table.addValue("spikes", sum(out.spikes()[i].spikes()))
table.show("SpikeScope cells")
footprints = out.cells().footprints()   # Img<FloatType>: x, y, cell
traces = out.cells().dff()              # dF/F per cell, time_s first
spikes = out.spikes()                   # per cell: spikes per frame, calcium, noise, kinetics
