package dev.heed.streams.sensors.internal;

import dev.heed.streams.internal.Rejection;
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

/**
 * The per-reading state work of {@link SensorProcessor} for a full univariate 64-step series:
 * {@code decodeAndEncode} is a cache miss (decode the stored state, encode it back), {@code encode}
 * a cache hit (the state is already decoded; only the store's new value is encoded).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SeriesStateBenchmark {
    private SeriesState state;
    private byte[] stored;

    @Setup(Level.Trial)
    public void setUp() throws Rejection {
        Windower w = new Windower(64, 8, 0, 0, 0, 1000);
        state = new SeriesState(new String[] {"value"}, 64);
        for (int t = 1; t <= 100; t++) {
            w.accept(state, new Reading("s", t, state.names, new double[] {Math.sin(t)}), 0);
        }
        stored = state.toBytes();
    }

    @Benchmark
    public byte[] decodeAndEncode() {
        return SeriesState.fromBytes(stored, 64).toBytes();
    }

    @Benchmark
    public byte[] encode() {
        return state.toBytes();
    }
}
