package dev.heed.streams.production;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * How fault runs compare a prediction with a fault-free run's prediction of the same window, keyed
 * {@code series@end_ms}.
 */
final class Reference {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Reference() {}

    static String key(JsonNode p) {
        return p.path("series").asText() + "@" + p.path("window").path("end_ms").asLong();
    }

    /**
     * The largest difference between a prediction's window and forecast values and the reference's,
     * relative to the reference value (at least 1); infinite when a value is missing.
     */
    static double forecastDifference(JsonNode p, JsonNode ref) {
        double worst = 0;
        for (String part : new String[] {"prediction", "window"}) {
            JsonNode a = p.path(part).path("values");
            JsonNode b = ref.path(part).path("values");
            for (var it = b.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                for (int h = 0; h < b.path(name).size(); h++) {
                    double want = b.path(name).get(h).asDouble();
                    double got = a.path(name).path(h).asDouble(Double.NaN);
                    worst = Math.max(worst, Math.abs(got - want) / Math.max(1, Math.abs(want)));
                }
            }
        }
        return Double.isNaN(worst) ? Double.POSITIVE_INFINITY : worst;
    }

    /** The largest difference between a prediction's attention weights and the reference's. */
    static double weightDifference(JsonNode p, JsonNode ref) {
        double worst = 0;
        JsonNode wa = p.path("attention").path("weights");
        JsonNode wb = ref.path("attention").path("weights");
        for (int t = 0; t < wb.size(); t++) {
            worst =
                    Math.max(
                            worst,
                            Math.abs(wa.path(t).asDouble(Double.NaN) - wb.get(t).asDouble()));
        }
        return Double.isNaN(worst) ? Double.POSITIVE_INFINITY : worst;
    }

    /**
     * Predictions compared with a fault-free run's: the largest window or forecast difference
     * (relative) and where, and the attention weights that differ by more than 1e-4, by the second
     * they were made.
     */
    static final class Comparison {
        double worst;
        String worstAt = "";
        double worstWeight;
        int weightsApart;
        final Map<Long, Integer> apartBySecond = new TreeMap<>();
        final List<String> apartSample = new ArrayList<>();

        Comparison(
                List<ConsumerRecord<byte[], byte[]>> predictions, Map<String, JsonNode> reference)
                throws IOException {
            for (ConsumerRecord<byte[], byte[]> r : predictions) {
                JsonNode p = JSON.readTree(r.value());
                JsonNode ref = reference.get(key(p));
                if (ref == null) {
                    continue; // unexpected: the ledger counts it
                }
                double d = forecastDifference(p, ref);
                if (d > worst) {
                    worst = d;
                    worstAt = key(p) + " at offset " + r.offset() + ": " + p + " vs " + ref;
                }
                double dw = weightDifference(p, ref);
                worstWeight = Math.max(worstWeight, dw);
                if (dw > 1e-4) {
                    weightsApart++;
                    apartBySecond.merge(r.timestamp() / 1000, 1, Integer::sum);
                    if (apartSample.size() < 8) {
                        apartSample.add(
                                key(p)
                                        + " made "
                                        + r.timestamp()
                                        + " batch "
                                        + p.path("batch_size")
                                        + " vs "
                                        + ref.path("batch_size")
                                        + " t-0 "
                                        + p.path("attention").path("weights").path(63)
                                        + " vs "
                                        + ref.path("attention").path("weights").path(63));
                    }
                }
            }
        }
    }
}
