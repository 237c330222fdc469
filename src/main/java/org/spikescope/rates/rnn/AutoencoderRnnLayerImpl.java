package org.spikescope.rates.rnn;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.spikescope.core.Workers;

/**
 * The running layer: copies DL4J's {@code [batch, feature, step]} arrays to plain arrays, lets
 * {@link AutoencoderRnn} run the whole batch forward or back through time, and copies the results back: a handful
 * of ND4J operations per training step instead of thousands.
 */
public class AutoencoderRnnLayerImpl extends BaseLayer<AutoencoderRnnLayer> {

    private final AutoencoderRnn network;
    private transient Workers workers;
    private transient AutoencoderRnn.Pass lastPass;
    private transient double[] lastParams;
    private long trainingPasses;

    public AutoencoderRnnLayerImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        this.network = layerConf().network();
    }

    /** Threads to split each batch over; without, the calling thread does all the work. */
    public void useWorkers(Workers workers) {
        this.workers = workers;
    }

    /** Runs the network without dropout and keeps its outputs and latent factors (for prediction). */
    public AutoencoderRnn.Pass predict(INDArray features) {
        int[] dims = dims(features, network.inputs());
        return network.forward(params().toDoubleVector(), sequences(features), dims[0], dims[1], false, 0, workers);
    }

    @Override
    public Type type() {
        return Type.RECURRENT;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        int[] dims = dims(input, network.inputs());
        lastParams = params().toDoubleVector();
        // each training pass draws fresh dropout masks, reproducibly from the layer's seed
        long maskSeed = layerConf().getSeed() * 31 + (training ? ++trainingPasses : 0);
        lastPass = network.forward(lastParams, sequences(input), dims[0], dims[1], training, maskSeed, workers,
                lastPass);
        return toBatch(lastPass.outputs(), dims[0], dims[1], network.outputs(), ArrayType.ACTIVATIONS, mgr);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        int[] dims = dims(input, network.inputs());
        double[] gradient = new double[lastParams.length];
        double[] dx = new double[lastPass.outputs().length / network.outputs() * network.inputs()];
        network.backward(lastParams, lastPass, sequences(epsilon), gradient, dx, workers);
        gradientsFlattened.assign(Nd4j.createFromArray(gradient).reshape(gradientsFlattened.shape()));
        Gradient g = new DefaultGradient(gradientsFlattened);
        g.setGradientFor(AutoencoderRnnParameters.KEY, gradientViews.get(AutoencoderRnnParameters.KEY));
        INDArray epsilonOut = toBatch(dx, dims[0], dims[1], network.inputs(), ArrayType.ACTIVATION_GRAD, mgr);
        return new Pair<>(g, epsilonOut);
    }

    private static int[] dims(INDArray batch, int features) {
        if (batch.rank() != 3 || batch.size(1) != features) {
            throw new IllegalArgumentException("expected [batch, " + features + ", steps], got "
                    + java.util.Arrays.toString(batch.shape()));
        }
        return new int[] {(int) batch.size(0), (int) batch.size(2)};
    }

    /** DL4J's [batch, feature, step] to row-major [sequence][step][feature]. */
    private static double[] sequences(INDArray batch) {
        return batch.permute(0, 2, 1).castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    private INDArray toBatch(double[] values, int sequences, int steps, int features, ArrayType type,
                             LayerWorkspaceMgr mgr) {
        INDArray out = mgr.createUninitialized(type, dataType, new long[] {sequences, features, steps}, 'c');
        out.assign(Nd4j.create(values, new long[] {sequences, steps, features}, 'c').permute(0, 2, 1));
        return out;
    }
}
