package dev.heed.eval.speech;

import dev.heed.audio.FeatureConfig;
import dev.heed.audio.LogMelExtractor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The shipped sample recordings ({@code samples/audio}) as log-mel frames, for model tests. */
final class SampleFrames {

    private SampleFrames() {}

    /** Each sample recording's frames, with a quarter second of silence either side, by file. */
    static Map<Path, float[][]> padded(FeatureConfig features) throws IOException {
        Map<Path, float[][]> out = new LinkedHashMap<>();
        for (Recording r :
                FsddCorpus.load(Path.of("../samples/audio"), i -> true, features.sampleRate())) {
            float[] padded = new float[r.samples().length + features.sampleRate() / 2];
            System.arraycopy(r.samples(), 0, padded, features.sampleRate() / 4, r.samples().length);
            out.put(r.file(), LogMelExtractor.extract(features, padded));
        }
        return out;
    }
}
