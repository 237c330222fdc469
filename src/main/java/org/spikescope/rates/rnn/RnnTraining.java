package org.spikescope.rates.rnn;

import org.nd4j.linalg.dataset.DataSet;
import org.spikescope.core.ProgressListener;
import org.spikescope.core.Workers;

/** Trains one rate model (BlechRNN's by default) full batch with Adam, evaluating the training and test losses every few steps. */
public final class RnnTraining {

    private RnnTraining() {
    }

    public record Trained(RnnNetwork network, LossCurve curve) {
    }

    /** Inputs and targets are {@code [trial][step][feature]} as {@link RnnPreprocessing} builds them. */
    public static Trained train(SequenceModel.Spec model, RnnPreprocessing prep, double[] trainInputs,
                                double[] trainTargets, double[] testInputs, double[] testTargets, RnnSettings settings,
                                Workers workers, ProgressListener progress) {
        RnnNetwork network = RnnNetwork.create(model, settings.learningRate(), prep.steps(), settings.seed());
        network.useWorkers(workers);
        DataSet batch = network.batch(trainInputs, trainTargets);
        int total = settings.trainSteps();
        int evaluations = (total + settings.testEvery() - 1) / settings.testEvery();
        int[] steps = new int[evaluations];
        double[] train = new double[evaluations];
        double[] test = new double[evaluations];
        int e = 0;
        for (int step = 1; step <= total; step++) {
            progress.checkCancelled();
            network.step(batch);
            if (step % settings.testEvery() == 0 || step == total) {
                steps[e] = step;
                train[e] = loss(network, trainInputs, trainTargets);
                test[e] = loss(network, testInputs, testTargets);
                e++;
                progress.progress(step, total);
            }
        }
        return new Trained(network, new LossCurve(steps, train, test));
    }

    private static double loss(RnnNetwork network, double[] inputs, double[] targets) {
        return network.model().loss(network.predict(inputs).outputs(), targets, null);
    }
}
