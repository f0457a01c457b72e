package dev.heed.audio;

import be.tarsos.dsp.util.fft.FFT;

/**
 * The power spectrum {@code |X[k]|^2}, {@code k = 0 .. n/2}, of a Hamming-windowed frame
 * zero-padded to an FFT size, with TarsosDSP's FFT. Not thread-safe (it reuses buffers); one per
 * thread.
 */
public final class PowerSpectrum {

    private final int fftSize;
    private final float[] window;
    private final FFT fft;
    private final float[] buffer;

    /**
     * @param frameLength samples per frame; the Hamming window has this length
     * @param fftSize a power of two at least {@code frameLength}
     */
    public PowerSpectrum(int frameLength, int fftSize) {
        if (fftSize < frameLength || Integer.bitCount(fftSize) != 1) {
            throw new HeedAudioException(
                    "fftSize must be a power of two >= frameLength ("
                            + frameLength
                            + "): "
                            + fftSize);
        }
        this.fftSize = fftSize;
        this.window = hamming(frameLength);
        this.fft = new FFT(fftSize);
        this.buffer = new float[fftSize];
    }

    /** Bins in the result: {@code fftSize / 2 + 1}. */
    public int bins() {
        return fftSize / 2 + 1;
    }

    /** The power of each bin of one frame of exactly {@code frameLength} samples. */
    public float[] of(float[] frame) {
        if (frame.length != window.length) {
            throw new HeedAudioException(
                    "frame has " + frame.length + " samples, expected " + window.length);
        }
        java.util.Arrays.fill(buffer, 0f);
        for (int i = 0; i < frame.length; i++) {
            buffer[i] = frame[i] * window[i];
        }
        fft.forwardTransform(buffer); // real FFT: [Re0, Re(n/2), Re1, Im1, Re2, Im2, ...]
        float[] power = new float[bins()];
        power[0] = buffer[0] * buffer[0];
        power[fftSize / 2] = buffer[1] * buffer[1];
        for (int k = 1; k < fftSize / 2; k++) {
            float re = buffer[2 * k];
            float im = buffer[2 * k + 1];
            power[k] = re * re + im * im;
        }
        return power;
    }

    /** The frequency of bin {@code k} in Hz. */
    public static double binHz(int k, int fftSize, int sampleRate) {
        return k * (double) sampleRate / fftSize;
    }

    /** The symmetric Hamming window {@code 0.54 - 0.46 cos(2 pi n / (N - 1))}. */
    static float[] hamming(int n) {
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = n == 1 ? 1f : (float) (0.54 - 0.46 * Math.cos(2 * Math.PI * i / (n - 1)));
        }
        return w;
    }
}
