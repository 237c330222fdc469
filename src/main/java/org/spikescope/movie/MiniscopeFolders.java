package org.spikescope.movie;

import com.fasterxml.jackson.databind.JsonNode;
import org.spikescope.core.FrameGap;
import org.spikescope.core.FrameSource;
import org.spikescope.core.FrameTimes;
import org.spikescope.core.InputException;
import org.spikescope.io.CsvTable;
import org.spikescope.io.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * UCLA Miniscope recording folders. V4: {@code 0.avi, 1.avi, …} with {@code metaData.json} and
 * {@code timeStamps.csv} (Frame Number, Time Stamp (ms), Buffer Index). V3: {@code msCam1.avi, …} with
 * {@code timestamp.dat} (camNum, frameNum, sysClock, buffer; tab separated).
 */
public final class MiniscopeFolders {

    static final Pattern V4_AVI = Pattern.compile("(\\d+)\\.avi", Pattern.CASE_INSENSITIVE);
    static final Pattern V3_AVI = Pattern.compile("msCam(\\d+)\\.avi", Pattern.CASE_INSENSITIVE);
    public static final String V4_TIMESTAMPS = "timeStamps.csv";
    public static final String V4_METADATA = "metaData.json";

    private MiniscopeFolders() {
    }

    /**
     * The folder that holds the movie files, when {@code folder} or a subfolder (up to 3 levels) is a recording.
     * In a V4 session folder the miniscope's camera folder wins over behaviour cameras.
     */
    public static Optional<Path> findRecording(Path folder) throws IOException {
        try (Stream<Path> dirs = Files.walk(folder, 3)) {
            return dirs.filter(Files::isDirectory)
                    .filter(d -> !aviFiles(d, V4_AVI).isEmpty() || !aviFiles(d, V3_AVI).isEmpty())
                    .min(Comparator.comparingInt((Path d) -> d.getNameCount())
                            .thenComparing(d -> !isMiniscopeCamera(d))
                            .thenComparing(Path::toString));
        }
    }

    /** The V4 software names the camera folder after the device and writes its type into metaData.json. */
    private static boolean isMiniscopeCamera(Path dir) {
        if (dir.getFileName() != null && dir.getFileName().toString().toLowerCase(Locale.ROOT).contains("miniscope")) {
            return true;
        }
        try {
            JsonNode type = Json.MAPPER.readTree(dir.resolve(V4_METADATA).toFile()).get("deviceType");
            return type != null && type.asText().toLowerCase(Locale.ROOT).startsWith("miniscope");
        } catch (IOException e) {
            return false;
        }
    }

    public static FrameSource open(Path folder) throws IOException {
        Path recording = findRecording(folder).orElseThrow(() -> new InputException(folder
                + ": no Miniscope recording found (expected 0.avi, 1.avi, … with metaData.json and timeStamps.csv,"
                + " or msCam1.avi, … with timestamp.dat)"));
        return aviFiles(recording, V4_AVI).isEmpty() ? openV3(recording) : openV4(recording);
    }

    static FrameSource openV4(Path folder) throws IOException {
        List<Path> files = aviFiles(folder, V4_AVI);
        checkNumbering(files, V4_AVI, 0, folder);
        double metaRate = readV4FrameRate(folder.resolve(V4_METADATA));
        List<AviReader> parts = openAll(files);
        int frames = ConcatenatedFrameSource.countFrames(parts);
        Path stampsFile = folder.resolve(V4_TIMESTAMPS);
        double rate = metaRate > 0 ? metaRate : parts.get(0).frameRate();
        Stamps stamps = Files.exists(stampsFile) ? readV4Stamps(stampsFile) : null;
        return assemble(folder, parts, frames, rate, stamps, "Miniscope V4 ");
    }

    static FrameSource openV3(Path folder) throws IOException {
        List<Path> files = aviFiles(folder, V3_AVI);
        checkNumbering(files, V3_AVI, 1, folder);
        List<AviReader> parts = openAll(files);
        int frames = ConcatenatedFrameSource.countFrames(parts);
        Path stampsFile = folder.resolve("timestamp.dat");
        Stamps stamps = Files.exists(stampsFile) ? readV3Stamps(stampsFile, frames) : null;
        return assemble(folder, parts, frames, parts.get(0).frameRate(), stamps, "Miniscope V3 ");
    }

    private static FrameSource assemble(Path folder, List<AviReader> parts, int frames, double rate, Stamps stamps,
                                        String kind) {
        FrameTimes times;
        List<FrameGap> gaps = List.of();
        String note = "";
        if (stamps != null && stamps.seconds.length >= frames) {
            double[] t = new double[frames];
            long[] numbers = new long[frames];
            System.arraycopy(stamps.seconds, 0, t, 0, frames);
            System.arraycopy(stamps.numbers, 0, numbers, 0, frames);
            times = new FrameTimes(t);
            gaps = FrameGapFinder.find(numbers, t);
            if (stamps.seconds.length > frames) {
                note = " (" + (stamps.seconds.length - frames) + " time stamps beyond the last stored frame ignored)";
            }
        } else {
            times = FrameTimes.regular(frames, rate);
            note = stamps != null ? " (only " + stamps.seconds.length + " time stamps for " + frames
                    + " frames: times assume a regular " + rate + " Hz)"
                    : " (note: no time stamps file, so dropped frames cannot be known; times assume a regular "
                    + rate + " Hz)";
        }
        return new ConcatenatedFrameSource(parts, times, gaps, kind + folder + note);
    }

    private static List<AviReader> openAll(List<Path> files) throws IOException {
        List<AviReader> parts = new ArrayList<>();
        try {
            for (Path f : files) {
                parts.add(AviReader.open(f));
            }
        } catch (IOException | RuntimeException e) {
            for (AviReader r : parts) {
                r.close();
            }
            throw e;
        }
        return parts;
    }

    static List<Path> aviFiles(Path folder, Pattern pattern) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> pattern.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparingLong(f -> number(f, pattern)))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long number(Path file, Pattern pattern) {
        Matcher m = pattern.matcher(file.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    private static void checkNumbering(List<Path> files, Pattern pattern, int first, Path folder) {
        for (int i = 0; i < files.size(); i++) {
            long n = number(files.get(i), pattern);
            if (n != first + i) {
                throw new InputException(folder + ": movie file number " + (first + i) + " is missing (found "
                        + files.get(i).getFileName() + " next); the recording would play with a hole in it");
            }
        }
    }

    /** Frame rate from metaData.json ("20FPS" or a number); 0 when absent. */
    static double readV4FrameRate(Path metaData) throws IOException {
        if (!Files.exists(metaData)) {
            return 0;
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(metaData.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InputException(metaData + ": not valid JSON (" + e.getOriginalMessage() + ")");
        }
        JsonNode rate = root.get("frameRate");
        if (rate == null || rate.isNull()) {
            return 0;
        }
        if (rate.isNumber()) {
            return rate.asDouble();
        }
        Matcher m = Pattern.compile("([0-9.]+)").matcher(rate.asText());
        if (!m.find()) {
            throw new InputException(metaData + ", field frameRate: '" + rate.asText()
                    + "' is not a frame rate (expected e.g. \"20FPS\" or 20)");
        }
        return Double.parseDouble(m.group(1));
    }

    /** Frame numbers and times (s, from the first frame) of a V4 timeStamps.csv. */
    static Stamps readV4Stamps(Path file) throws IOException {
        CsvTable table = CsvTable.read(file).requireColumns(file, "Frame Number", "Time Stamp (ms)");
        double[] numbers = table.column("Frame Number");
        double[] millis = table.column("Time Stamp (ms)");
        long[] n = new long[numbers.length];
        long[] ms = new long[numbers.length];
        for (int i = 0; i < n.length; i++) {
            n[i] = (long) numbers[i];
            ms[i] = Math.round(millis[i] * 1000); // microseconds
        }
        return stamps(n, ms, file);
    }

    /** Frame numbers and times of the miniscope camera in a V3 timestamp.dat. */
    static Stamps readV3Stamps(Path file, int frames) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new InputException(file + ": empty; expected the header 'camNum frameNum sysClock buffer'");
            }
            Map<String, Integer> columns = columns(header, "\\s+");
            int cam = required(columns, "camNum", file);
            int number = required(columns, "frameNum", file);
            int clock = required(columns, "sysClock", file);
            List<String> lines = in.lines().filter(l -> !l.isBlank()).toList();
            Map<Long, Integer> perCamera = new LinkedHashMap<>();
            for (String l : lines) {
                try {
                    perCamera.merge(Long.parseLong(l.trim().split("\\s+")[cam]), 1, Integer::sum);
                } catch (RuntimeException e) {
                    throw new InputException(file + ": '" + l + "' has no whole camera number in column camNum");
                }
            }
            // the miniscope is the camera whose frame count matches the msCam files; else the first one
            long camera = perCamera.entrySet().stream().filter(e -> e.getValue() == frames).map(Map.Entry::getKey)
                    .findFirst().orElse(perCamera.keySet().stream().findFirst().orElse(0L));
            try (BufferedReader rows = new BufferedReader(new java.io.StringReader(String.join("\n", lines)))) {
                return readV3Rows(rows, file, number, clock, cam, camera);
            }
        }
    }

    private static Stamps readV3Rows(BufferedReader in, Path file, int numberCol, int timeCol, int cameraCol,
                                     long camera) throws IOException {
        List<long[]> rows = new ArrayList<>();
        String line;
        int lineNo = 1;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            try {
                if (cameraCol >= 0 && Long.parseLong(f[cameraCol].trim()) != camera) {
                    continue;
                }
                rows.add(new long[]{Long.parseLong(f[numberCol].trim()),
                        Math.round(Double.parseDouble(f[timeCol].trim()) * 1000)});
            } catch (RuntimeException e) {
                throw new InputException(file + ", line " + lineNo + ": '" + line
                        + "' is not a row of whole numbers (frame number, time stamp in ms)");
            }
        }
        long[] numbers = new long[rows.size()];
        long[] micros = new long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            numbers[i] = rows.get(i)[0];
            micros[i] = rows.get(i)[1];
        }
        return stamps(numbers, micros, file);
    }

    /** Times in seconds from the first frame; time stamps must not go back. */
    private static Stamps stamps(long[] numbers, long[] micros, Path file) {
        double[] seconds = new double[numbers.length];
        for (int i = 0; i < numbers.length; i++) {
            seconds[i] = (micros[i] - micros[0]) / 1e6;
            if (i > 0 && seconds[i] < seconds[i - 1]) {
                throw new InputException(file + ": time stamp of frame " + numbers[i] + " (" + micros[i] / 1000.0
                        + " ms) is earlier than the one before; expected increasing time stamps");
            }
        }
        return new Stamps(numbers, seconds);
    }

    private static Map<String, Integer> columns(String header, String separator) {
        Map<String, Integer> map = new LinkedHashMap<>();
        String[] names = header.trim().split(separator);
        for (int i = 0; i < names.length; i++) {
            map.put(names[i].trim(), i);
        }
        return map;
    }

    private static int required(Map<String, Integer> columns, String name, Path file) {
        Integer c = columns.get(name);
        if (c == null) {
            throw new InputException(file + ": no column '" + name + "' (found: " + String.join(", ", columns.keySet())
                    + ")");
        }
        return c;
    }

    /** Acquisition frame counters and times in seconds from the first frame. */
    record Stamps(long[] numbers, double[] seconds) {
    }
}
