package dev.heed.streams.app;

import dev.heed.models.DeviceChoice;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.ModelLoadException;
import dev.heed.models.forecasting.ModelLoader;
import dev.heed.models.speech.SpeechDescriptor;
import dev.heed.models.speech.SpeechModel;
import dev.heed.streams.ModelSource;
import dev.heed.streams.SpeechSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a model directory and swaps a new model version into the running application without a
 * restart: the forecasting model ({@code model.dir}), the speech model ({@code speech.model.dir})
 * or the model for a stream's later utterances ({@code speech.model.later.dir}). A new version is
 * loaded and checked in full before it serves: one that cannot be loaded, or that does not fit the
 * running topology (window and variables; the speech model's audio features), is refused with a
 * clear message while the current model keeps serving. The swapped-out model is closed when the
 * last stream thread that held it has moved on.
 *
 * <p>To publish a model safely, write it to a new directory and then move it (or a symlink) onto
 * the watched directory in one rename; a half-written directory is refused and retried later.
 */
public final class ModelWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelWatcher.class);

    private final Path dir;
    private final Kind kind;
    private final ScheduledExecutorService timer;
    private final AtomicLong swaps = new AtomicLong();
    private final AtomicLong refusals = new AtomicLong();
    private volatile String lastRefused;
    private volatile String lastMessage;

    /** What is watched: how to read, check, load and swap one kind of model. */
    interface Kind {
        /** The serving model's name and version. */
        Version serving();

        /** The version in {@code dir}, from its descriptor alone. */
        Version read(Path dir) throws ModelLoadException;

        /** Why the model in {@code dir} cannot replace the serving one, or null. */
        String misfit(Path dir) throws ModelLoadException;

        /** Loads the model in {@code dir} and makes it serve. */
        void loadAndSwap(Path dir) throws ModelLoadException;
    }

    /** A model's name and version, and a key for its weights. */
    record Version(String name, String version, String weights) {}

    private ModelWatcher(Path dir, Kind kind) {
        this.dir = dir;
        this.kind = kind;
        this.timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "heed-model-watcher");
                            t.setDaemon(true);
                            return t;
                        });
    }

    /** Checks the forecasting model's {@code dir} every {@code interval} from now on. */
    public static ModelWatcher start(
            Path dir, DeviceChoice device, ModelSource source, Duration interval) {
        return schedule(new ModelWatcher(dir, forecasting(source, device)), interval);
    }

    /** Checks the speech model's {@code dir} every {@code interval} from now on. */
    public static ModelWatcher startSpeech(
            Path dir, DeviceChoice device, SpeechSource source, Duration interval) {
        return schedule(new ModelWatcher(dir, speech(source, device)), interval);
    }

    private static ModelWatcher schedule(ModelWatcher w, Duration interval) {
        long ms = Math.max(100, interval.toMillis());
        w.timer.scheduleWithFixedDelay(w::checkQuietly, ms, ms, TimeUnit.MILLISECONDS);
        return w;
    }

    /** A watcher that checks only when {@link #check()} is called (for tests and tools). */
    static ModelWatcher manual(Path dir, DeviceChoice device, ModelSource source) {
        return new ModelWatcher(dir, forecasting(source, device));
    }

    /** As {@link #manual}, for the speech model. */
    static ModelWatcher manualSpeech(Path dir, DeviceChoice device, SpeechSource source) {
        return new ModelWatcher(dir, speech(source, device));
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.error("model watcher: unexpected failure checking {}", dir, e);
        }
    }

    /**
     * Looks at the directory once; swaps in a new version if there is one and it is sound.
     *
     * @return true if a new model now serves
     */
    public synchronized boolean check() {
        Version current = kind.serving();
        Version next;
        try {
            next = kind.read(dir);
        } catch (ModelLoadException e) {
            refuse("unreadable", "model.json in " + dir + " cannot be read: " + e.getMessage());
            return false;
        }
        if (Objects.equals(next.version(), current.version())) {
            return false;
        }
        String key = next.version() + "@" + next.weights();
        String what = "model " + next.name() + " version " + next.version() + " in " + dir;
        try {
            String misfit = kind.misfit(dir);
            if (misfit != null) {
                refuse(
                        key,
                        what
                                + " is refused: "
                                + misfit
                                + "; still serving version "
                                + current.version());
                return false;
            }
            kind.loadAndSwap(dir);
        } catch (ModelLoadException | RuntimeException e) {
            refuse(
                    key,
                    what
                            + " cannot be loaded: "
                            + e.getMessage()
                            + "; still serving version "
                            + current.version());
            return false;
        }
        swaps.incrementAndGet();
        lastRefused = null;
        lastMessage = "now serving " + next.name() + " version " + next.version();
        LOG.warn("model watcher: {} (was version {})", lastMessage, current.version());
        return true;
    }

    private static Kind forecasting(ModelSource source, DeviceChoice device) {
        return new Kind() {
            @Override
            public Version serving() {
                ModelDescriptor d = source.current().descriptor();
                return new Version(d.name(), d.version(), d.weightsSha256());
            }

            @Override
            public Version read(Path dir) throws ModelLoadException {
                ModelDescriptor d = ModelDescriptor.read(dir);
                return new Version(d.name(), d.version(), d.weightsSha256());
            }

            @Override
            public String misfit(Path dir) throws ModelLoadException {
                return ModelWatcher.misfit(
                        source.current().descriptor(), ModelDescriptor.read(dir));
            }

            @Override
            public void loadAndSwap(Path dir) throws ModelLoadException {
                source.swap(ModelLoader.load(dir, device));
            }
        };
    }

    private static Kind speech(SpeechSource source, DeviceChoice device) {
        return new Kind() {
            @Override
            public Version serving() {
                SpeechDescriptor d = source.current().descriptor();
                return new Version(d.name(), d.version(), d.weightsSha256());
            }

            @Override
            public Version read(Path dir) throws ModelLoadException {
                SpeechDescriptor d = SpeechDescriptor.read(dir);
                return new Version(d.name(), d.version(), d.weightsSha256());
            }

            @Override
            public String misfit(Path dir) throws ModelLoadException {
                SpeechDescriptor.Features now = source.current().descriptor().features();
                SpeechDescriptor next = SpeechDescriptor.read(dir);
                if (!now.equals(next.features())) {
                    return "its audio features "
                            + next.features()
                            + " differ from the running model's "
                            + now
                            + " (open streams' state is made of them); restart Heed to"
                            + " change them";
                }
                if (source.later() != null && !next.streamMean()) {
                    return "it keeps no stream speech mean (trained without --stream-mean),"
                            + " which is how speech.model.later.dir's later utterances are"
                            + " known; publish a model trained with --stream-mean, or restart"
                            + " Heed without speech.model.later.dir";
                }
                return null;
            }

            @Override
            public void loadAndSwap(Path dir) throws ModelLoadException {
                source.swap(SpeechModel.load(dir, device));
            }
        };
    }

    /** Why {@code next} cannot replace {@code current} in a running topology, or null. */
    static String misfit(ModelDescriptor current, ModelDescriptor next) {
        if (next.window() != current.window()) {
            return "its window is "
                    + next.window()
                    + " steps but the running topology's windows are "
                    + current.window()
                    + "; restart Heed to change the window";
        }
        if (!next.variables().equals(current.variables())) {
            return "its variables "
                    + next.variables()
                    + " differ from the running model's "
                    + current.variables()
                    + "; restart Heed to change them";
        }
        return null;
    }

    private void refuse(String key, String message) {
        refusals.incrementAndGet();
        lastMessage = message;
        if (!key.equals(lastRefused)) {
            LOG.error("model watcher: {}", message);
            lastRefused = key;
        }
    }

    public long swaps() {
        return swaps.get();
    }

    public long refusals() {
        return refusals.get();
    }

    /** The last swap or refusal, for status displays; null before either. */
    public String lastMessage() {
        return lastMessage;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
