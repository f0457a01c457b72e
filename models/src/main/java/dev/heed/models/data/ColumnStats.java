package dev.heed.models.data;

import dev.heed.models.internal.Checks;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-column z-score statistics of a file's training rows: the mean and population standard
 * deviation of rows {@code [0, trainEnd)}, in double precision, a constant column scaled by 1 (as
 * {@code TrainingData} does).
 */
public final class ColumnStats {

    private static final Logger LOG = LoggerFactory.getLogger(ColumnStats.class);

    private final double[] mean;
    private final double[] std;

    private ColumnStats(double[] mean, double[] std) {
        this.mean = mean;
        this.std = std;
    }

    /** Statistics of the first {@code trainEnd} values of each column. */
    public static ColumnStats of(List<float[]> columns, List<String> names, int trainEnd) {
        double[] mean = new double[columns.size()];
        double[] std = new double[columns.size()];
        for (int c = 0; c < mean.length; c++) {
            float[] column = columns.get(c);
            Checks.require(
                    trainEnd > 0 && trainEnd <= column.length,
                    "training rows must be in 1.." + column.length + ": " + trainEnd);
            double sum = 0;
            for (int r = 0; r < trainEnd; r++) {
                sum += column[r];
            }
            mean[c] = sum / trainEnd;
            double squares = 0;
            for (int r = 0; r < trainEnd; r++) {
                double d = column[r] - mean[c];
                squares += d * d;
            }
            std[c] = Math.sqrt(squares / trainEnd);
            if (std[c] < 1e-8) {
                LOG.warn(
                        "column {} is constant in the training rows (std {}); scaling it by 1",
                        names.get(c),
                        std[c]);
                std[c] = 1;
            }
        }
        return new ColumnStats(mean, std);
    }

    /** Value of column c in training-split z-score units. */
    public double z(int c, double value) {
        return (value - mean[c]) / std[c];
    }

    /** A whole column in z-score units, as float like the training data. */
    public float[] z(int c, float[] column) {
        float[] out = new float[column.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = (float) z(c, column[r]);
        }
        return out;
    }

    double mean(int c) {
        return mean[c];
    }

    double std(int c) {
        return std[c];
    }
}
