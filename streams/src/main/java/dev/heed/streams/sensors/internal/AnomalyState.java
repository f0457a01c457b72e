package dev.heed.streams.sensors.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One series' anomaly state, kept in the changelog-backed {@code heed-anomaly} store: the online
 * normalisation of each variable, the range seen so far, the recent raw scores, the long-run
 * distribution of their average, and the last forecast, against which the next window's new steps
 * are scored.
 */
final class AnomalyState {
    private static final byte VERSION = 7;

    long readings;
    long scored;
    long lastTs = Long.MIN_VALUE;

    /** Per variable: exponentially weighted mean and variance, min and max. */
    final double[] mean;

    final double[] var;
    final double[] min;
    final double[] max;

    /**
     * The largest forecast error in each bucket of the long view's span (one day by default): the
     * span in progress and the one before it; null until the first scored step with forecast alarms
     * (version 4 on).
     */
    float[] errorNow;

    float[] errorBefore;

    /** Which span (time / span) {@link #errorNow} covers. */
    long errorSpan = Long.MIN_VALUE;

    /** Ring of the last raw scores. */
    final float[] recent;

    int recentCount;
    int recentPos;

    /** Long-run mean and variance of the recent-score average. */
    double levelMean;

    double levelVar;
    long levelCount;

    /** Long-run mean and variance of the single-step raw score (version 2 on). */
    double rawMean;

    double rawVar;

    /**
     * Runs of identical values and each variable's repeats (version 7 on; version 6 counted whole
     * readings, kept for one variable; fresh before).
     */
    StuckRun stuck = new StuckRun();

    /** The hold-off after an alarm: no new alarm before this many readings, unless stronger. */
    long holdUntil;

    /** How strong the evidence of the alarm in force was (see {@link AnomalyDetector}). */
    double alarmStrength;

    /** {@code [variables][horizon]} the last forecast, or null before the first one. */
    float[][] forecast;

    /**
     * The long-context memory, kept in its own store (written only when a bucket completes); null
     * when the novelty score is off.
     */
    transient NoveltyMemory novelty;

    /** The short-shape memory (one reading per bucket), beside it; null when off. */
    transient NoveltyMemory fine;

    /** The memory of the model's embeddings, beside them; null when off or not started. */
    transient EmbeddingMemory embedding;

    /**
     * The long-context memory's bucket in progress, as this state last held it (version 3 on):
     * written with every reading, unlike the memory, so that a restore loses no reading of it.
     */
    double[] noveltyPartial;

    int noveltyPartialCount;
    long noveltyPartialStart;

    /**
     * Attaches the long-context memory {@code m}, the recent-shape one and the embedding one,
     * restoring {@code m}'s bucket in progress from this state.
     */
    void attach(NoveltyMemory m, NoveltyMemory shape, EmbeddingMemory embedding) {
        this.embedding = embedding;
        fine = shape;
        novelty = m;
        if (m != null && noveltyPartial != null && noveltyPartial.length == m.vars) {
            System.arraycopy(noveltyPartial, 0, m.partial, 0, m.vars);
            m.partialCount = noveltyPartialCount;
            m.partialStart = noveltyPartialStart;
        }
    }

    /** Where the last forecast came from: its explanation's top steps; null before the first. */
    Expectation expectation;

    /**
     * The steps the explanation of a forecast weighted most, largest first.
     *
     * @param method how the weights were made
     * @param ts event time of each step
     * @param weights each step's weight
     * @param values {@code [steps][variables]} the values there
     */
    record Expectation(String method, long[] ts, float[] weights, float[][] values) {}

    AnomalyState(int variables, int shortWindow) {
        mean = new double[variables];
        var = new double[variables];
        min = new double[variables];
        max = new double[variables];
        recent = new float[shortWindow];
    }

    /** Adds a raw score to the recent ring and returns the ring's average. */
    double pushRecent(double raw) {
        recent[recentPos] = (float) raw;
        recentPos = (recentPos + 1) % recent.length;
        recentCount = Math.min(recentCount + 1, recent.length);
        double sum = 0;
        for (int i = 0; i < recentCount; i++) {
            sum += recent[i];
        }
        return sum / recentCount;
    }

    byte[] toBytes() {
        int vars = mean.length;
        int horizon = forecast == null ? 0 : forecast[0].length;
        ByteArrayOutputStream bytes =
                new ByteArrayOutputStream(96 + vars * (32 + 4 * horizon) + 4 * recent.length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeLong(readings);
            out.writeLong(scored);
            out.writeLong(lastTs);
            out.writeShort(vars);
            for (int v = 0; v < vars; v++) {
                out.writeDouble(mean[v]);
                out.writeDouble(var[v]);
                out.writeDouble(min[v]);
                out.writeDouble(max[v]);
            }
            out.writeShort(recent.length);
            out.writeShort(recentCount);
            out.writeShort(recentPos);
            for (float r : recent) {
                out.writeFloat(r);
            }
            out.writeDouble(levelMean);
            out.writeDouble(levelVar);
            out.writeLong(levelCount);
            out.writeShort(horizon);
            for (int v = 0; horizon > 0 && v < vars; v++) {
                for (float f : forecast[v]) {
                    out.writeFloat(f);
                }
            }
            out.writeDouble(rawMean);
            out.writeDouble(rawVar);
            out.writeLong(holdUntil);
            out.writeDouble(alarmStrength);
            int k = expectation == null ? 0 : expectation.ts().length;
            out.writeShort(k);
            if (k > 0) {
                out.writeUTF(expectation.method());
                for (int i = 0; i < k; i++) {
                    out.writeLong(expectation.ts()[i]);
                    out.writeFloat(expectation.weights()[i]);
                    for (int v = 0; v < vars; v++) {
                        out.writeFloat(expectation.values()[i][v]);
                    }
                }
            }
            out.writeBoolean(novelty != null);
            if (novelty != null) {
                out.writeShort(novelty.vars);
                for (double p : novelty.partial) {
                    out.writeDouble(p);
                }
                out.writeInt(novelty.partialCount);
                out.writeLong(novelty.partialStart);
            }
            int buckets = errorNow == null ? 0 : errorNow.length;
            out.writeShort(buckets);
            if (buckets > 0) {
                out.writeLong(errorSpan);
                for (int i = 0; i < buckets; i++) {
                    out.writeFloat(errorNow[i]);
                    out.writeFloat(errorBefore[i]);
                }
            }
            stuck.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static AnomalyState fromBytes(byte[] b) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
            byte version = in.readByte();
            if (version < 1 || version > VERSION) {
                throw new IllegalStateException("unknown anomaly state version " + version);
            }
            long readings = in.readLong();
            long scored = in.readLong();
            long lastTs = in.readLong();
            int vars = in.readShort();
            double[][] stats = new double[vars][4];
            for (double[] row : stats) {
                for (int i = 0; i < 4; i++) {
                    row[i] = in.readDouble();
                }
            }
            AnomalyState s = new AnomalyState(vars, in.readShort());
            s.readings = readings;
            s.scored = scored;
            s.lastTs = lastTs;
            for (int v = 0; v < vars; v++) {
                s.mean[v] = stats[v][0];
                s.var[v] = stats[v][1];
                s.min[v] = stats[v][2];
                s.max[v] = stats[v][3];
            }
            s.recentCount = in.readShort();
            s.recentPos = in.readShort();
            for (int i = 0; i < s.recent.length; i++) {
                s.recent[i] = in.readFloat();
            }
            s.levelMean = in.readDouble();
            s.levelVar = in.readDouble();
            s.levelCount = in.readLong();
            int horizon = in.readShort();
            if (horizon > 0) {
                s.forecast = new float[vars][horizon];
                for (float[] row : s.forecast) {
                    for (int h = 0; h < horizon; h++) {
                        row[h] = in.readFloat();
                    }
                }
            }
            if (version >= 2) {
                s.rawMean = in.readDouble();
                s.rawVar = in.readDouble();
                s.holdUntil = in.readLong();
                s.alarmStrength = in.readDouble();
            }
            int k = version >= 2 ? in.readShort() : 0;
            if (k > 0) {
                String method = in.readUTF();
                long[] ts = new long[k];
                float[] weights = new float[k];
                float[][] values = new float[k][vars];
                for (int i = 0; i < k; i++) {
                    ts[i] = in.readLong();
                    weights[i] = in.readFloat();
                    for (int v = 0; v < vars; v++) {
                        values[i][v] = in.readFloat();
                    }
                }
                s.expectation = new Expectation(method, ts, weights, values);
            }
            if (version >= 3 && in.readBoolean()) {
                s.noveltyPartial = new double[in.readShort()];
                for (int v = 0; v < s.noveltyPartial.length; v++) {
                    s.noveltyPartial[v] = in.readDouble();
                }
                s.noveltyPartialCount = in.readInt();
                s.noveltyPartialStart = in.readLong();
            }
            if (version == 4) {
                // two doubles per variable that only a withdrawn option (anomaly.range.steps) read
                in.skipNBytes(16L * vars);
            }
            if (version >= 4) {
                int buckets = in.readShort();
                if (buckets > 0) {
                    s.errorSpan = in.readLong();
                    s.errorNow = new float[buckets];
                    s.errorBefore = new float[buckets];
                    for (int i = 0; i < buckets; i++) {
                        s.errorNow[i] = in.readFloat();
                        s.errorBefore[i] = in.readFloat();
                    }
                }
            }
            if (version >= 7) {
                s.stuck = StuckRun.read(in);
            } else if (version == 6) {
                s.stuck = StuckRun.readWholeReadings(in);
            }
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
