package dev.heed.models.data;

import dev.heed.models.HeedModelException;
import dev.heed.models.internal.Checks;

/**
 * The rows of a chronological train/validation/test split of one file, {@code [0, trainEnd)
 * [trainEnd, valEnd) [valEnd, testEnd)}, and the test windows of the long-horizon protocol.
 *
 * <p>Row counts are taken as given (rows past {@code testEnd} are unused); fractions are floored,
 * and a split whose fractions sum to 1 gives the test split every remaining row. This is the
 * arithmetic {@code TrainingData} uses, so a model is evaluated on the rows it was tested on.
 *
 * <p>Window {@code s} reads rows {@code [s, s+T)} and predicts {@code [s+T, s+T+H)}. The test
 * windows are those whose targets lie in the test rows, with stride 1: the first takes its lookback
 * from the rows before the test split (its input ends at row {@code valEnd}), the last predicts up
 * to row {@code testEnd}; there are {@code testRows - H + 1} of them.
 */
public record ProtocolSplit(int trainEnd, int valEnd, int testEnd) {

    /** The split of a file with {@code rows} data rows; the error names the file and what to do. */
    public static ProtocolSplit of(DataSplit split, int rows, Object file) {
        int trainEnd;
        int valEnd;
        int testEnd;
        if (split.rowCounts()) {
            trainEnd = (int) split.train();
            valEnd = trainEnd + (int) split.val();
            testEnd = valEnd + (int) split.test();
            if (testEnd > rows) {
                throw new HeedModelException(
                        "split "
                                + split.spec()
                                + " needs "
                                + testEnd
                                + " rows but "
                                + file
                                + " has "
                                + rows
                                + "; pass a split that fits, such as fractions 0.6,0.2,0.2");
            }
        } else {
            trainEnd = (int) Math.floor(rows * split.train());
            valEnd = trainEnd + (int) Math.floor(rows * split.val());
            if (split.headCap() > 0 && valEnd > split.headCap()) {
                trainEnd =
                        (int)
                                Math.floor(
                                        split.headCap()
                                                * split.train()
                                                / (split.train() + split.val()));
                valEnd = split.headCap();
            }
            boolean whole = split.train() + split.val() + split.test() >= 1 - 1e-9;
            testEnd = whole ? rows : Math.min(rows, valEnd + (int) Math.floor(rows * split.test()));
        }
        if (trainEnd < 2) {
            throw new HeedModelException(
                    "split "
                            + split.spec()
                            + " leaves "
                            + trainEnd
                            + " training rows of "
                            + file
                            + " ("
                            + rows
                            + " rows); the z-score needs at least 2");
        }
        return new ProtocolSplit(trainEnd, valEnd, testEnd);
    }

    public int testRows() {
        return testEnd - valEnd;
    }

    /** Test windows for input length T and horizon H: {@code testRows - H + 1}, checked. */
    public int testWindows(int window, int horizon) {
        Checks.require(window > 0, "window must be > 0: " + window);
        Checks.require(horizon > 0, "horizon must be > 0: " + horizon);
        if (testRows() < horizon) {
            throw new HeedModelException(
                    "the test split has "
                            + testRows()
                            + " rows (rows "
                            + valEnd
                            + ".."
                            + (testEnd - 1)
                            + "), fewer than the horizon "
                            + horizon
                            + "; pass a split with more test rows");
        }
        if (valEnd < window) {
            throw new HeedModelException(
                    "the first test window needs "
                            + window
                            + " rows of lookback before row "
                            + valEnd
                            + " but the training and validation splits hold only "
                            + valEnd
                            + "; pass a split with more rows before the test split");
        }
        return testRows() - horizon + 1;
    }

    /** Start row of test window {@code i}: its input is rows {@code [start, start + T)}. */
    public int testStart(int i, int window) {
        return valEnd - window + i;
    }
}
