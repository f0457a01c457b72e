package dev.heed.eval.bench;

import dev.heed.eval.internal.TempDirs;
import dev.heed.models.AttentionMethod;
import dev.heed.models.ModelDescriptor;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.HeedKeys;
import dev.heed.streams.ModelSource;
import dev.heed.streams.app.HeedApp;
import dev.heed.streams.kafka.EmbeddedKafka;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code heed bench sensors}: the sensor path end to end at several series counts and offered
 * loads, Heed's micro-batching design beside the per-record baseline ({@code batch.max.size=1}, one
 * model call per window), the forecaster alone at several batch sizes, and a matrix-product
 * ceiling, all in one run; tables of medians over {@code repeat} runs.
 */
public final class SensorBench {
    static final String HEED = "heed";
    static final String PER_RECORD = "per-record";

    /**
     * @param series series counts to run
     * @param rates offered readings/s; 0 means the closed-loop maximum
     * @param batches batch sizes of the inference sweep
     * @param fillLimit longest time to fill the series' first windows before the clock starts
     * @param matmulSize n of the (n, n) x (n, n) ceiling product
     * @param blocks readings per record to run (1: one reading per record; more: JSON arrays)
     * @param jitWarmup how long a first, unmeasured Heed run lasts, so that the JIT compilers'
     *     start-up work (a third of this machine's CPU in the first minute) does not land in the
     *     first measured run; zero skips it
     * @param alsoMethods other {@code attention.method} values to run Heed with in the same run
     *     (designs {@code heed_<method>}), beside the configured one
     */
    public record Options(
            List<Integer> series,
            List<Integer> rates,
            Duration warmup,
            Duration measure,
            Duration fillLimit,
            int repeat,
            List<Integer> batches,
            int matmulSize,
            boolean markdown,
            boolean keepData,
            List<Integer> blocks,
            Duration jitWarmup,
            List<String> alsoMethods) {
        public Options {
            alsoMethods = List.copyOf(alsoMethods);
            if (repeat < 1) {
                throw new IllegalArgumentException("--repeat must be >= 1: " + repeat);
            }
            if (series.isEmpty() || series.stream().anyMatch(s -> s < 1)) {
                throw new IllegalArgumentException("--series must be positive counts: " + series);
            }
            if (rates.stream().anyMatch(r -> r < 0)) {
                throw new IllegalArgumentException(
                        "--rates must be >= 0 (0 or max: closed loop): " + rates);
            }
            if (blocks.isEmpty() || blocks.stream().anyMatch(b -> b < 1)) {
                throw new IllegalArgumentException("--readings-per-record must be >= 1: " + blocks);
            }
            if (measure.isZero() || measure.isNegative()) {
                throw new IllegalArgumentException("--duration must be > 0: " + measure);
            }
        }
    }

    private SensorBench() {}

    public static void run(Options o, HeedConfig config, PrintStream out) throws Exception {
        Path work = Files.createTempDirectory("heed-bench");
        EmbeddedKafka broker = null;
        try (ModelSource models = ModelSource.of(HeedApp.loadModel(config))) {
            HeedConfig base = config;
            if (!config.hasBootstrapServers()) {
                broker = EmbeddedKafka.start(work.resolve("kafka"), 0);
                base = config.with("bootstrap.servers", broker.bootstrapServers());
            }
            ModelDescriptor d = models.current().descriptor();
            long flops = FlopCount.perWindow(d, 1);
            out.print(Report.header(base, d, flops, broker != null));
            AttentionMethod method =
                    AttentionMethod.parse(base.getString(HeedKeys.ATTENTION_METHOD));
            SensorScenario scenario = new SensorScenario(base, models, work);
            int heedBatch = base.getPositiveInt(HeedKeys.BATCH_MAX_SIZE);
            List<Double> ceilings = new ArrayList<>();
            List<InferenceSweep.Point> sweep = new ArrayList<>();
            List<SensorScenario.Result> runs = new ArrayList<>();
            if (!o.jitWarmup().isZero() && !o.jitWarmup().isNegative()) {
                SensorScenario.Result w =
                        scenario.run(
                                "bench-0-jit-warmup",
                                HEED,
                                heedBatch,
                                o.series().get(0),
                                o.blocks().get(0),
                                0,
                                o.fillLimit(),
                                Duration.ZERO,
                                o.jitWarmup());
                out.println("JIT warm-up, not measured: " + Report.progress(0, w, flops));
            }
            for (int rep = 1; rep <= o.repeat(); rep++) {
                ceilings.add(MatmulProbe.flopsPerSecond(o.matmulSize(), 10));
                sweep.addAll(InferenceSweep.run(models.current(), method, o.batches(), 1500));
                for (int series : o.series()) {
                    for (int block : o.blocks()) {
                        for (int rate : o.rates()) {
                            List<String> designs = new ArrayList<>();
                            designs.add(HEED);
                            for (String m : o.alsoMethods()) {
                                designs.add(HEED + "_" + m);
                            }
                            designs.add(PER_RECORD);
                            for (String design : designs) {
                                String id =
                                        "bench-" + rep + "-" + design + "-" + series + "-" + block
                                                + "-" + rate;
                                SensorScenario.Result r =
                                        scenario.run(
                                                id,
                                                design,
                                                design.startsWith(HEED) ? heedBatch : 1,
                                                series,
                                                block,
                                                rate,
                                                o.fillLimit(),
                                                o.warmup(),
                                                o.measure());
                                out.println(Report.progress(rep, r, flops));
                                runs.add(r);
                            }
                        }
                    }
                }
            }
            double ceiling = Stats.median(ceilings);
            out.println();
            List<SensorScenario.Result> medians = Report.medians(runs);
            out.print(Report.render(o, medians, Report.sweepMedians(sweep), flops, ceiling));
            for (String m : o.alsoMethods()) {
                out.print(Report.methodCost(medians, method.wireName(), HEED + "_" + m));
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
            if (!o.keepData()) {
                TempDirs.deleteTree(work);
            } else {
                out.println("data kept in " + work);
            }
        }
    }
}
