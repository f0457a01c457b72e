package dev.heed.streams.transcription.internal;

import dev.heed.audio.FeatureConfig;
import dev.heed.audio.LogMelExtractor;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The feature work {@link AudioProcessor} does for one 100 ms chunk of one stream at 8 kHz: the
 * stream's log-mel extractor restored from its saved state, the chunk's 10 frames extracted, the
 * state saved again ({@code restoreAcceptSave}); and the extraction alone ({@code accept}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AudioChunkBenchmark {
    private final FeatureConfig config = FeatureConfig.speech8k();
    private float[] chunk;
    private byte[] saved;
    private LogMelExtractor warm;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(1);
        chunk = new float[config.sampleRate() / 10];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (float) (0.3 * Math.sin(i * 0.07) + 0.05 * random.nextGaussian());
        }
        warm = new LogMelExtractor(config);
        warm.accept(chunk);
        saved = warm.saveState();
    }

    @Benchmark
    public byte[] restoreAcceptSave(Blackhole frames) {
        LogMelExtractor e = LogMelExtractor.restore(config, saved);
        frames.consume(e.accept(chunk));
        return e.saveState();
    }

    @Benchmark
    public float[][] accept() {
        return warm.accept(chunk);
    }
}
