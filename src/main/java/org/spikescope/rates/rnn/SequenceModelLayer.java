package org.spikescope.rates.rnn;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.regularization.Regularization;

import org.spikescope.io.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * DL4J configuration of a whole {@link SequenceModel} (BlechRNN's network, a GFR network) as one recurrent layer,
 * which is also the output layer (MSE). DL4J keeps what it is good at: the updater (Adam), the training loop and
 * its configuration; the layer serialises to DL4J's JSON through these bean properties, the model as its spec's
 * class name and JSON (SpikeScope's model files do not use that JSON: see {@link RnnModelStore}).
 */
public class SequenceModelLayer extends BaseLayer {

    private String kind;
    private String spec;
    private long seed;

    /** For DL4J's JSON reader. */
    public SequenceModelLayer() {
    }

    public SequenceModelLayer(SequenceModel.Spec spec, long seed) {
        this.kind = spec.getClass().getName();
        try {
            this.spec = Json.MAPPER.writeValueAsString(spec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.seed = seed;
    }

    public SequenceModel network() {
        try {
            return Json.MAPPER.readValue(spec, SequenceModel.specType(kind)).build();
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("the model configuration names an unknown model " + kind + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
                                                       Collection<TrainingListener> listeners, int index,
                                                       INDArray paramsView, boolean initializeParams,
                                                       DataType dataType) {
        SequenceModelLayerImpl layer = new SequenceModelLayerImpl(conf, dataType);
        layer.setListeners(listeners);
        layer.setIndex(index);
        layer.setParamsViewArray(paramsView);
        Map<String, INDArray> table = initializer().init(conf, paramsView, initializeParams);
        layer.setParamTable(table);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public ParamInitializer initializer() {
        return SequenceModelParameters.INSTANCE;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        if (inputType.getType() != InputType.Type.RNN) {
            throw new IllegalArgumentException("the sequence model needs sequences, got " + inputType);
        }
        return InputType.recurrent(network().outputs(),
                ((InputType.InputTypeRecurrent) inputType).getTimeSeriesLength());
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        // the input width is fixed by the spec
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    @Override
    public List<Regularization> getRegularizationByParam(String paramName) {
        return List.of();
    }

    @Override
    public boolean isPretrainParam(String paramName) {
        return false;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        long params = network().parameterCount();
        return new LayerMemoryReport.Builder(layerName, SequenceModelLayer.class, inputType,
                getOutputType(0, inputType)).standardMemory(params, params).workingMemory(0, 0, 0, 0)
                .cacheMemory(0, 0).build();
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getSpec() {
        return spec;
    }

    public void setSpec(String spec) {
        this.spec = spec;
    }

    public long getSeed() {
        return seed;
    }

    public void setSeed(long seed) {
        this.seed = seed;
    }
}
