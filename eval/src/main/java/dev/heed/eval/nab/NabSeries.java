package dev.heed.eval.nab;

import dev.heed.streams.HeedStreamsException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One NAB data file: its rows in file order and its labelled windows. Rows are kept in file order,
 * as NAB does; timestamps need not increase strictly (real NAB files repeat an hour at a daylight
 * saving change).
 */
public final class NabSeries {
    private final String name;
    private final List<LocalDateTime> timestamps;
    private final double[] values;
    private final List<NabWindow> windows;

    private NabSeries(
            String name, List<LocalDateTime> timestamps, double[] values, List<NabWindow> windows) {
        this.name = name;
        this.timestamps = List.copyOf(timestamps);
        this.values = values.clone();
        this.windows = List.copyOf(windows);
    }

    /**
     * Locates each label window in the rows: the window starts at the first row after the previous
     * window whose timestamp equals its start, and ends at the first row from there equal to its
     * end.
     *
     * @param limits the label's [start, end] pairs, in label order
     * @param source where the labels come from, for error messages
     */
    static NabSeries of(
            String name,
            List<LocalDateTime> timestamps,
            double[] values,
            List<LocalDateTime[]> limits,
            String source) {
        List<NabWindow> windows = new ArrayList<>(limits.size());
        int from = 0;
        for (LocalDateTime[] limit : limits) {
            int first = find(timestamps, limit[0], from);
            if (first < 0) {
                throw new HeedStreamsException(
                        source
                                + ": window ["
                                + NabTime.format(limit[0])
                                + ", "
                                + NabTime.format(limit[1])
                                + "] of "
                                + name
                                + " starts at a timestamp that is not a row"
                                + (from > 0 ? " after the previous window" : "")
                                + " of data/"
                                + name
                                + "; fix the window so that it starts and ends on timestamps of the file");
            }
            int last = find(timestamps, limit[1], first);
            if (last < 0) {
                throw new HeedStreamsException(
                        source
                                + ": window ["
                                + NabTime.format(limit[0])
                                + ", "
                                + NabTime.format(limit[1])
                                + "] of "
                                + name
                                + " ends at a timestamp that is not a row"
                                + " at or after its start in data/"
                                + name
                                + "; fix the window so that it starts and ends on timestamps of the file");
            }
            windows.add(new NabWindow(limit[0], limit[1], first, last));
            from = last + 1;
        }
        return new NabSeries(name, timestamps, values, windows);
    }

    private static int find(List<LocalDateTime> timestamps, LocalDateTime t, int from) {
        for (int i = from; i < timestamps.size(); i++) {
            if (timestamps.get(i).equals(t)) {
                return i;
            }
        }
        return -1;
    }

    /** The file's path under {@code data/}, e.g. {@code realKnownCause/nyc_taxi.csv}. */
    public String name() {
        return name;
    }

    /** The folder under {@code data/}, e.g. {@code realKnownCause}. */
    public String category() {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }

    /** The file name without its folder, e.g. {@code nyc_taxi.csv}. */
    public String fileName() {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /** Number of rows. */
    public int size() {
        return values.length;
    }

    /** The timestamps in file order. */
    public List<LocalDateTime> timestamps() {
        return timestamps;
    }

    /** The value of row {@code row}. */
    public double value(int row) {
        return values[row];
    }

    /** The labelled windows in label order, possibly none. */
    public List<NabWindow> windows() {
        return windows;
    }

    /** Whether {@code row} lies in a labelled window. */
    public boolean inWindow(int row) {
        for (NabWindow w : windows) {
            if (w.contains(row)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return name + " (" + size() + " rows, " + windows.size() + " windows)";
    }
}
