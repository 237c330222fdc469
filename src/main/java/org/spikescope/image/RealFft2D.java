package org.spikescope.image;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * 2-D FFT of a real image. The spectrum keeps the non-negative x frequencies only (the others are their complex
 * conjugates): {@code height} rows of {@link #columns()} complex values, interleaved (re, im), row-major, with
 * e<sup>−2πi k·q/n</sup>.
 *
 * <p>Built on JTransforms' 1-D transforms, which at image-row sizes run on the calling thread. Its 2-D transforms
 * spread every call over all cores; callers that already run one image per core (motion correction) measured
 * slower with them. Not thread-safe: one instance per thread.
 */
public final class RealFft2D {

    private final int width;
    private final int height;
    private final int columns;
    private final FloatFFT_1D alongRows;
    private final FloatFFT_1D alongColumns;
    private final float[] row;
    private final float[] column;

    public RealFft2D(int width, int height) {
        if (width < 2 || height < 2) {
            throw new IllegalArgumentException("FFT size must be at least 2×2, got " + width + "×" + height);
        }
        this.width = width;
        this.height = height;
        this.columns = width / 2 + 1;
        this.alongRows = new FloatFFT_1D(width);
        this.alongColumns = new FloatFFT_1D(height);
        this.row = new float[width];
        this.column = new float[2 * height];
    }

    /** Complex values per spectrum row: the x frequencies 0 … width/2. */
    public int columns() {
        return columns;
    }

    /** Floats in a spectrum: height × columns × 2. */
    public int spectrumLength() {
        return 2 * height * columns;
    }

    /** Spectrum of {@code image} (row-major, width × height) into {@code spectrum}. */
    public void forward(float[] image, float[] spectrum) {
        int stride = 2 * columns;
        for (int y = 0; y < height; y++) {
            System.arraycopy(image, y * width, row, 0, width);
            alongRows.realForward(row);
            unpack(row, spectrum, y * stride);
        }
        for (int kx = 0; kx < columns; kx++) {
            gather(spectrum, kx, stride);
            alongColumns.complexForward(column);
            scatter(spectrum, kx, stride);
        }
    }

    /**
     * JTransforms' packed real spectrum of one row into complex values 0 … width/2 at {@code at}. Packed: Re k at
     * 2k and Im k at 2k + 1 for 0 &lt; k &lt; width/2; slot 1 holds Re width/2 (even width) or Im (width−1)/2 (odd).
     */
    private void unpack(float[] packed, float[] out, int at) {
        int last = width / 2;
        out[at] = packed[0];
        out[at + 1] = 0;
        for (int k = 1; k < last; k++) {
            out[at + 2 * k] = packed[2 * k];
            out[at + 2 * k + 1] = packed[2 * k + 1];
        }
        boolean even = width % 2 == 0;
        out[at + 2 * last] = even ? packed[1] : packed[2 * last];
        out[at + 2 * last + 1] = even ? 0 : packed[1];
    }

    private void gather(float[] spectrum, int kx, int stride) {
        for (int y = 0, i = 2 * kx; y < height; y++, i += stride) {
            column[2 * y] = spectrum[i];
            column[2 * y + 1] = spectrum[i + 1];
        }
    }

    private void scatter(float[] spectrum, int kx, int stride) {
        for (int y = 0, i = 2 * kx; y < height; y++, i += stride) {
            spectrum[i] = column[2 * y];
            spectrum[i + 1] = column[2 * y + 1];
        }
    }
}
