package dev.heed.eval.bench;

import dev.heed.eval.bench.SensorScenario.Result;
import dev.heed.models.ModelDescriptor;
import dev.heed.streams.HeedConfig;
import dev.heed.streams.HeedKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** The tables of {@code heed bench sensors}: medians of repeated runs, the ratio, the ceiling. */
final class Report {
    private Report() {}

    static String header(HeedConfig c, ModelDescriptor d, long flops, boolean embedded) {
        String eos = c.getString("processing.guarantee");
        String commit =
                c.get("commit.interval.ms")
                        .orElse(
                                eos.startsWith("exactly_once")
                                        ? "100 (Kafka's default under exactly-once)"
                                        : "30000 (Kafka's default)");
        return String.format(
                java.util.Locale.ROOT,
                "heed bench sensors: %d cores, load average %s%n"
                        + "  broker %s (%s), %d partitions; processing.guarantee=%s, commit.interval.ms=%s%n"
                        + "  model %s: window %d, stride %s, horizon %d, d_model %d, %d layers, %d heads, "
                        + "ff %d, patch %d/%d; %,d matmul FLOPs per window%n"
                        + "  heed: batch.max.size=%s, batch.max.wait=%s; per-record baseline: "
                        + "batch.max.size=1%n"
                        + "  delay = reading sent -> its window's prediction seen by a read_committed "
                        + "consumer (includes the commit interval)%n%n",
                Runtime.getRuntime().availableProcessors(),
                loadAverage(),
                c.getString("bootstrap.servers"),
                embedded ? "embedded" : "given",
                c.getPositiveInt(HeedKeys.TOPIC_PARTITIONS),
                eos,
                commit,
                d.name(),
                d.window(),
                c.getString(HeedKeys.WINDOW_STRIDE),
                d.horizon(),
                d.architecture().dModel(),
                d.architecture().layers(),
                d.architecture().heads(),
                d.architecture().ffDim(),
                d.architecture().patchLen(),
                d.architecture().patchStride(),
                flops,
                c.getString(HeedKeys.BATCH_MAX_SIZE),
                c.getString(HeedKeys.BATCH_MAX_WAIT));
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String progress(int rep, Result r, long flops) {
        return String.format(
                java.util.Locale.ROOT,
                "run %d: %-10s %,7d series, %d reading(s)/record, at %s readings/s: %,.0f readings/s,"
                        + " %,.0f windows/s, "
                        + "p50 %s ms, p99 %s ms (%d samples), mean batch %s, model %s%% of a core, load %s",
                rep,
                r.design(),
                r.series(),
                r.block(),
                rate(r.rate()),
                r.readingsPerSecond(),
                r.windowsPerSecond(),
                Table.num(r.p50Ms(), 1),
                Table.num(r.p99Ms(), 1),
                r.samples(),
                Table.num(r.meanBatch(), 1),
                Table.num(100 * r.modelCoreShare(), 0),
                loadAverage());
    }

    static String rate(int rate) {
        return rate == 0 ? "max" : String.format(java.util.Locale.ROOT, "%,d", rate);
    }

    /** One result per (design, series, rate): the median of each figure over the repeats. */
    static List<Result> medians(List<Result> runs) {
        Map<String, List<Result>> groups = new LinkedHashMap<>();
        for (Result r : runs) {
            groups.computeIfAbsent(
                            r.design() + "/" + r.series() + "/" + r.block() + "/" + r.rate(),
                            k -> new ArrayList<>())
                    .add(r);
        }
        List<Result> out = new ArrayList<>();
        for (List<Result> g : groups.values()) {
            Result f = g.get(0);
            out.add(
                    new Result(
                            f.design(),
                            f.series(),
                            f.block(),
                            f.rate(),
                            med(g, Result::readingsPerSecond),
                            med(g, Result::windowsPerSecond),
                            med(g, Result::p50Ms),
                            med(g, Result::p99Ms),
                            (int) med(g, Result::samples),
                            (long) med(g, Result::peakRssKib),
                            (long) med(g, Result::stateBytes),
                            med(g, Result::stepsPerSeries),
                            med(g, Result::meanBatch),
                            med(g, Result::modelCoreShare),
                            new CpuSplit.Cores(
                                    med(g, r -> r.cpu().heed()),
                                    med(g, r -> r.cpu().broker()),
                                    med(g, r -> r.cpu().bench()),
                                    med(g, r -> r.cpu().jvm()))));
        }
        return out;
    }

    static List<InferenceSweep.Point> sweepMedians(List<InferenceSweep.Point> points) {
        Map<Integer, List<InferenceSweep.Point>> groups = new LinkedHashMap<>();
        points.forEach(p -> groups.computeIfAbsent(p.batch(), k -> new ArrayList<>()).add(p));
        List<InferenceSweep.Point> out = new ArrayList<>();
        groups.forEach(
                (b, g) ->
                        out.add(
                                new InferenceSweep.Point(
                                        b,
                                        Stats.median(
                                                g.stream()
                                                        .map(InferenceSweep.Point::msPerCall)
                                                        .toList()),
                                        Stats.median(
                                                g.stream()
                                                        .map(InferenceSweep.Point::windowsPerSecond)
                                                        .toList()))));
        return out;
    }

    private static <T> double med(List<T> g, ToDoubleFunction<T> f) {
        return Stats.median(g.stream().map(f::applyAsDouble).toList());
    }

    /**
     * Heed against the baseline for one series count: the baseline at its highest windows/s, and
     * Heed at its highest windows/s among the runs whose p99 is at or below that baseline run's
     * p99.
     */
    record Ratio(int series, int block, Result baseline, Result heed) {
        double value() {
            return heed == null
                    ? Double.NaN
                    : heed.windowsPerSecond() / baseline.windowsPerSecond();
        }
    }

    static Optional<Ratio> ratio(List<Result> medians, int series, int block) {
        Optional<Result> base =
                medians.stream()
                        .filter(
                                r ->
                                        r.series() == series
                                                && r.block() == block
                                                && r.design().equals(SensorBench.PER_RECORD)
                                                && r.windowsPerSecond() > 0
                                                && !Double.isNaN(r.p99Ms()))
                        .max((a, b) -> Double.compare(a.windowsPerSecond(), b.windowsPerSecond()));
        if (base.isEmpty()) {
            return Optional.empty();
        }
        Result heed =
                medians.stream()
                        .filter(
                                r ->
                                        r.series() == series
                                                && r.block() == block
                                                && r.design().equals(SensorBench.HEED)
                                                && r.windowsPerSecond() > 0
                                                && r.p99Ms() <= base.get().p99Ms())
                        .max((a, b) -> Double.compare(a.windowsPerSecond(), b.windowsPerSecond()))
                        .orElse(null);
        return Optional.of(new Ratio(series, block, base.get(), heed));
    }

    static String render(
            SensorBench.Options o,
            List<Result> medians,
            List<InferenceSweep.Point> sweep,
            long flops,
            double ceiling) {
        Table e2e =
                new Table(
                        "design",
                        "series",
                        "readings/record",
                        "offered/s",
                        "readings/s",
                        "windows/s",
                        "p50 ms",
                        "p99 ms",
                        "mean batch",
                        "model core %",
                        "FLOP %",
                        "peak RSS MiB",
                        "state KiB/1k series",
                        "steps/series");
        for (Result r : medians) {
            e2e.row(
                    r.design(),
                    Table.num(r.series(), 0),
                    Table.num(r.block(), 0),
                    rate(r.rate()),
                    Table.num(r.readingsPerSecond(), 0),
                    Table.num(r.windowsPerSecond(), 0),
                    Table.num(r.p50Ms(), 1),
                    Table.num(r.p99Ms(), 1),
                    Table.num(r.meanBatch(), 1),
                    Table.num(100 * r.modelCoreShare(), 0),
                    Table.num(100 * flops * r.windowsPerSecond() / ceiling, 2),
                    Table.num(r.peakRssKib() / 1024.0, 0),
                    Table.num(r.stateBytes() / 1024.0 / (r.series() / 1000.0), 0),
                    Table.num(r.stepsPerSeries(), 0));
        }
        Table cpu =
                new Table(
                        "design",
                        "series",
                        "readings/record",
                        "offered/s",
                        "heed",
                        "broker",
                        "bench clients",
                        "JVM (JIT, GC)",
                        "heed us/reading",
                        "all us/reading");
        for (Result r : medians) {
            CpuSplit.Cores c = r.cpu();
            cpu.row(
                    r.design(),
                    Table.num(r.series(), 0),
                    Table.num(r.block(), 0),
                    rate(r.rate()),
                    Table.num(c.heed(), 2),
                    Table.num(c.broker(), 2),
                    Table.num(c.bench(), 2),
                    Table.num(c.jvm(), 2),
                    Table.num(1e6 * c.heed() / r.readingsPerSecond(), 1),
                    Table.num(1e6 * c.total() / r.readingsPerSecond(), 1));
        }
        Table ratios =
                new Table(
                        "series",
                        "readings/record",
                        "per-record windows/s",
                        "its p99 ms",
                        "heed windows/s",
                        "heed p99 ms",
                        "ratio");
        for (int s : o.series()) {
            for (int b : o.blocks()) {
                ratio(medians, s, b)
                        .ifPresent(
                                q ->
                                        ratios.row(
                                                Table.num(s, 0),
                                                Table.num(b, 0),
                                                Table.num(q.baseline().windowsPerSecond(), 0),
                                                Table.num(q.baseline().p99Ms(), 1),
                                                q.heed() == null
                                                        ? "-"
                                                        : Table.num(q.heed().windowsPerSecond(), 0),
                                                q.heed() == null
                                                        ? "-"
                                                        : Table.num(q.heed().p99Ms(), 1),
                                                Table.num(q.value(), 1)));
            }
        }
        Table inference = new Table("batch", "ms per call", "windows/s", "GFLOP/s", "% of matmul");
        for (InferenceSweep.Point p : sweep) {
            inference.row(
                    p.batch(),
                    Table.num(p.msPerCall(), 3),
                    Table.num(p.windowsPerSecond(), 0),
                    Table.num(flops * p.windowsPerSecond() / 1e9, 2),
                    Table.num(100 * flops * p.windowsPerSecond() / ceiling, 1));
        }
        StringBuilder out = new StringBuilder();
        out.append(
                String.format(
                        java.util.Locale.ROOT,
                        "medians of %d run(s); warm-up %d s, measured %d s each; load average now %s%n%n",
                        o.repeat(),
                        o.warmup().toSeconds(),
                        o.measure().toSeconds(),
                        loadAverage()));
        out.append("End to end (embedded or given broker)\n").append(table(o, e2e)).append('\n');
        out.append("CPU in the measured interval, in cores (this machine has ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(
                        "): Heed's threads, the broker"
                                + " (embedded: same process), the bench's producer and reader, the JVM itself\n")
                .append(table(o, cpu))
                .append('\n');
        out.append(
                        "Heed vs per-record baseline (Heed's best windows/s at p99 <= the baseline's "
                                + "p99 at its best windows/s)\n")
                .append(table(o, ratios))
                .append('\n');
        out.append(
                        String.format(
                                java.util.Locale.ROOT,
                                "Forecaster alone, no Kafka (ceiling: %,.2f GFLOP/s on a %d x %d matmul, same engine "
                                        + "and threads)%n",
                                ceiling / 1e9,
                                o.matmulSize(),
                                o.matmulSize()))
                .append(table(o, inference));
        return out.toString();
    }

    private static String table(SensorBench.Options o, Table t) {
        return o.markdown() ? t.markdown() : t.text();
    }

    /**
     * Heed's windows/s and p99 with the configured method against the same runs with {@code other}
     * (design {@code heed_<method>}), per series count, readings per record and rate.
     */
    static String methodCost(List<Result> medians, String method, String other) {
        StringBuilder out = new StringBuilder();
        out.append(
                String.format(
                        Locale.ROOT,
                        "%nattention.method %s against %s (same run, same settings):%n",
                        method,
                        other.substring(other.indexOf('_') + 1)));
        for (Result a : medians) {
            if (!a.design().equals(SensorBench.HEED)) {
                continue;
            }
            for (Result b : medians) {
                if (b.design().equals(other)
                        && b.series() == a.series()
                        && b.block() == a.block()
                        && b.rate() == a.rate()) {
                    out.append(
                            String.format(
                                    Locale.ROOT,
                                    "  %d series, %d per record, rate %s: %.0f vs %.0f windows/s"
                                            + " (%+.0f%%), p99 %.0f vs %.0f ms%n",
                                    a.series(),
                                    a.block(),
                                    a.rate() == 0 ? "max" : Integer.toString(a.rate()),
                                    a.windowsPerSecond(),
                                    b.windowsPerSecond(),
                                    100 * (a.windowsPerSecond() / b.windowsPerSecond() - 1),
                                    a.p99Ms(),
                                    b.p99Ms()));
                }
            }
        }
        return out.toString();
    }
}
