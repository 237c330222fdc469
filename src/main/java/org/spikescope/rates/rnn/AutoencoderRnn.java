package org.spikescope.rates.rnn;

import org.spikescope.core.Workers;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * BlechRNN's network on plain arrays: encoder (Linear → sigmoid → Linear → sigmoid, dropout), two tanh RNN layers
 * (dropout between them) and decoder (Linear → sigmoid → Linear). A whole batch of sequences runs forward, and back
 * through time, in one call: a small network costs little arithmetic, so per-operation overhead in a tensor library
 * would dominate (see DESIGN.md).
 *
 * <p>Inputs and outputs are row-major {@code [sequence][step][feature]}. All weights live in one flat vector, laid out
 * as named below; matrices are {@code [out][in]} like PyTorch's. Each worker takes a block of sequences and keeps
 * it feature-major, {@code [feature][step·sequences + sequence]} (see {@link SequenceBlock}): the inner loops then run over
 * hundreds of rows, which the JIT vectorises, and the recurrence over the block's sequences at one step.
 */
public final class AutoencoderRnn implements SequenceModel {

    /** The network's sizes, as stored with a model. */
    public record Spec(int inputs, int hidden, int outputs, double dropout) implements SequenceModel.Spec {
        @Override
        public AutoencoderRnn build() {
            return new AutoencoderRnn(inputs, hidden, outputs, dropout);
        }
    }


    private final int nIn;
    private final int hidden;
    private final int nOut;
    private final int enc;
    private final int dec;
    private final double dropout;

    // Offsets into the flat parameter vector
    private final int w1, b1, w2, b2, ih0, hh0, bi0, bh0, ih1, hh1, bi1, bh1, w3, b3, w4, b4, size;

    /**
     * @param nIn     inputs per step (components plus the stimulus and trial-number inputs)
     * @param hidden  RNN width, also the encoder's output width
     * @param nOut    outputs per step (the forecast components)
     * @param dropout drop probability after the encoder and between the RNN layers, in [0, 1)
     */
    public AutoencoderRnn(int nIn, int hidden, int nOut, double dropout) {
        if (nIn < 1 || hidden < 1 || nOut < 1 || !(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("sizes " + nIn + "/" + hidden + "/" + nOut + ", dropout " + dropout);
        }
        this.nIn = nIn;
        this.hidden = hidden;
        this.nOut = nOut;
        this.enc = (nIn + hidden) / 2;
        this.dec = (hidden + nOut) / 2;
        this.dropout = dropout;
        int o = 0;
        w1 = o; o += enc * nIn;
        b1 = o; o += enc;
        w2 = o; o += hidden * enc;
        b2 = o; o += hidden;
        ih0 = o; o += hidden * hidden;
        hh0 = o; o += hidden * hidden;
        bi0 = o; o += hidden;
        bh0 = o; o += hidden;
        ih1 = o; o += hidden * hidden;
        hh1 = o; o += hidden * hidden;
        bi1 = o; o += hidden;
        bh1 = o; o += hidden;
        w3 = o; o += dec * hidden;
        b3 = o; o += dec;
        w4 = o; o += nOut * dec;
        b4 = o; o += nOut;
        size = o;
    }

    @Override
    public int parameterCount() {
        return size;
    }

    @Override
    public int inputs() {
        return nIn;
    }

    public int hidden() {
        return hidden;
    }

    @Override
    public int outputs() {
        return nOut;
    }

    /** PyTorch's default initialisation: every weight and bias uniform in ±1/√fan-in (RNN layers: ±1/√hidden). */
    @Override
    public void initialise(double[] params, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        uniform(params, w1, w2, nIn, rng);
        uniform(params, w2, ih0, enc, rng);
        uniform(params, ih0, w3, hidden, rng);
        uniform(params, w3, w4, hidden, rng);
        uniform(params, w4, size, dec, rng);
    }

    private static void uniform(double[] p, int from, int to, int fanIn, SplittableRandom rng) {
        double bound = 1 / Math.sqrt(fanIn);
        for (int i = from; i < to; i++) {
            p[i] = (2 * rng.nextDouble() - 1) * bound;
        }
    }

    /** The activations of one forward call over a batch, kept for the backward pass. */
    public final class Pass implements SequenceModel.Pass {
        private final int sequences;
        private final int steps;
        private final SequenceBlock[] blocks;

        private Pass(int sequences, int steps, int chunks, boolean training) {
            this.sequences = sequences;
            this.steps = steps;
            this.blocks = new SequenceBlock[chunks];
            for (int c = 0; c < chunks; c++) {
                int from = Workers.blockStart(sequences, c, chunks);
                int to = Workers.blockStart(sequences, c + 1, chunks);
                blocks[c] = new SequenceBlock(AutoencoderRnn.this, from, to - from, steps, training);
            }
        }

        private boolean fits(int sequences, int steps, int chunks, boolean training) {
            return this.sequences == sequences && this.steps == steps && blocks.length == chunks
                    && (blocks[0].m0 != null) == training;
        }

        /** Decoder outputs, {@code [sequence][step][output]}. */
        @Override
        public double[] outputs() {
            return gather(b -> b.y, nOut);
        }

        /** The last RNN layer's hidden state (BlechRNN's latent factors), {@code [sequence][step][hidden]}. */
        @Override
        public double[] latents() {
            return gather(b -> b.h1, hidden);
        }

        private double[] gather(java.util.function.Function<SequenceBlock, double[]> field, int features) {
            double[] out = new double[sequences * steps * features];
            for (SequenceBlock b : blocks) {
                b.toRows(field.apply(b), features, out);
            }
            return out;
        }
    }

    /**
     * Runs the network over {@code sequences} sequences of {@code steps} steps.
     *
     * @param training draw dropout masks (inverted dropout, so prediction needs no rescaling)
     * @param maskSeed seeds the masks; each sequence draws its own, so results do not depend on the thread count
     * @param workers  splits the sequences between threads; null runs on the calling thread
     * @param reuse    an earlier pass whose buffers may be reused when the shapes agree, or null
     */
    @Override
    public Pass forward(double[] p, double[] x, int sequences, int steps, boolean training, long maskSeed,
                        Workers workers, SequenceModel.Pass earlier) {
        Pass reuse = earlier instanceof Pass own ? own : null;
        if (x.length != sequences * steps * nIn) {
            throw new IllegalArgumentException(x.length + " inputs for " + sequences + "×" + steps + "×" + nIn);
        }
        boolean masks = training && dropout > 0;
        int chunks = Workers.blockCount(workers, sequences);
        Pass pass = reuse != null && reuse.fits(sequences, steps, chunks, masks)
                ? reuse : new Pass(sequences, steps, chunks, masks);
        Workers.inBlocks(workers, sequences, (c, from, to) -> pass.blocks[c].forward(p, x, maskSeed));
        return pass;
    }

    public Pass forward(double[] p, double[] x, int sequences, int steps, boolean training, long maskSeed,
                        Workers workers) {
        return forward(p, x, sequences, steps, training, maskSeed, workers, null);
    }

    /**
     * Back-propagates {@code dy} (the loss gradient for every output of the pass, {@code [sequence][step][output]})
     * through the decoder, the RNN layers (through time) and the encoder.
     *
     * @param gradient receives the parameter gradient (overwritten)
     * @param dx       receives the input gradient, {@code [sequence][step][input]} (overwritten); null when not
     *                 needed
     */
    @Override
    public void backward(double[] p, SequenceModel.Pass given, double[] dy, double[] gradient, double[] dx,
                         Workers workers) {
        SequenceBlock[] blocks = ((Pass) given).blocks;
        Workers.inBlocks(workers, ((Pass) given).sequences, (c, from, to) -> blocks[c].backward(p, dy, dx));
        Arrays.fill(gradient, 0, size, 0);
        for (SequenceBlock b : blocks) {
            for (int i = 0; i < size; i++) {
                gradient[i] += b.gradient[i];
            }
        }
    }

    /** Mean squared error over every output, as PyTorch's MSELoss; fills {@code dy} with its gradient. */
    public static double meanSquaredError(double[] y, double[] target, double[] dy) {
        double sum = 0;
        double scale = 2.0 / y.length;
        for (int i = 0; i < y.length; i++) {
            double e = y[i] - target[i];
            sum += e * e;
            if (dy != null) {
                dy[i] = scale * e;
            }
        }
        return sum / y.length;
    }

    int encoderWidth() {
        return enc;
    }

    int decoderWidth() {
        return dec;
    }

    double dropout() {
        return dropout;
    }

    int[] offsets() {
        return new int[] {w1, b1, w2, b2, ih0, hh0, bi0, bh0, ih1, hh1, bi1, bh1, w3, b3, w4, b4};
    }
}
