package dev.heed.audio;

/**
 * Changes a signal's sample rate with TarsosDSP's band-limited (windowed sinc) resampler, a port of
 * libresample. Each call treats its input as a whole signal, so resample whole utterances or long
 * chunks; rates that are already equal are returned as a copy.
 */
public final class Resampler {

    private Resampler() {}

    /**
     * @param x the samples at {@code fromRate}
     * @return about {@code x.length * toRate / fromRate} samples at {@code toRate}
     */
    public static float[] resample(float[] x, int fromRate, int toRate) {
        if (fromRate <= 0 || toRate <= 0) {
            throw new HeedAudioException(
                    "sample rates must be > 0: from " + fromRate + " Hz to " + toRate + " Hz");
        }
        if (fromRate == toRate) {
            return x.clone();
        }
        double factor = toRate / (double) fromRate;
        int expected = (int) Math.round(x.length * factor);
        float[] out = new float[expected + 16];
        be.tarsos.dsp.resample.Resampler r =
                new be.tarsos.dsp.resample.Resampler(true, factor, factor);
        int consumed = 0;
        int produced = 0;
        while (true) {
            be.tarsos.dsp.resample.Resampler.Result res =
                    r.process(
                            factor,
                            x,
                            consumed,
                            x.length - consumed,
                            true,
                            out,
                            produced,
                            out.length - produced);
            consumed += res.inputSamplesConsumed;
            produced += res.outputSamplesGenerated;
            if (res.outputSamplesGenerated == 0 || produced >= expected) {
                break;
            }
        }
        float[] result = new float[expected];
        System.arraycopy(out, 0, result, 0, Math.min(produced, expected));
        return result;
    }
}
