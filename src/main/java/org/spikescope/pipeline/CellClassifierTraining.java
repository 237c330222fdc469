package org.spikescope.pipeline;

import org.spikescope.core.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A cell classifier from curated bundles: every cell of each bundle's extraction (its original/ when curated) with
 * the user's verdict from the bundle's curation.csv — rejected by the user, or kept (accepted or left alone); cells
 * merged into others and decisions a classifier made are left out of the training.
 */
public final class CellClassifierTraining {

    private CellClassifierTraining() {
    }

    public static CellClassifier train(List<Path> bundles) throws IOException {
        List<double[]> x = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        List<String> trainedOn = new ArrayList<>();
        for (Path bundle : bundles) {
            Path decisionsFile = bundle.resolve(CurationDecisions.FILE);
            if (!Files.isRegularFile(decisionsFile)) {
                throw new InputException("parameter 'bundles': " + bundle + " holds no " + CurationDecisions.FILE
                        + " (curate it first: Apply Curation)");
            }
            CellFeatures features = CellFeatures.of(CurationRun.extraction(bundle).folder());
            Map<String, CurationDecisions.Decision> decisions = CurationDecisions.read(decisionsFile, features.names())
                    .byCell();
            for (int c = 0; c < features.names().size(); c++) {
                CurationDecisions.Decision d = decisions.get(features.names().get(c));
                if (d != null && (d.status() == CurationDecisions.Status.MERGED || !d.source().equals("user"))) {
                    continue;
                }
                x.add(features.values()[c]);
                y.add(d != null && d.status() == CurationDecisions.Status.REJECTED);
            }
            trainedOn.add(bundle.toAbsolutePath().toString());
        }
        long rejected = y.stream().filter(b -> b).count();
        if (rejected == 0 || rejected == y.size()) {
            throw new InputException("parameter 'bundles': the decisions hold " + rejected + " rejected cells of "
                    + y.size() + "; a classifier needs cells the user rejected and cells they kept");
        }
        boolean[] labels = new boolean[y.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = y.get(i);
        }
        return CellClassifier.fit(x.toArray(double[][]::new), labels, trainedOn);
    }

    /** The classifier's rejections among a bundle's cells: decisions with source classifier. */
    public static CurationDecisions classify(CellClassifier classifier, Path bundle) throws IOException {
        CellFeatures features = CellFeatures.of(bundle);
        Map<String, CurationDecisions.Decision> out = new java.util.LinkedHashMap<>();
        for (int c = 0; c < features.names().size(); c++) {
            if (classifier.rejection(features.values()[c]) >= classifier.threshold()) {
                out.put(features.names().get(c), new CurationDecisions.Decision(CurationDecisions.Status.REJECTED,
                        null, "classifier"));
            }
        }
        return new CurationDecisions(out);
    }
}
