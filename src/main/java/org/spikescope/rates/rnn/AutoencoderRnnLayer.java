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

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * DL4J configuration of the whole BlechRNN network as one recurrent layer ({@link AutoencoderRnn} does the
 * arithmetic). DL4J keeps what it is good at: the updater (Adam), the training loop, the loss layer and model
 * files; the layer serialises to DL4J's JSON through these bean properties.
 */
public class AutoencoderRnnLayer extends BaseLayer {

    private int inputs;
    private int hidden;
    private int outputs;
    private double dropoutRate;
    private long seed;

    /** For DL4J's JSON reader. */
    public AutoencoderRnnLayer() {
    }

    public AutoencoderRnnLayer(int inputs, int hidden, int outputs, double dropoutRate, long seed) {
        this.inputs = inputs;
        this.hidden = hidden;
        this.outputs = outputs;
        this.dropoutRate = dropoutRate;
        this.seed = seed;
    }

    public AutoencoderRnn network() {
        return new AutoencoderRnn(inputs, hidden, outputs, dropoutRate);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
                                                       Collection<TrainingListener> listeners, int index,
                                                       INDArray paramsView, boolean initializeParams,
                                                       DataType dataType) {
        AutoencoderRnnLayerImpl layer = new AutoencoderRnnLayerImpl(conf, dataType);
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
        return AutoencoderRnnParameters.INSTANCE;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        if (inputType.getType() != InputType.Type.RNN) {
            throw new IllegalArgumentException("the RNN layer needs sequences, got " + inputType);
        }
        return InputType.recurrent(outputs, ((InputType.InputTypeRecurrent) inputType).getTimeSeriesLength());
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        // the input width is fixed by the constructor
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
        return new LayerMemoryReport.Builder(layerName, AutoencoderRnnLayer.class, inputType,
                getOutputType(0, inputType)).standardMemory(params, params).workingMemory(0, 0, 0, 0)
                .cacheMemory(0, 0).build();
    }

    public int getInputs() {
        return inputs;
    }

    public void setInputs(int inputs) {
        this.inputs = inputs;
    }

    public int getHidden() {
        return hidden;
    }

    public void setHidden(int hidden) {
        this.hidden = hidden;
    }

    public int getOutputs() {
        return outputs;
    }

    public void setOutputs(int outputs) {
        this.outputs = outputs;
    }

    public double getDropoutRate() {
        return dropoutRate;
    }

    public void setDropoutRate(double dropoutRate) {
        this.dropoutRate = dropoutRate;
    }

    public long getSeed() {
        return seed;
    }

    public void setSeed(long seed) {
        this.seed = seed;
    }
}
