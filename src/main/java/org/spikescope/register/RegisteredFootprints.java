package org.spikescope.register;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import org.spikescope.core.Footprint;
import org.spikescope.core.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every registered cell's footprint in one session's own image, for measuring all of them in that session's movie:
 * the cell's own footprint where the registration found it in that session, else its footprint from the reference
 * session (or the first session that has it) carried over by the two sessions' transforms. A cell carried outside
 * the session's image has none (null).
 *
 * @param registered per registered cell, its footprint in the session (null when it lies outside)
 * @param own        per registered cell, whether the footprint is the session's own
 */
public record RegisteredFootprints(List<Footprint> registered, boolean[] own, int width, int height) {

    /**
     * @param registration a "Register Sessions" output folder or its results.h5
     * @param session      counted from 1
     */
    public static RegisteredFootprints inSession(Path registration, int session) throws IOException {
        Path h5 = Files.isDirectory(registration) ? registration.resolve(RegistrationOutputs.RESULTS_H5)
                : registration;
        int[][] map;
        double[][] rows;
        List<Path> sources = new ArrayList<>();
        int[] counts;
        int reference;
        try (HdfFile in = new HdfFile(h5)) {
            map = (int[][]) dataset(in, h5, RegistrationOutputs.CELL_MAP_DATASET);
            rows = (double[][]) dataset(in, h5, RegistrationOutputs.TRANSFORMS);
            Node group = in.getByPath("/registration");
            reference = ((Number) group.getAttribute("reference_session").getData()).intValue() - 1;
            counts = (int[]) group.getAttribute(RegistrationOutputs.CELLS_PER_SESSION).getData();
            for (int s = 1; s <= rows.length; s++) {
                sources.add(Path.of(String.valueOf(group.getAttribute(RegistrationOutputs.SOURCE + s).getData())));
            }
        } catch (io.jhdf.exceptions.HdfException | ClassCastException | NullPointerException e) {
            throw new InputException("parameter 'registration': " + h5 + ": not the results.h5 of Register Sessions ("
                    + e.getMessage() + ")");
        }
        if (session < 1 || session > sources.size()) {
            throw new InputException("parameter 'session': " + session + "; the registration holds sessions 1 to "
                    + sources.size());
        }
        int k = session - 1;
        List<SessionTransform> transforms = new ArrayList<>();
        for (double[] row : rows) {
            transforms.add(transform(row));
        }
        Map<Integer, Session> read = new HashMap<>();
        Session target = source(read, sources, counts, k);
        List<Footprint> out = new ArrayList<>();
        boolean[] own = new boolean[map.length];
        for (int c = 0; c < map.length; c++) {
            if (map[c][k] >= 0) {
                out.add(target.footprints().get(map[c][k]));
                own[c] = true;
                continue;
            }
            int from = map[c][reference] >= 0 ? reference : firstFound(map[c]);
            Footprint f = source(read, sources, counts, from).footprints().get(map[c][from]);
            SessionTransform a = transforms.get(from);
            SessionTransform b = transforms.get(k);
            Footprint moved = FootprintWarp.clipped(FootprintWarp.moved(f, p -> {
                double[] q = a.apply(p[0], p[1]);
                return b.invert(q[0], q[1]);
            }, p -> {
                double[] q = b.apply(p[0], p[1]);
                return a.invert(q[0], q[1]);
            }), target.width(), target.height());
            out.add(moved.w() > 0 ? moved : null);
        }
        return new RegisteredFootprints(out, own, target.width(), target.height());
    }

    private static Object dataset(HdfFile in, Path file, String path) {
        Node node = in.getByPath(path);
        if (!(node instanceof Dataset d)) {
            throw new InputException("parameter 'registration': " + file + ": " + path + " is not a dataset");
        }
        return d.getData();
    }

    private static SessionTransform transform(double[] row) {
        double[] warp = java.util.Arrays.copyOfRange(row, 5, row.length);
        boolean rigid = java.util.Arrays.stream(warp).allMatch(v -> v == 0);
        return new SessionTransform(row[0], row[1], row[2], row[3], row[4], rigid ? null : warp);
    }

    private static int firstFound(int[] cell) {
        for (int s = 0; s < cell.length; s++) {
            if (cell[s] >= 0) {
                return s;
            }
        }
        throw new InputException("a registered cell found in no session");
    }

    private static Session source(Map<Integer, Session> read, List<Path> sources, int[] counts, int s)
            throws IOException {
        Session session = read.get(s);
        if (session == null) {
            try {
                session = SessionFiles.read(sources.get(s));
            } catch (InputException e) {
                throw new InputException("parameter 'registration': session " + (s + 1) + "'s cells, "
                        + e.getMessage() + " (moved since the registration?)", e);
            }
            if (session.cells() != counts[s]) {
                throw new InputException("parameter 'registration': session " + (s + 1) + "'s cells, "
                        + sources.get(s) + ", now holds " + session.cells() + " cells; it held " + counts[s]
                        + " when registered (changed since? register again)");
            }
            read.put(s, session);
        }
        return session;
    }
}
