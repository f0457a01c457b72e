package dev.heed.streams.app;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the memory of every RocksDB store of the instance together (Kafka Streams' documented
 * recipe): one block cache of {@code rocksdb.memory.max} bytes shared by all stores, index and
 * filter blocks inside it, and memtables counted against it through a write-buffer manager (half of
 * it). Without this each store of each task has its own 50 MB block cache and up to three 16 MB
 * memtables.
 *
 * <p>Each store's memtable is {@link #MEMTABLE_SHARE} of the bound, so that the memtables of many
 * stores fit under the manager's limit together. When they do not, RocksDB makes every write to any
 * store flush that store's own memtable, however small: with a quarter of 64 MiB shared by 4 MiB
 * memtables, a survivor that took over two tasks (20 stores) flushed its novelty stores thousands
 * of times, and its puts took hundreds of microseconds (FailoverFaultIT: 14-71 s to recover instead
 * of 9 s; README "Running in production").
 */
public final class BoundedRocksDb implements RocksDBConfigSetter {
    /** Config key under which {@link HeedApp} hands over {@code rocksdb.memory.max}. */
    static final String MEMORY = "heed.rocksdb.memory.max";

    private static final long BLOCK_SIZE = 4096;

    /**
     * One store's memtable as a fraction of {@code rocksdb.memory.max}: with half of it for all
     * memtables, 32 stores' full memtables fit (8 sensor tasks of 4 stores, or fewer with audio).
     */
    static final int MEMTABLE_SHARE = 64;

    private static final long MIN_MEMTABLE = 256L << 10;
    private static Cache cache;
    private static WriteBufferManager writeBuffers;
    private static long sizedFor;

    private static synchronized void share(long bytes) {
        if (cache == null || sizedFor != bytes) {
            // one cache per process and size; a new size (tests) makes new ones, the old stay
            // alive as long as stores opened with them
            cache = new LRUCache(bytes, -1, false, 0.1);
            writeBuffers = new WriteBufferManager(bytes / 2, cache);
            sizedFor = bytes;
        }
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Object v = configs.get(MEMORY);
        long bytes = v == null ? 64L << 20 : Long.parseLong(v.toString());
        Cache c;
        WriteBufferManager w;
        synchronized (BoundedRocksDb.class) {
            share(bytes);
            c = cache;
            w = writeBuffers;
        }
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(c);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        table.setBlockSize(BLOCK_SIZE);
        options.setWriteBufferManager(w);
        options.setMaxWriteBufferNumber(2);
        options.setWriteBufferSize(memtableBytes(bytes));
        options.setTableFormatConfig(table);
    }

    /** One store's memtable for a bound of {@code bytes}. */
    static long memtableBytes(long bytes) {
        return Math.max(MIN_MEMTABLE, bytes / MEMTABLE_SHARE);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and write-buffer manager are shared: never closed per store
    }
}
