package dev.heed.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.AbstractEventListener;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.FlushJobInfo;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

/**
 * The shared memory bound must not make RocksDB flush stores that are far from full: when the
 * memtables of all stores together pass the write-buffer manager's limit, every write to any store
 * flushes that store's own memtable, however small (what slowed failover down).
 */
class BoundedRocksDbTest {
    private static final long BOUND = 64L << 20;

    /** Six sensor tasks' worth of stores (4 each), as on a survivor that took over two tasks. */
    private static final int STORES = 24;

    @TempDir Path dir;

    @Test
    void shouldNotFlushStoresWhoseMemtablesAreThreeQuartersFull() throws Exception {
        RocksDB.loadLibrary();
        AtomicInteger flushes = new AtomicInteger();
        AbstractEventListener counter =
                new AbstractEventListener() {
                    @Override
                    public void onFlushCompleted(RocksDB db, FlushJobInfo info) {
                        flushes.incrementAndGet();
                    }
                };
        List<RocksDB> dbs = new ArrayList<>();
        List<Options> options = new ArrayList<>();
        BoundedRocksDb setter = new BoundedRocksDb();
        try {
            for (int i = 0; i < STORES; i++) {
                Options o = new Options().setCreateIfMissing(true);
                o.setTableFormatConfig(new BlockBasedTableConfig());
                setter.setConfig(
                        "store-" + i, o, Map.of(BoundedRocksDb.MEMORY, Long.toString(BOUND)));
                o.setListeners(List.of(counter));
                options.add(o);
                dbs.add(RocksDB.open(o, dir.resolve("s" + i).toString()));
            }
            byte[] value = new byte[1000];
            long fill = BoundedRocksDb.memtableBytes(BOUND) * 3 / 4;
            for (int i = 0; i < STORES; i++) {
                for (int k = 0; k * value.length < fill; k++) {
                    dbs.get(i).put(("k" + k).getBytes(StandardCharsets.UTF_8), value);
                }
            }
            for (int k = 0; k < 200; k++) {
                dbs.get(0).put(("small" + k).getBytes(StandardCharsets.UTF_8), new byte[100]);
            }
            long pending = 0;
            for (RocksDB db : dbs) {
                pending += db.getLongProperty("rocksdb.num-immutable-mem-table");
            }
            assertThat(flushes.get() + pending)
                    .as(
                            "flushes done or pending in %d stores, each 3/4 of a %d-byte memtable",
                            STORES, fill * 4 / 3)
                    .isZero();
        } finally {
            dbs.forEach(RocksDB::close);
            options.forEach(Options::close);
            counter.close();
        }
    }
}
