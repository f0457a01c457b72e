package dev.heed.streams.production;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
}
