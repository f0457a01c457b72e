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
 * @param levelDb the level gate: a frame counts as speech only if it is also at most this many dB
 *     below the stream's speech level (the loudest frame heard inside speech, falling {@value
 *     #LEVEL_FALL_DB_PER_SECOND} dB per second); 0 turns the gate off
 */
public record VadConfig(
        int sampleRate,
        int frameSamples,
        float thresholdDb,
        float minFloorDb,
        int startFrames,
        int endFrames,
        float levelDb) {

    /** How fast the stream's speech level falls, so a user who turns away is heard again. */
    public static final float LEVEL_FALL_DB_PER_SECOND = 1f;

    /** Settings without the level gate. */
    public VadConfig(
            int sampleRate,
            int frameSamples,
            float thresholdDb,
            float minFloorDb,
            int startFrames,
            int endFrames) {
        this(sampleRate, frameSamples, thresholdDb, minFloorDb, startFrames, endFrames, 0f);
    }

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
        if (!(levelDb >= 0)) {
            throw new HeedAudioException(
                    "vad config: levelDb must be >= 0 (0 turns the level gate off): " + levelDb);
        }
    }

    /** Whether the level gate is on. */
    public boolean levelGate() {
        return levelDb > 0;
    }

    /** How far the speech level falls per decision frame, in dB. */
    float levelFallPerFrame() {
        return (float) (LEVEL_FALL_DB_PER_SECOND * frameSeconds());
    }

    /**
     * 10 ms frames, speech at 12 dB above the noise floor and above -65 dBFS (quiet speakers, such
     * as FSDD's theo, peak near -32 dBFS), 30 ms of speech to start, 200 ms of quiet to end, no
     * level gate.
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
                    sampleRate,
                    frameSamples,
                    thresholdDb,
                    minFloorDb,
                    startFrames,
                    endFrames,
                    levelDb
                }) {
            h = 31 * h + Float.floatToIntBits(v);
        }
        return h;
    }
}
