package dev.heed.streams.app;

import dev.heed.streams.RouteCounters;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says when a state store is rebuilt from its changelog (after a crash, a move to another instance,
 * or lost local state) and counts the records read back: a clean restart restores nothing.
 */
final class RestoreLog implements StateRestoreListener {
    private static final Logger LOG = LoggerFactory.getLogger(RestoreLog.class);

    private final RouteCounters counters;

    RestoreLog(RouteCounters counters) {
        this.counters = counters;
    }

    @Override
    public void onRestoreStart(TopicPartition changelog, String store, long from, long to) {
        LOG.debug(
                "restoring store {} from {} offsets {} to {} ({} records at most)",
                store,
                changelog,
                from,
                to,
                to - from);
    }

    @Override
    public void onBatchRestored(TopicPartition changelog, String store, long end, long records) {
        counters.restored(records);
    }

    @Override
    public void onRestoreEnd(TopicPartition changelog, String store, long total) {
        if (total > 0) {
            LOG.info("restored store {} from {}: {} records", store, changelog, total);
        } else {
            LOG.debug("restored store {} from {}: 0 records", store, changelog);
        }
    }
}
