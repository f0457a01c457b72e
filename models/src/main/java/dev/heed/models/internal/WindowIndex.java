package dev.heed.models.internal;

import java.util.Arrays;

/** Windows of one split as (series, start row) pairs in two growable int arrays. */
final class WindowIndex {

  private int[] series = new int[1024];
  private int[] starts = new int[1024];
  private int size;

  void add(int seriesIndex, int start) {
    if (size == series.length) {
      series = Arrays.copyOf(series, size * 2);
      starts = Arrays.copyOf(starts, size * 2);
    }
    series[size] = seriesIndex;
    starts[size] = start;
    size++;
  }

  int size() {
    return size;
  }

  int series(int window) {
    return series[window];
  }

  int start(int window) {
    return starts[window];
  }
}
