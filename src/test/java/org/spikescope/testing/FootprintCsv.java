package org.spikescope.testing;

import org.spikescope.core.Footprint;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Footprints written as CellReg's sample data holds them: cell,row,col,value per non-zero pixel (.gz: gzipped). */
public final class FootprintCsv {

    private FootprintCsv() {
    }

    public static void write(List<Footprint> cells, List<String> ids, Path file) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
             OutputStream maybeZipped = file.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw;
             Writer out = new OutputStreamWriter(maybeZipped, StandardCharsets.UTF_8)) {
            out.write("cell,row,col,value\n");
            for (int c = 0; c < cells.size(); c++) {
                Footprint f = cells.get(c);
                for (int y = 0; y < f.h(); y++) {
                    for (int x = 0; x < f.w(); x++) {
                        float v = f.weights()[y * f.w() + x];
                        if (v > 0) {
                            out.write(ids.get(c) + "," + (f.y0() + y) + "," + (f.x0() + x) + "," + v + "\n");
                        }
                    }
                }
            }
        }
    }
}
