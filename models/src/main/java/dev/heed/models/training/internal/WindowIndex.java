package dev.heed.models.training.internal;

import java.util.Arrays;

/** Windows of one split as (series, start row) pairs in two growable int arrays. */
public final class WindowIndex {

    private int[] series = new int[1024];
    private int[] starts = new int[1024];
    private int size;

    public void add(int seriesIndex, int start) {
        if (size == series.length) {
            series = Arrays.copyOf(series, size * 2);
            starts = Arrays.copyOf(starts, size * 2);
        }
        series[size] = seriesIndex;
        starts[size] = start;
        size++;
    }

    public int size() {
        return size;
    }

    public int series(int window) {
        return series[window];
    }

    public int start(int window) {
        return starts[window];
    }
}
