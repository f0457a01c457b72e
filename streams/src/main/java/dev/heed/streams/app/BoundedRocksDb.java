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
 * filter blocks inside it, and memtables counted against it through a write-buffer manager (a
 * quarter of it). Without this each store of each task has its own 50 MB block cache and up to
 * three 16 MB memtables.
 */
public final class BoundedRocksDb implements RocksDBConfigSetter {
    /** Config key under which {@link HeedApp} hands over {@code rocksdb.memory.max}. */
    static final String MEMORY = "heed.rocksdb.memory.max";

    private static final long BLOCK_SIZE = 4096;
    private static Cache cache;
    private static WriteBufferManager writeBuffers;
    private static long sizedFor;

    private static synchronized void share(long bytes) {
        if (cache == null || sizedFor != bytes) {
            // one cache per process and size; a new size (tests) makes new ones, the old stay
            // alive as long as stores opened with them
            cache = new LRUCache(bytes, -1, false, 0.1);
            writeBuffers = new WriteBufferManager(bytes / 4, cache);
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
        options.setWriteBufferSize(Math.max(1L << 20, bytes / 16));
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and write-buffer manager are shared: never closed per store
    }
}
