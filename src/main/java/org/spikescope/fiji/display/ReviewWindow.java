package org.spikescope.fiji.display;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.plugin.frame.RoiManager;
import org.spikescope.core.InputException;
import org.spikescope.core.ProgressListener;
import org.spikescope.export.RoiSetFiles;
import org.spikescope.motion.MotionOutputs;
import org.spikescope.movie.TiffStackReader;
import org.spikescope.pipeline.CurationRun;
import org.spikescope.pipeline.ReviewSession;
import org.spikescope.traces.TraceOutputs;

import java.awt.BorderLayout;
import java.awt.Button;
import java.awt.Color;
import java.awt.Frame;
import java.awt.Label;
import java.awt.Panel;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "Review Cells": the bundle's corrected movie (and its summary image) with every cell of its extraction outlined —
 * kept yellow, rejected dimmed grey, merged orange — the ROI Manager holding them, the cells table, a cell's ΔF/F,
 * calcium and spikes plotted when it is selected, and a small window of buttons (keys in brackets): Accept (a),
 * Reject (r), Merge (m: the first cell selected takes the others), Undo (z), Apply (s: every file of the bundle, one
 * commit). Deleting a cell's ROI from the ROI Manager rejects it when the decisions are applied.
 */
public final class ReviewWindow extends Frame {

    public static final String TITLE = "Review Cells";
    private static final Color KEPT = Color.YELLOW;
    private static final Color REJECTED = new Color(90, 90, 90);
    private static final Color MERGED = Color.ORANGE;

    private final transient ReviewSession session;
    private final transient List<Roi> rois;
    private final transient ImagePlus image;
    private final Label status = new Label();
    /** The extraction's footprints, in the order of its cells. */
    private transient List<org.spikescope.core.Footprint> footprints = List.of();
    private ImagePlus footprintView;
    /** Shows the selected cell's footprint, enlarged, in one window. */
    private final transient ij.gui.RoiListener footprintOnSelection;

    private ReviewWindow(ReviewSession session, List<Roi> rois, ImagePlus image) {
        super(TITLE);
        this.session = session;
        this.rois = rois;
        this.image = image;
        this.footprintOnSelection = (imp, id) -> {
            Roi roi = imp == null ? null : imp.getRoi();
            int cell = roi == null || roi.getName() == null ? -1 : session.cells().indexOf(roi.getName());
            if (cell >= 0 && cell < footprints.size() && id != ij.gui.RoiListener.DELETED) {
                showFootprint(roi.getName(), footprints.get(cell));
            }
        };
        Panel buttons = new Panel();
        for (String action : List.of("Accept", "Reject", "Merge", "Undo", "Apply")) {
            Button b = new Button(action);
            b.addActionListener(e -> press(action));
            b.addKeyListener(keys());
            buttons.add(b);
        }
        setLayout(new BorderLayout());
        add(buttons, BorderLayout.CENTER);
        add(status, BorderLayout.SOUTH);
        addKeyListener(keys());
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                Roi.removeRoiListener(footprintOnSelection);
                dispose();
            }
        });
        status.setText(rois.size() + " cells; select one or more, then a button");
        pack();
        setSize(Math.max(getWidth(), 560), getHeight()); // room for the longest status line
    }

    /** Opens the window on a bundle (needs Fiji's display). */
    public static ReviewWindow open(Path bundle) throws IOException {
        ReviewSession session = ReviewSession.open(bundle);
        Path base = session.extraction();
        List<Roi> rois = RoiSetFiles.readRois(base.resolve(TraceOutputs.ROI_SET));
        Path movie = bundle.resolve(MotionOutputs.CORRECTED_TIFF);
        ImagePlus image = Files.exists(movie)
                ? FrameSourceStack.imagePlus(TITLE + ": " + bundle.getFileName(), TiffStackReader.open(movie, 20))
                : IJ.openImage(bundle.resolve("summary.png").toString());
        image.setTitle(TITLE + ": " + bundle.getFileName());
        RoiManager manager = RoiManager.getRoiManager();
        manager.reset();
        rois.forEach(r -> manager.addRoi((Roi) r.clone()));
        if (Files.exists(movie) && Files.exists(base.resolve("summary.png"))) {
            // the extraction's summary image (correlation image, outlines by spike rate) beside the movie
            ImagePlus summary = IJ.openImage(base.resolve("summary.png").toString());
            summary.setTitle("summary: " + bundle.getFileName());
            summary.show();
        }
        image.show(); // last, so that the movie is the current image
        if (Files.exists(base.resolve(TraceOutputs.CELLS_CSV))) {
            Tables.show(CellDisplay.CELLS_TABLE, org.spikescope.io.CsvTable.read(base.resolve(TraceOutputs.CELLS_CSV)));
        }
        if (Files.exists(base.resolve(org.spikescope.pipeline.Pipeline.SPIKES_CSV))) {
            CellPlotOnSelection.install(base); // bundles with spikes: the selected cell's trace, calcium and spikes
        }
        ReviewWindow w = new ReviewWindow(session, rois, image);
        w.footprints = org.spikescope.io.FootprintFiles.read(base.resolve(TraceOutputs.RESULTS_H5), image.getWidth(),
                image.getHeight());
        Roi.addRoiListener(w.footprintOnSelection);
        w.recolour();
        w.setLocation(image.getWindow() != null ? image.getWindow().getX() : 0, image.getWindow() != null
                ? image.getWindow().getY() + image.getWindow().getHeight() + 5 : 0);
        w.setVisible(true);
        return w;
    }

    private KeyAdapter keys() {
        return new KeyAdapter() {
            @Override
            public void keyPressed(KeyEvent e) {
                switch (Character.toLowerCase(e.getKeyChar())) {
                    case 'a' -> press("Accept");
                    case 'r' -> press("Reject");
                    case 'm' -> press("Merge");
                    case 'z' -> press("Undo");
                    case 's' -> press("Apply");
                    default -> {
                    }
                }
            }
        };
    }

    /** What a button does (also for keys and scripted use). */
    public void press(String action) {
        try {
            List<String> selected = selected();
            switch (action) {
                case "Accept" -> session.accept(selected);
                case "Reject" -> session.reject(selected);
                case "Merge" -> session.merge(selected);
                case "Undo" -> status.setText(session.undo() ? "undone" : "nothing to undo");
                case "Apply" -> {
                    List<String> deleted = deletedFromManager();
                    if (!deleted.isEmpty()) {
                        session.reject(deleted);
                    }
                    CurationRun.Result r = session.apply(ProgressListener.NONE);
                    status.setText(String.format(Locale.ROOT, "applied: %d of %d cells kept (%d rejected, %d merged)",
                            r.kept(), r.cells(), r.rejected(), r.merged()));
                }
                default -> throw new IllegalArgumentException(action);
            }
            if (!action.equals("Apply") && !action.equals("Undo")) {
                status.setText(action.toLowerCase(Locale.ROOT) + ": " + String.join(", ", selected));
            }
            recolour();
        } catch (InputException e) {
            status.setText(e.getMessage());
        } catch (IOException e) {
            status.setText("not applied: " + e.getMessage());
        }
    }

    /** The cells selected in the ROI Manager, else the image's selection. */
    private List<String> selected() {
        List<String> names = new ArrayList<>();
        RoiManager manager = RoiManager.getInstance();
        if (manager != null) {
            for (int i : manager.getSelectedIndexes()) {
                names.add(manager.getRoi(i).getName());
            }
        }
        Roi roi = image.getRoi();
        if (names.isEmpty() && roi != null && roi.getName() != null) {
            names.add(roi.getName());
        }
        names.retainAll(session.cells());
        return names;
    }

    private List<String> deletedFromManager() {
        RoiManager manager = RoiManager.getInstance();
        List<String> present = new ArrayList<>();
        if (manager != null) {
            for (Roi r : manager.getRoisAsArray()) {
                present.add(r.getName());
            }
        }
        List<String> deleted = new ArrayList<>();
        for (String cell : session.cells()) {
            if (manager != null && !present.contains(cell) && !session.status(cell).equals("rejected")) {
                deleted.add(cell);
            }
        }
        return deleted;
    }

    private void showFootprint(String name, org.spikescope.core.Footprint f) {
        ij.process.FloatProcessor fp = new ij.process.FloatProcessor(f.w(), f.h(), f.weights().clone());
        fp.setInterpolationMethod(ij.process.ImageProcessor.NONE);
        ij.process.ImageProcessor big = fp.resize(f.w() * 8, f.h() * 8);
        big.resetMinAndMax();
        String title = "footprint: " + name;
        if (footprintView == null || footprintView.getWindow() == null) {
            footprintView = new ImagePlus(title, big);
            footprintView.show();
        } else {
            footprintView.setProcessor(title, big);
        }
    }

    private void recolour() {
        Overlay overlay = new Overlay();
        for (Roi r : rois) {
            Roi outline = (Roi) r.clone();
            String s = session.status(r.getName());
            outline.setStrokeColor(s.equals("rejected") ? REJECTED : s.equals("merged") ? MERGED : KEPT);
            overlay.add(outline);
        }
        image.setOverlay(overlay);
    }
}
