package dev.heed.streams.sensors.internal;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One reading of the recent-shape view with its memory full (256 views of 16 readings, one
 * variable: {@code nab-probation}'s defaults): add the reading, find the nearest remembered view
 * and learn, compared with its level ({@code centred=false}) or without ({@code centred=true}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NoveltyBenchmark {
    private static final double[] MIN = {-2};
    private static final double[] MAX = {2};

    @Param({"false", "true"})
    public boolean centred;

    private NoveltyMemory memory;
    private Random random;
    private long t;

    @Setup(Level.Trial)
    public void setUp() {
        memory = new NoveltyMemory(1, 16, 256);
        memory.bucket = 1;
        random = new Random(1);
        for (t = 0; t < 20_000; t++) {
            step();
        }
    }

    private Novelty step() {
        float x = (float) (Math.sin(t * 0.05) + 0.2 * random.nextGaussian());
        if (memory.add(t, new float[] {x})) {
            return Novelty.score(memory, t, MIN, MAX, 16, 8000, centred);
        }
        return null;
    }

    @Benchmark
    public Novelty reading() {
        t++;
        return step();
    }
}
