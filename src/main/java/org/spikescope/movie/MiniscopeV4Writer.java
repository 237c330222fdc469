package org.spikescope.movie;

import org.spikescope.core.FrameSink;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.spikescope.io.Json;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a UCLA Miniscope V4 camera folder: {@code 0.avi, 1.avi, …} of {@code framesPerFile} 8-bit GREY
 * frames each, {@code metaData.json} and {@code timeStamps.csv} (Frame Number, Time Stamp (ms), Buffer Index).
 */
public final class MiniscopeV4Writer implements FrameSink {

    private final Path folder;
    private final int width;
    private final int height;
    private final double frameRate;
    private final int framesPerFile;
    private final List<long[]> stamps = new ArrayList<>();
    private AviWriter current;
    private int written;

    public MiniscopeV4Writer(Path folder, int width, int height, double frameRate, int framesPerFile)
            throws IOException {
        this.folder = Files.createDirectories(folder);
        this.width = width;
        this.height = height;
        this.frameRate = frameRate;
        this.framesPerFile = framesPerFile;
    }

    /** Appends a frame with its acquisition frame number and time stamp; gaps in either mark dropped frames. */
    public void write(float[] frame, long frameNumber, long timeMs) throws IOException {
        if (written % framesPerFile == 0) {
            if (current != null) {
                current.close();
            }
            current = new AviWriter(folder.resolve(written / framesPerFile + ".avi"), width, height, frameRate);
        }
        current.write(frame);
        stamps.add(new long[]{frameNumber, timeMs});
        written++;
    }

    @Override
    public void write(float[] frame) throws IOException {
        write(frame, written, Math.round(written * 1000 / frameRate));
    }

    /** The frame is encoded before write returns. */
    @Override
    public boolean releasesFrames() {
        return true;
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
        }
        try (BufferedWriter out = Files.newBufferedWriter(folder.resolve(MiniscopeFolders.V4_TIMESTAMPS),
                StandardCharsets.UTF_8)) {
            out.write("Frame Number,Time Stamp (ms),Buffer Index\n");
            for (long[] s : stamps) {
                out.write(s[0] + "," + s[1] + ",0\n");
            }
        }
        ObjectNode meta = Json.MAPPER.createObjectNode();
        ObjectNode roi = meta.putObject("ROI");
        roi.put("height", height).put("leftEdge", 0).put("topEdge", 0).put("width", width);
        meta.put("compression", "GREY");
        meta.put("deviceName", "Miniscope");
        meta.put("deviceType", "Miniscope_V4_BNO");
        meta.put("frameRate", Math.round(frameRate) == frameRate ? Math.round(frameRate) + "FPS" : frameRate + "FPS");
        meta.put("framesPerFile", framesPerFile);
        meta.put("gain", "Low");
        meta.put("led0", 10);
        Json.MAPPER.writeValue(folder.resolve(MiniscopeFolders.V4_METADATA).toFile(), meta);
    }
}
