package dev.heed.audio;

/**
 * Settings of the {@link EnergyVad}.
 *
 * @param sampleRate samples per second of the audio fed in
 * @param frameSamples samples per decision frame (10 ms is usual)
 * @param thresholdDb how far above the noise floor a frame's energy must be to count as speech
 * @param minFloorDb an energy (dB re full scale) below which nothing is speech, and the lowest the
 *     noise floor goes
 * @param startFrames consecutive speech frames that start an utterance
 * @param endFrames consecutive non-speech frames that end it (the hangover)
 */
public record VadConfig(
        int sampleRate,
        int frameSamples,
        float thresholdDb,
        float minFloorDb,
        int startFrames,
        int endFrames) {

    /** Validates every value; the message names the bad one. */
    public VadConfig {
        if (sampleRate <= 0 || frameSamples <= 0 || startFrames <= 0 || endFrames <= 0) {
            throw new HeedAudioException(
                    "vad config: sampleRate, frameSamples, startFrames and"
                            + " endFrames must be > 0: "
                            + sampleRate
                            + ", "
                            + frameSamples
                            + ", "
                            + startFrames
                            + ", "
                            + endFrames);
        }
        if (!(thresholdDb > 0)) {
            throw new HeedAudioException("vad config: thresholdDb must be > 0: " + thresholdDb);
        }
    }

    /**
     * 10 ms frames, speech at 12 dB above the noise floor and above -65 dBFS (quiet speakers, such
     * as FSDD's theo, peak near -32 dBFS), 30 ms of speech to start, 200 ms of quiet to end.
     */
    public static VadConfig defaults(int sampleRate) {
        return new VadConfig(sampleRate, sampleRate / 100, 12f, -65f, 3, 20);
    }

    /** Seconds per decision frame. */
    public double frameSeconds() {
        return frameSamples / (double) sampleRate;
    }

    int fingerprint() {
        int h = 17;
        for (float v :
                new float[] {
                    sampleRate, frameSamples, thresholdDb, minFloorDb, startFrames, endFrames
                }) {
            h = 31 * h + Float.floatToIntBits(v);
        }
        return h;
    }
}
