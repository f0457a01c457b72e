package dev.heed.eval.nab;

import java.time.LocalDateTime;

/**
 * One labelled anomaly window of a data file, with the rows it covers.
 *
 * @param start the label's start timestamp
 * @param end the label's end timestamp (inclusive)
 * @param firstRow the row (0-based, in file order) whose timestamp equals {@code start}
 * @param lastRow the first row at or after {@code firstRow} whose timestamp equals {@code end}
 */
public record NabWindow(LocalDateTime start, LocalDateTime end, int firstRow, int lastRow) {
    /** Rows in the window: {@code lastRow - firstRow + 1}. */
    public int width() {
        return lastRow - firstRow + 1;
    }

    /** Whether {@code row} is inside the window. */
    public boolean contains(int row) {
        return row >= firstRow && row <= lastRow;
    }
}
