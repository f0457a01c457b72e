package dev.heed.eval.attention;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.heed.streams.HeedStreamsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A forecasting task whose influential steps are known, described by a small JSON file (see the
 * shipped {@code attention/*.json}). A step's lag counts back from the forecast step it influences:
 * lag L of horizon step h (1-based) is input step {@code T + h - L}, T the window's last step.
 *
 * @param name the task's name in tables
 * @param kind {@code lags} (an autoregression on a few lags over i.i.d. noise), {@code events}
 *     (spikes that echo after a delay, over a seasonal background with distractors) or {@code
 *     white_box} (a hand-written function of known steps; no training)
 * @param window input steps T
 * @param horizon forecast steps
 * @param series training series (trained kinds)
 * @param length steps per training series
 * @param noise standard deviation of the i.i.d. noise
 * @param seed the seed of the data, the training and the random baselines
 * @param lags {@code lags}: the lags and their weights
 * @param background {@code events}: the seasonal background
 * @param events {@code events}: the events
 * @param terms {@code white_box}: products of lagged steps, weighted and summed
 * @param training the model Heed trains on the task (trained kinds)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AttentionTask(
        String name,
        String kind,
        int window,
        int horizon,
        int series,
        int length,
        double noise,
        long seed,
        List<Lag> lags,
        Background background,
        Events events,
        List<Term> terms,
        Training training) {

    /** One lag of an autoregression. */
    public record Lag(int lag, double weight) {}

    /** A sine of the given period and amplitude, plus {@code ar} times the previous background. */
    public record Background(int period, double amplitude, double ar) {}

    /**
     * Spikes at random steps (probability {@code rate} per step, size {@code spike} times a random
     * sign and a factor in [0.8, 1.2]) echo {@code delay} steps later with {@code gain} times their
     * size; variance bursts (probability {@code bursts} per step, {@code burstLength} steps of
     * noise {@code burstScale} times larger) do not echo and influence nothing.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Events(
            double rate,
            double spike,
            int delay,
            double gain,
            double bursts,
            int burstLength,
            double burstScale) {}

    /** {@code weight} times the product of the steps at {@code lags}. */
    public record Term(List<Integer> lags, double weight) {}

    /** The forecaster Heed trains: its architecture and budget. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Training(
            int dModel,
            int heads,
            int layers,
            int ffDim,
            int patchLen,
            int patchStride,
            int epochs,
            double maxMinutes) {}

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Reads and checks a task file; the error names the file and what is wrong. */
    public static AttentionTask read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new HeedStreamsException("cannot read task file " + file + ": " + e.getMessage());
        }
    }

    /** Reads a task shipped with Heed ({@code lags}, {@code events}, {@code white-box}). */
    public static AttentionTask shipped(String name) {
        String resource = "/attention/" + name + ".json";
        try (InputStream in = AttentionTask.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new HeedStreamsException(
                        "no shipped attention task " + name + "; shipped: " + SHIPPED);
            }
            return parse(in, resource);
        } catch (IOException e) {
            throw new HeedStreamsException("cannot read " + resource + ": " + e.getMessage());
        }
    }

    /** The tasks Heed ships. */
    public static final List<String> SHIPPED = List.of("lags", "events", "white-box");

    private static AttentionTask parse(InputStream in, String source) throws IOException {
        AttentionTask t;
        try {
            t = JSON.readValue(in, AttentionTask.class);
        } catch (IOException e) {
            throw new HeedStreamsException(
                    "task file " + source + " is not a valid task: " + e.getMessage());
        }
        t.check(source);
        return t;
    }

    /** Whether Heed trains a model on this task (every kind but {@code white_box}). */
    public boolean trained() {
        return !"white_box".equals(kind);
    }

    private void check(String source) {
        String at = "task file " + source + ": ";
        require(name != null && !name.isBlank(), at + "name is required");
        require(
                List.of("lags", "events", "white_box").contains(kind),
                at + "kind must be lags, events or white_box: " + kind);
        require(window >= 8, at + "window must be >= 8: " + window);
        require(
                horizon >= 1 && horizon < window,
                at + "horizon must be in 1.." + window + ": " + horizon);
        switch (kind) {
            case "lags":
                require(lags != null && !lags.isEmpty(), at + "lags needs at least one lag");
                double sum = 0;
                for (Lag l : lags) {
                    require(
                            l.lag() >= horizon && l.lag() <= window,
                            at
                                    + "each lag must be in horizon.."
                                    + window
                                    + " ("
                                    + horizon
                                    + ".."
                                    + window
                                    + "): "
                                    + l.lag());
                    sum += Math.abs(l.weight());
                }
                require(
                        sum < 1,
                        at + "the lags' |weights| must sum to < 1 (a stable process): " + sum);
                break;
            case "events":
                require(
                        background != null && events != null,
                        at + "background and events are required");
                require(
                        events.delay() > horizon && events.delay() < window,
                        at
                                + "events.delay must be in "
                                + (horizon + 1)
                                + ".."
                                + (window - 1)
                                + ": "
                                + events.delay());
                require(
                        events.rate() > 0 && events.rate() < 0.5,
                        at + "events.rate must be in (0, 0.5): " + events.rate());
                break;
            default:
                require(terms != null && !terms.isEmpty(), at + "terms needs at least one term");
                for (Term term : terms) {
                    for (int lag : term.lags()) {
                        require(
                                lag >= horizon && lag <= window,
                                at + "each lag must be in " + horizon + ".." + window + ": " + lag);
                    }
                }
        }
        if (trained()) {
            require(
                    training != null,
                    at + "training (the model's architecture and budget) is required");
            require(
                    series >= 1 && length >= 4 * window,
                    at
                            + "series >= 1 and length >= 4 * window are required: "
                            + series
                            + ", "
                            + length);
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new HeedStreamsException(message);
        }
    }
}
