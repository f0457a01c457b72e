package dev.heed.models.data;

import dev.heed.models.HeedModelException;
import java.util.Locale;

/**
 * A chronological train/validation/test split of each file: fractions of its rows, or explicit row
 * counts (such as {@code 8640,2880,2880} for ETTh1). Validation and test windows take their
 * lookback from the rows before them.
 */
public record DataSplit(double train, double val, double test, boolean rowCounts, int headCap) {

    /** 70% / 10% / 20%. */
    public static final DataSplit DEFAULT = new DataSplit(0.7, 0.1, 0.2, false);

    /**
     * NAB's probationary period as training data: each file's first {@code min(floor(0.15 n), 750)}
     * rows, 80% for training and 20% for validation; the rest of the file is the test split. A
     * model trained this way has seen no row that NAB scores.
     */
    /**
     * The long-horizon protocol's split of the ETT hourly files: 12, 4 and 4 months of hours (8640,
     * 2880, 2880 rows).
     */
    public static final DataSplit ETT_HOURLY = parse("8640,2880,2880");

    public static final DataSplit NAB_PROBATION = new DataSplit(0.12, 0.03, 0.85, false, 750);

    public DataSplit(double train, double val, double test, boolean rowCounts) {
        this(train, val, test, rowCounts, 0);
    }

    /** Checks that parts are positive and fractions sum to at most 1. */
    public DataSplit {
        check(
                train > 0 && val > 0 && test > 0,
                "split parts must be > 0: " + train + "," + val + "," + test);
        check(
                rowCounts || train + val + test <= 1.0 + 1e-9,
                "split fractions must sum to <= 1: " + train + " + " + val + " + " + test);
        check(
                headCap >= 0 && (headCap == 0 || !rowCounts),
                "a cap on training and validation rows goes with fractions only: " + headCap);
    }

    /**
     * Parses {@code train,val,test}: fractions (sum <= 1) or whole row counts; or {@code nab} for
     * {@link #NAB_PROBATION}.
     */
    public static DataSplit parse(String spec) {
        if ("nab".equals(spec)) {
            return NAB_PROBATION;
        }
        String[] parts = spec == null ? new String[0] : spec.split(",");
        check(
                parts.length == 3,
                "split must be train,val,test such as 0.7,0.1,0.2 or 8640,2880,2880, or nab: '"
                        + spec
                        + "'");
        double[] v = new double[3];
        boolean counts = true;
        for (int i = 0; i < 3; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new HeedModelException("split values must be numbers: '" + spec + "'", e);
            }
            counts &= !parts[i].contains(".") && v[i] >= 1;
        }
        return new DataSplit(v[0], v[1], v[2], counts);
    }

    /** The split as {@code train,val,test}. */
    public String spec() {
        if (this.equals(NAB_PROBATION)) {
            return "nab";
        }
        return rowCounts
                ? String.format(Locale.ROOT, "%d,%d,%d", (long) train, (long) val, (long) test)
                : String.format(Locale.ROOT, "%s,%s,%s", train, val, test);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new HeedModelException(message);
        }
    }
}
