package org.spikescope.export;

import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.gui.Wand;
import ij.io.RoiDecoder;
import ij.io.RoiEncoder;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;
import org.spikescope.core.Footprint;
import org.spikescope.core.ImageJFormats;
import org.spikescope.core.InputException;
import org.spikescope.io.FileTrees;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Cell outlines as ImageJ ROI Manager files ({@code RoiSet.zip}: one {@code .roi} entry per cell, ImageJ's own
 * encoder), and back to footprints.
 */
public final class RoiSetFiles {


    private RoiSetFiles() {
    }

    /** The outline of a footprint: the traced border of its largest region above {@link #Footprint.OUTLINE_LEVEL}. */
    public static Roi outline(Footprint f, String name) {
        ByteProcessor mask = new ByteProcessor(f.w() + 2, f.h() + 2);
        float peak = 0;
        for (float v : f.weights()) {
            peak = Math.max(peak, v);
        }
        int startX = -1;
        int startY = -1;
        float best = -1;
        for (int y = 0; y < f.h(); y++) {
            for (int x = 0; x < f.w(); x++) {
                float v = f.weights()[y * f.w() + x];
                if (v > Footprint.OUTLINE_LEVEL * peak) {
                    mask.set(x + 1, y + 1, 255);
                    if (v > best) {
                        best = v;
                        startX = x + 1;
                        startY = y + 1;
                    }
                }
            }
        }
        Roi roi;
        if (startX < 0) {
            roi = new Roi(f.x0(), f.y0(), 1, 1);
        } else {
            Wand wand = new Wand(mask);
            wand.autoOutline(startX, startY, 255, 255, Wand.FOUR_CONNECTED);
            int[] xs = new int[wand.npoints];
            int[] ys = new int[wand.npoints];
            for (int i = 0; i < wand.npoints; i++) {
                xs[i] = wand.xpoints[i] - 1 + f.x0();
                ys[i] = wand.ypoints[i] - 1 + f.y0();
            }
            roi = new PolygonRoi(xs, ys, wand.npoints, Roi.TRACED_ROI);
        }
        roi.setName(name);
        return roi;
    }

    /** Writes one outline per footprint, named by {@code names}, atomically. */
    public static void write(List<Footprint> footprints, List<String> names, Path file) throws IOException {
        FileTrees.writeAtomically(file, temp -> {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(temp))) {
                for (int i = 0; i < footprints.size(); i++) {
                    Roi roi = outline(footprints.get(i), names.get(i));
                    zip.putNextEntry(new ZipEntry(names.get(i) + ".roi"));
                    zip.write(RoiEncoder.saveAsByteArray(roi));
                    zip.closeEntry();
                }
            }
        });
    }

    /** Reads a RoiSet.zip (or a single .roi) as flat footprints (weight 1 inside each ROI), clipped to the image. */
    public static List<Footprint> read(Path file, int width, int height) throws IOException {
        List<Footprint> out = new ArrayList<>();
        for (Roi roi : readRois(file)) {
            out.add(footprint(roi, width, height, file));
        }
        return out;
    }

    /**
     * Reads a RoiSet.zip (or a single .roi) as flat footprints with the ROIs' names (an unnamed ROI is named by its
     * position, from 1), on an image just large enough to hold every ROI.
     */
    public static ImageJFormats.NamedFootprints readNamed(Path file) throws IOException {
        List<Roi> rois = readRois(file);
        int width = 1;
        int height = 1;
        for (Roi roi : rois) {
            java.awt.Rectangle b = roi.getBounds();
            width = Math.max(width, b.x + b.width);
            height = Math.max(height, b.y + b.height);
        }
        List<Footprint> footprints = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Roi roi : rois) {
            footprints.add(footprint(roi, width, height, file));
            String name = roi.getName();
            names.add(name == null || name.isBlank() ? String.valueOf(names.size() + 1) : name);
        }
        return new ImageJFormats.NamedFootprints(names, footprints, width, height);
    }

    /** The ROIs of a RoiSet.zip (or a single .roi), in their order. */
    public static List<Roi> readRois(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": no such file");
        }
        List<Roi> rois = new ArrayList<>();
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".roi")) {
            try (InputStream in = Files.newInputStream(file)) {
                rois.add(decode(readAtMost(in, MAX_ROI_BYTES, file, "(the file)"), file.getFileName().toString(),
                        file));
            }
        } else {
            long total = 0;
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
                ZipEntry e;
                while ((e = zip.getNextEntry()) != null) {
                    if (e.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".roi")) {
                        byte[] bytes = readAtMost(zip, MAX_ROI_BYTES, file, e.getName());
                        total += bytes.length;
                        if (total > MAX_SET_BYTES || rois.size() >= MAX_ROIS) {
                            throw new InputException(file + ": more than " + MAX_ROIS + " ROIs or " + MAX_SET_BYTES
                                    + " bytes unpacked; not an ROI Manager set (a zip bomb?)");
                        }
                        rois.add(decode(bytes, e.getName(), file));
                    }
                }
            }
        }
        if (rois.isEmpty()) {
            throw new InputException(file + ": no ImageJ ROIs (.roi entries) found; expected a RoiSet.zip from the "
                    + "ROI Manager");
        }
        return rois;
    }

    private static Roi decode(byte[] bytes, String name, Path file) throws IOException {
        Roi roi;
        try {
            roi = new RoiDecoder(bytes, name).getRoi();
        } catch (RuntimeException e) {
            roi = null;
        }
        if (roi == null) {
            throw new InputException(file + ", entry " + name + ": not a readable ImageJ ROI");
        }
        return roi;
    }

    /** An ROI file is a few hundred bytes; a polygon of many points some kilobytes. */
    static final int MAX_ROI_BYTES = 4 << 20;
    static final long MAX_SET_BYTES = 256L << 20;
    static final int MAX_ROIS = 100_000;

    private static byte[] readAtMost(InputStream in, int limit, Path file, String entry) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new InputException(file + ", entry " + entry + ": unpacks to more than " + limit + " bytes; not "
                    + "an ImageJ ROI (a zip bomb?)");
        }
        return bytes;
    }

    private static Footprint footprint(Roi roi, int width, int height, Path file) {
        java.awt.Rectangle b = roi.getBounds();
        if ((long) b.width * b.height > 4L * width * height) {
            throw new InputException(file + ", ROI '" + roi.getName() + "': its bounds (" + b.width + "x" + b.height
                    + ") are far larger than the " + width + "x" + height + " movie; not a cell");
        }
        int x0 = Math.max(0, b.x);
        int y0 = Math.max(0, b.y);
        int x1 = Math.min(width, b.x + b.width);
        int y1 = Math.min(height, b.y + b.height);
        if (x1 <= x0 || y1 <= y0) {
            throw new InputException(file + ", ROI '" + roi.getName() + "': lies outside the " + width + "x" + height
                    + " movie");
        }
        ImageProcessor mask = roi.getMask();
        float[] w = new float[(x1 - x0) * (y1 - y0)];
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                boolean inside = mask == null || mask.get(x - b.x, y - b.y) != 0;
                w[(y - y0) * (x1 - x0) + x - x0] = inside ? 1 : 0;
            }
        }
        return new Footprint(x0, y0, x1 - x0, y1 - y0, w);
    }
}
