package dev.heed.models.speech;

/**
 * Per-utterance cepstral-style mean normalisation of log-mel frames: each mel's mean over the
 * utterance's speech frames (those within {@value #SPEECH_DB} dB of its loudest frame, so that
 * silence and padding do not dilute it) is subtracted from every frame. A microphone's or a voice's
 * fixed spectral colouring is a constant offset in log-mel, so it cancels; this is what a model for
 * speakers and microphones it has never heard needs first.
 */
public final class UtteranceMean {

    /** Frames this far below the loudest (frame mean of log-mel) count as silence. */
    public static final double SPEECH_DB = 30;

    private static final double SPEECH_LOG = SPEECH_DB / 10 * Math.log(10);

    private UtteranceMean() {}

    /** {@code frames} {@code (T, M)} less their speech frames' per-mel mean; a new array. */
    public static float[][] apply(float[][] frames) {
        return StreamMean.NONE.subtract(frames);
    }

    /**
     * Adds {@code frames}' speech frames (those within {@value #SPEECH_DB} dB of the loudest, by
     * frame mean of log-mel) into {@code sum}, per mel; returns how many there were (at least 1).
     */
    static int speechSum(float[][] frames, double[] sum) {
        int mels = frames[0].length;
        double[] energy = new double[frames.length];
        double loudest = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < frames.length; t++) {
            double e = 0;
            for (float v : frames[t]) {
                e += v;
            }
            energy[t] = e / mels;
            loudest = Math.max(loudest, energy[t]);
        }
        int n = 0;
        for (int t = 0; t < frames.length; t++) {
            if (energy[t] >= loudest - SPEECH_LOG) {
                for (int m = 0; m < mels; m++) {
                    sum[m] += frames[t][m];
                }
                n++;
            }
        }
        return n;
    }
}
