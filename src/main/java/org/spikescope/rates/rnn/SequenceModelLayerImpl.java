package org.spikescope.rates.rnn;

import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.spikescope.core.Workers;

import java.util.List;

/**
 * The running layer, also the network's output layer with the model's loss (PyTorch's MSE by default): copies
 * DL4J's {@code [batch, feature, step]} arrays to plain arrays, lets the {@link SequenceModel} run the whole batch
 * forward, compute the loss and go back through time, and copies the gradient back. A training step is then a
 * handful of ND4J operations (the copies, Adam) instead of thousands.
 */
public class SequenceModelLayerImpl extends BaseLayer<SequenceModelLayer> implements IOutputLayer {

    /**
     * The loss gradient handed to DL4J's Adam is scaled by this. Adam's steps do not depend on the gradient's scale
     * except through ε, and DL4J adds ε after folding the bias correction into the step size, which at the first
     * steps weighs it up to 1/√(1−β₂) ≈ 32 times more than PyTorch does; scaled up, ε is as negligible as in PyTorch
     * and the two follow the same loss trajectory.
     */
    static final double ADAM_GRADIENT_SCALE = 64;

    private final SequenceModel network;
    private transient Workers workers;
    private transient SequenceModel.Pass lastPass;
    private transient double[] lastParams;
    private transient INDArray labels;
    private double lastLoss = Double.NaN;
    private long trainingPasses;
    private transient INDArray knownFeatures;
    private transient double[] knownInputs;
    private transient INDArray knownLabels;
    private transient double[] knownTargets;

    public SequenceModelLayerImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        this.network = layerConf().network();
    }

    /** Threads to split each batch over; without, the calling thread does all the work. */
    public void useWorkers(Workers workers) {
        this.workers = workers;
    }

    /**
     * The plain-array form of a training batch that will be fitted many times, so that each step need not copy it
     * out of ND4J again; recognised by identity, so the batch must not be changed in place.
     */
    public void knowBatch(INDArray features, double[] inputs, INDArray labels, double[] targets) {
        this.knownFeatures = features;
        this.knownInputs = inputs;
        this.knownLabels = labels;
        this.knownTargets = targets;
    }

    /** Runs the network without dropout and keeps its outputs and latent factors (for prediction). */
    public SequenceModel.Pass predict(double[] inputs, int sequences, int steps) {
        return network.forward(params().toDoubleVector(), inputs, sequences, steps, false, 0, workers, null);
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
        forward(training, dims);
        return toBatch(lastPass.outputs(), dims[0], dims[1], network.outputs(), ArrayType.ACTIVATIONS, mgr);
    }

    private void forward(boolean training, int[] dims) {
        lastParams = params().toDoubleVector();
        // each training pass draws fresh dropout masks, reproducibly from the layer's seed
        long maskSeed = layerConf().getSeed() * 31 + (training ? ++trainingPasses : 0);
        double[] x = input == knownFeatures ? knownInputs : sequences(input);
        lastPass = network.forward(lastParams, x, dims[0], dims[1], training, maskSeed, workers, lastPass);
    }

    /**
     * As the output layer (no epsilon), runs the forward pass itself and takes the MSE against the labels; below
     * another layer, back-propagates the epsilon it is given.
     */
    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        int[] dims = dims(input, network.inputs());
        double[] dy;
        if (epsilon == null) {
            forward(true, dims);
            double[] outputs = lastPass.outputs();
            dy = new double[outputs.length];
            double[] target = labels == knownLabels ? knownTargets : sequences(labels);
            lastLoss = network.loss(outputs, target, dy);
            for (int i = 0; i < dy.length; i++) {
                dy[i] *= ADAM_GRADIENT_SCALE;
            }
        } else {
            dy = sequences(epsilon);
        }
        double[] gradient = new double[lastParams.length];
        // the first layer's input gradient is of no use (DL4J's embedding layers return none either)
        boolean first = getIndex() == 0;
        double[] dx = first ? null : new double[dims[0] * dims[1] * network.inputs()];
        network.backward(lastParams, lastPass, dy, gradient, dx, workers);
        gradientsFlattened.assign(Nd4j.createFromArray(gradient).reshape(gradientsFlattened.shape()));
        Gradient g = new DefaultGradient(gradientsFlattened);
        g.setGradientFor(SequenceModelParameters.KEY, gradientViews.get(SequenceModelParameters.KEY));
        INDArray epsilonOut = first ? null
                : toBatch(dx, dims[0], dims[1], network.inputs(), ArrayType.ACTIVATION_GRAD, mgr);
        return new Pair<>(g, epsilonOut);
    }

    @Override
    public boolean needsLabels() {
        return true;
    }

    @Override
    public void setLabels(INDArray labels) {
        this.labels = labels;
    }

    @Override
    public INDArray getLabels() {
        return labels;
    }

    /** The MSE of the last training pass (dropout on), as PyTorch's MSELoss reports it. */
    @Override
    public double computeScore(double fullNetRegTerm, boolean training, LayerWorkspaceMgr mgr) {
        return lastLoss + fullNetRegTerm;
    }

    @Override
    public INDArray computeScoreForExamples(double fullNetRegTerm, LayerWorkspaceMgr mgr) {
        int[] dims = dims(input, network.inputs());
        forward(false, dims);
        double[] y = lastPass.outputs();
        double[] target = sequences(labels);
        int per = y.length / dims[0];
        double[] scores = new double[dims[0]];
        for (int s = 0; s < dims[0]; s++) {
            scores[s] = network.loss(java.util.Arrays.copyOfRange(y, s * per, (s + 1) * per),
                    java.util.Arrays.copyOfRange(target, s * per, (s + 1) * per), null) + fullNetRegTerm;
        }
        return Nd4j.createFromArray(scores).reshape(dims[0], 1);
    }

    @Override
    public double f1Score(DataSet data) {
        throw new UnsupportedOperationException("a regression network has no F1 score");
    }

    @Override
    public double f1Score(INDArray examples, INDArray labels) {
        throw new UnsupportedOperationException("a regression network has no F1 score");
    }

    @Override
    public int numLabels() {
        return network.outputs();
    }

    @Override
    public void fit(DataSetIterator iter) {
        throw new UnsupportedOperationException("train through the MultiLayerNetwork");
    }

    @Override
    public int[] predict(INDArray examples) {
        throw new UnsupportedOperationException("a regression network predicts no classes");
    }

    @Override
    public List<String> predict(DataSet dataSet) {
        throw new UnsupportedOperationException("a regression network predicts no classes");
    }

    @Override
    public void fit(INDArray examples, INDArray labels) {
        throw new UnsupportedOperationException("train through the MultiLayerNetwork");
    }

    @Override
    public void fit(DataSet data) {
        throw new UnsupportedOperationException("train through the MultiLayerNetwork");
    }

    @Override
    public void fit(INDArray examples, int[] labels) {
        throw new UnsupportedOperationException("train through the MultiLayerNetwork");
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
