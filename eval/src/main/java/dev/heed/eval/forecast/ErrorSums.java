package dev.heed.eval.forecast;

import dev.heed.models.HeedModelException;

/**
 * Running sums of squared and absolute errors per variable, in double precision. MSE and MAE are
 * averaged over every value added: all windows, steps and variables alike.
 */
final class ErrorSums {

    private final double[] squared;
    private final double[] absolute;
    private final long[] counts;

    ErrorSums(int variables) {
        if (variables <= 0) {
            throw new HeedModelException("variables must be > 0: " + variables);
        }
        squared = new double[variables];
        absolute = new double[variables];
        counts = new long[variables];
    }

    void add(int variable, double predicted, double actual) {
        double error = predicted - actual;
        squared[variable] += error * error;
        absolute[variable] += Math.abs(error);
        counts[variable]++;
    }

    int variables() {
        return counts.length;
    }

    long count() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    double mse() {
        return sum(squared) / count();
    }

    double mae() {
        return sum(absolute) / count();
    }

    double mse(int variable) {
        return squared[variable] / counts[variable];
    }

    double mae(int variable) {
        return absolute[variable] / counts[variable];
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
