package org.spikescope.rates.rnn;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The layer's weights as one DL4J parameter, "W": the flat vector the {@link SequenceModel} lays out itself. */
final class SequenceModelParameters implements ParamInitializer {

    static final String KEY = "W";
    static final SequenceModelParameters INSTANCE = new SequenceModelParameters();

    private SequenceModelParameters() {
    }

    private static SequenceModelLayer conf(Layer layer) {
        return (SequenceModelLayer) layer;
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        return conf(layer).network().parameterCount();
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return List.of(KEY);
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return List.of(KEY);
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return List.of();
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return KEY.equals(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return false;
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initialize) {
        if (initialize) {
            SequenceModelLayer layer = conf(conf.getLayer());
            double[] values = new double[(int) paramsView.length()];
            layer.network().initialise(values, layer.getSeed());
            paramsView.assign(Nd4j.createFromArray(values).reshape(paramsView.shape()));
        }
        Map<String, INDArray> table = new LinkedHashMap<>();
        table.put(KEY, paramsView);
        return table;
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        Map<String, INDArray> table = new LinkedHashMap<>();
        table.put(KEY, gradientView);
        return table;
    }
}
