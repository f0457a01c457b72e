package dev.heed.streams.transcription;

import dev.heed.audio.FeatureConfig;
import dev.heed.models.speech.SpeechDescriptor;

/** Converts between the audio module's {@link FeatureConfig} and a speech model's descriptor. */
public final class SpeechFeatures {

    private SpeechFeatures() {}

    /** The extractor configuration a speech model expects. */
    public static FeatureConfig of(SpeechDescriptor d) {
        SpeechDescriptor.Features f = d.features();
        return new FeatureConfig(
                f.sampleRate(),
                f.frameLength(),
                f.hop(),
                f.fftSize(),
                f.mels(),
                (float) f.minHz(),
                (float) f.maxHz(),
                (float) f.preEmphasis());
    }

    /** The descriptor's record of an extractor configuration. */
    public static SpeechDescriptor.Features describe(FeatureConfig c) {
        return new SpeechDescriptor.Features(
                SpeechDescriptor.Features.LOG_MEL,
                c.sampleRate(),
                c.frameLength(),
                c.hop(),
                c.fftSize(),
                c.mels(),
                c.minHz(),
                c.maxHz(),
                c.preEmphasis());
    }
}
