package dev.heed.audio;

import java.util.Arrays;

/**
 * A resampler for streams: windowed-sinc (Blackman, {@value #HALF_TAPS} taps a side) band-limited
 * interpolation at any rate ratio, low-passed at the lower Nyquist frequency. Output sample {@code
 * n} is the input interpolated at time {@code n * from / to}; it is produced once the input {@value
 * #HALF_TAPS} samples beyond that time has arrived, so any chunking gives the same output as one
 * call, {@value #HALF_TAPS} input samples late. {@link #saveState()} and {@link #restore} carry the
 * history across processes. Not thread-safe; one per stream.
 */
public final class StreamingResampler {

    /** Input samples used on each side of an output's time. */
    public static final int HALF_TAPS = 16;

    private final int fromRate;
    private final int toRate;
    private final double cutoff; // as a fraction of the input rate's Nyquist
    private float[] history = new float[0]; // input from absolute index base
    private long base;
    private long produced;

    public StreamingResampler(int fromRate, int toRate) {
        if (fromRate <= 0 || toRate <= 0) {
            throw new HeedAudioException(
                    "sample rates must be > 0: from " + fromRate + " Hz to " + toRate + " Hz");
        }
        this.fromRate = fromRate;
        this.toRate = toRate;
        this.cutoff = Math.min(1.0, toRate / (double) fromRate);
    }

    /** Restores a resampler from {@link #saveState()} bytes of one with the same rates. */
    public static StreamingResampler restore(int fromRate, int toRate, byte[] state) {
        StreamingResampler r = new StreamingResampler(fromRate, toRate);
        StateCodec.Reader in = StateCodec.reader(state, "resampler", 31 * fromRate + toRate);
        r.base = in.readLong();
        r.produced = in.readLong();
        r.history = in.readFloats();
        in.end();
        return r;
    }

    /** Appends input samples; returns the output samples now computable. */
    public float[] accept(float[] samples) {
        float[] buffer = Arrays.copyOf(history, history.length + samples.length);
        System.arraycopy(samples, 0, buffer, history.length, samples.length);
        long available = base + buffer.length; // absolute index one past the last input
        double step = fromRate / (double) toRate;
        int count = 0;
        while (Math.floor((produced + count) * step) + HALF_TAPS < available) {
            count++;
        }
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = interpolate(buffer, (produced + i) * step);
        }
        produced += count;
        long keepFrom = Math.max(base, (long) Math.floor(produced * step) - HALF_TAPS);
        history = Arrays.copyOfRange(buffer, (int) (keepFrom - base), buffer.length);
        base = keepFrom;
        return out;
    }

    private float interpolate(float[] buffer, double time) {
        long centre = (long) Math.floor(time);
        double sum = 0;
        for (long k = centre - HALF_TAPS + 1; k <= centre + HALF_TAPS; k++) {
            if (k < 0) {
                continue;
            }
            double x = time - k;
            double w =
                    0.42
                            + 0.5 * Math.cos(Math.PI * x / HALF_TAPS)
                            + 0.08 * Math.cos(2 * Math.PI * x / HALF_TAPS);
            double sinc = x == 0 ? 1 : Math.sin(Math.PI * cutoff * x) / (Math.PI * cutoff * x);
            sum += buffer[(int) (k - base)] * cutoff * sinc * w;
        }
        return (float) sum;
    }

    /** The history and counters, for {@link #restore}. */
    public byte[] saveState() {
        return StateCodec.writer("resampler", 31 * fromRate + toRate)
                .writeLong(base)
                .writeLong(produced)
                .writeFloats(history)
                .toBytes();
    }
}
