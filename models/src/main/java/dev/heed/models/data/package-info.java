/**
 * Series data for training and evaluation: CSV tables ({@link dev.heed.models.data.CsvTable}),
 * chronological splits by fraction, row count or NAB's probationary period ({@link
 * dev.heed.models.data.DataSplit}, {@link dev.heed.models.data.ProtocolSplit}) and per-column
 * statistics of the training rows ({@link dev.heed.models.data.ColumnStats}). Not used by {@code
 * heed run}.
 */
package dev.heed.models.data;
