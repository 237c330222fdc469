package org.spikescope.sim;

import org.spikescope.core.Choice;
import org.spikescope.core.SettingsCheck;


/**
 * Everything that defines a simulated one-photon miniscope recording; the same settings and seed give the same
 * movie bit for bit. Intensities are in photoelectrons per pixel and frame before the camera's conversion.
 *
 * @param format           movie file format: tiff, hdf5 or v4 (a UCLA Miniscope V4 folder of 8-bit AVIs)
 * @param footprints       empty for synthetic cell shapes, or a CSV of real footprints (unit_id,row,col,value)
 * @param motion           none, rigid or piecewise
 * @param maxShift         largest displacement of the field of view, pixels
 * @param spikeRate        mean firing rate per cell, Hz (cells vary log-normally around it)
 * @param burstiness       fraction of time cells spend in high-rate bursts (0 = plain Poisson)
 * @param decayTime        mean calcium decay time constant, seconds
 * @param riseTime         calcium rise time constant, seconds
 * @param spikeAmplitude   peak-pixel fluorescence added by one isolated spike, photoelectrons
 * @param restingBrightness peak-pixel resting fluorescence of a cell, photoelectrons
 * @param background       mean one-photon background (neuropil, out-of-focus light), photoelectrons
 * @param backgroundFluctuation relative amplitude of the slow background fluctuations
 * @param vessels          number of blood vessels shading the field of view
 * @param readNoise        camera read noise, electrons (rms)
 * @param droppedFrames    frames lost in acquisition (v4 only: they show in the time stamps)
 * @param corruptedFrames  frames damaged by line noise or corrupted blocks
 * @param framesPerFile    frames per AVI in v4 folders (the V4 software writes 1000)
 * @param vignetting       the lens's fall-off, brightness in the centre over that in the corners, on all the light
 *                         the brain sends (cells and background alike, after motion: the lens does not move with
 *                         the brain); 1 = none. A real miniscope measured 2.6 (shared/data/miniscope)
 */
public record SimulationSettings(
        int frames, int width, int height, int cells, double frameRate, long seed, SimulatedFormat format,
        double cellRadius, String footprints, SimulatedMotion motion, double maxShift,
        double spikeRate, double burstiness, double decayTime, double riseTime,
        double spikeAmplitude, double restingBrightness, double background, double backgroundFluctuation,
        int vessels, double readNoise, int droppedFrames, int corruptedFrames, int framesPerFile,
        double vignetting) {

    public SimulationSettings {
        format = format == null ? SimulatedFormat.TIFF : format;
        motion = motion == null ? SimulatedMotion.RIGID : motion;
        // settings files written before the lens was simulated have no vignetting: none
        vignetting = vignetting == 0 ? 1 : vignetting;
        footprints = footprints == null ? "" : footprints;
    }

    public static SimulationSettings defaults() {
        return new SimulationSettings(1000, 256, 256, 50, 20.0, 1, SimulatedFormat.TIFF,
                6.0, "", SimulatedMotion.RIGID, 5.0,
                0.5, 0.05, 0.6, 0.08,
                120, 60, 800, 0.15,
                4, 5.0, 0, 0, 1000, 1);
    }

    /** Bits per pixel of the written movie: the Miniscope writes 8-bit AVIs, the other formats 16-bit. */
    public int bitDepth() {
        return format == SimulatedFormat.V4 ? 8 : 16;
    }

    /** Camera counts per photoelectron, chosen so that the movie fits its bit depth. */
    public double countsPerElectron() {
        return bitDepth() == 8 ? 0.1 : 1.0;
    }

    /** Dark level of the camera, counts. */
    public double offsetCounts() {
        return bitDepth() == 8 ? 8 : 100;
    }

    /** Checks every field; the message names each bad one and what it must be. */
    public SimulationSettings validate() {
        new SettingsCheck("simulation settings")
                .positive("frames", frames)
                .require(width >= 16 && height >= 16, "width and height must be at least 16 pixels (got " + width
                        + "x" + height + ")")
                .nonNegative("cells", cells)
                .positive("frameRate", frameRate)
                .require(cellRadius >= 1 && cellRadius <= Math.min(width, height) / 4.0,
                        "cellRadius must be between 1 and a quarter of the image (got " + cellRadius + ")")
                .nonNegative("maxShift", maxShift)
                .nonNegative("spikeRate", spikeRate)
                .require(burstiness >= 0 && burstiness < 1, "burstiness must be in [0, 1) (got " + burstiness + ")")
                .positive("decayTime", decayTime)
                .positive("riseTime", riseTime)
                .require(riseTime < decayTime, "riseTime (" + riseTime + " s) must be shorter than decayTime ("
                        + decayTime + " s)")
                .nonNegative("spikeAmplitude", spikeAmplitude)
                .nonNegative("restingBrightness", restingBrightness)
                .nonNegative("background", background)
                .require(backgroundFluctuation >= 0 && backgroundFluctuation < 1,
                        "backgroundFluctuation must be in [0, 1) (got " + backgroundFluctuation + ")")
                .nonNegative("vessels", vessels)
                .nonNegative("readNoise", readNoise)
                .require(droppedFrames >= 0 && droppedFrames <= frames / 10,
                        "droppedFrames must be between 0 and a tenth of the frames (got " + droppedFrames + ")")
                .require(droppedFrames == 0 || format == SimulatedFormat.V4, "droppedFrames needs format v4: TIFF and HDF5 "
                        + "movies carry no time stamps to show the gaps")
                .require(corruptedFrames >= 0 && corruptedFrames <= frames / 5,
                        "corruptedFrames must be between 0 and a fifth of the frames (got " + corruptedFrames + ")")
                .positive("framesPerFile", framesPerFile)
                .between("vignetting", vignetting, 1, 20)
                .done();
        return this;
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder(defaults());
    }

    /** Changes some fields of a settings record; unchanged fields keep their values. */
    public static final class Builder {
        private int frames;
        private int width;
        private int height;
        private int cells;
        private double frameRate;
        private long seed;
        private SimulatedFormat format;
        private double cellRadius;
        private String footprints;
        private SimulatedMotion motion;
        private double maxShift;
        private double spikeRate;
        private double burstiness;
        private double decayTime;
        private double riseTime;
        private double spikeAmplitude;
        private double restingBrightness;
        private double background;
        private double backgroundFluctuation;
        private int vessels;
        private double readNoise;
        private int droppedFrames;
        private int corruptedFrames;
        private int framesPerFile;
        private double vignetting;

        private Builder(SimulationSettings s) {
            frames = s.frames();
            width = s.width();
            height = s.height();
            cells = s.cells();
            frameRate = s.frameRate();
            seed = s.seed();
            format = s.format();
            cellRadius = s.cellRadius();
            footprints = s.footprints();
            motion = s.motion();
            maxShift = s.maxShift();
            spikeRate = s.spikeRate();
            burstiness = s.burstiness();
            decayTime = s.decayTime();
            riseTime = s.riseTime();
            spikeAmplitude = s.spikeAmplitude();
            restingBrightness = s.restingBrightness();
            background = s.background();
            backgroundFluctuation = s.backgroundFluctuation();
            vessels = s.vessels();
            readNoise = s.readNoise();
            droppedFrames = s.droppedFrames();
            corruptedFrames = s.corruptedFrames();
            framesPerFile = s.framesPerFile();
            vignetting = s.vignetting();
        }

        public Builder frames(int value) {
            frames = value;
            return this;
        }

        public Builder width(int value) {
            width = value;
            return this;
        }

        public Builder height(int value) {
            height = value;
            return this;
        }

        public Builder cells(int value) {
            cells = value;
            return this;
        }

        public Builder frameRate(double value) {
            frameRate = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** @param value tiff, hdf5 or v4 (any case) */
        public Builder format(String value) {
            return format(Choice.parse(SimulatedFormat.class, value, "format"));
        }

        public Builder format(SimulatedFormat value) {
            format = value;
            return this;
        }

        public Builder cellRadius(double value) {
            cellRadius = value;
            return this;
        }

        public Builder footprints(String value) {
            footprints = value;
            return this;
        }

        /** @param value none, rigid or piecewise (any case) */
        public Builder motion(String value) {
            return motion(Choice.parse(SimulatedMotion.class, value, "motion"));
        }

        public Builder motion(SimulatedMotion value) {
            motion = value;
            return this;
        }

        public Builder maxShift(double value) {
            maxShift = value;
            return this;
        }

        public Builder spikeRate(double value) {
            spikeRate = value;
            return this;
        }

        public Builder burstiness(double value) {
            burstiness = value;
            return this;
        }

        public Builder decayTime(double value) {
            decayTime = value;
            return this;
        }

        public Builder riseTime(double value) {
            riseTime = value;
            return this;
        }

        public Builder spikeAmplitude(double value) {
            spikeAmplitude = value;
            return this;
        }

        public Builder restingBrightness(double value) {
            restingBrightness = value;
            return this;
        }

        public Builder background(double value) {
            background = value;
            return this;
        }

        public Builder backgroundFluctuation(double value) {
            backgroundFluctuation = value;
            return this;
        }

        public Builder vessels(int value) {
            vessels = value;
            return this;
        }

        public Builder readNoise(double value) {
            readNoise = value;
            return this;
        }

        public Builder droppedFrames(int value) {
            droppedFrames = value;
            return this;
        }

        public Builder corruptedFrames(int value) {
            corruptedFrames = value;
            return this;
        }

        public Builder framesPerFile(int value) {
            framesPerFile = value;
            return this;
        }

        /** @param value centre over corner brightness of the lens, 1 = none */
        public Builder vignetting(double value) {
            vignetting = value;
            return this;
        }

        public SimulationSettings build() {
            return new SimulationSettings(frames, width, height, cells, frameRate, seed, format, cellRadius,
                    footprints, motion, maxShift, spikeRate, burstiness, decayTime, riseTime, spikeAmplitude,
                    restingBrightness, background, backgroundFluctuation, vessels, readNoise, droppedFrames,
                    corruptedFrames, framesPerFile, vignetting);
        }
    }
}
