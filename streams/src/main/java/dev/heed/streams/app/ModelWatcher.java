package dev.heed.streams.app;

import dev.heed.models.DeviceChoice;
import dev.heed.models.ModelDescriptor;
import dev.heed.models.ModelLoadException;
import dev.heed.models.forecasting.ForecastModel;
import dev.heed.models.forecasting.ModelLoader;
import dev.heed.streams.ModelSource;
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
 * restart. A new version is loaded and checked in full before it serves: one that cannot be loaded,
 * or that does not fit the running topology (window, variables), is refused with a clear message
 * while the current model keeps serving. The swapped-out model is closed once the stream threads
 * have had time to finish their batch on it.
 *
 * <p>To publish a model safely, write it to a new directory and then move it (or a symlink) onto
 * {@code model.dir} in one rename; a half-written directory is refused and retried later.
 */
public final class ModelWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelWatcher.class);
    private static final Duration RETIRE_AFTER = Duration.ofSeconds(30);

    private final Path dir;
    private final DeviceChoice device;
    private final ModelSource source;
    private final ScheduledExecutorService timer;
    private final AtomicLong swaps = new AtomicLong();
    private final AtomicLong refusals = new AtomicLong();
    private volatile String lastRefused;
    private volatile String lastMessage;

    private ModelWatcher(Path dir, DeviceChoice device, ModelSource source) {
        this.dir = dir;
        this.device = device;
        this.source = source;
        this.timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "heed-model-watcher");
                            t.setDaemon(true);
                            return t;
                        });
    }

    /** Checks {@code dir} every {@code interval} from now on. */
    public static ModelWatcher start(
            Path dir, DeviceChoice device, ModelSource source, Duration interval) {
        ModelWatcher w = new ModelWatcher(dir, device, source);
        long ms = Math.max(100, interval.toMillis());
        w.timer.scheduleWithFixedDelay(w::checkQuietly, ms, ms, TimeUnit.MILLISECONDS);
        return w;
    }

    /** A watcher that checks only when {@link #check()} is called (for tests and tools). */
    static ModelWatcher manual(Path dir, DeviceChoice device, ModelSource source) {
        return new ModelWatcher(dir, device, source);
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
        ModelDescriptor current = source.current().descriptor();
        ModelDescriptor next;
        try {
            next = ModelDescriptor.read(dir);
        } catch (ModelLoadException e) {
            refuse("unreadable", "model.json in " + dir + " cannot be read: " + e.getMessage());
            return false;
        }
        if (Objects.equals(next.version(), current.version())) {
            return false;
        }
        String key = next.version() + "@" + next.weightsSha256();
        String misfit = misfit(current, next);
        if (misfit != null) {
            refuse(
                    key,
                    "model "
                            + next.name()
                            + " version "
                            + next.version()
                            + " in "
                            + dir
                            + " is refused: "
                            + misfit
                            + "; still serving version "
                            + current.version());
            return false;
        }
        ForecastModel loaded;
        try {
            loaded = ModelLoader.load(dir, device);
        } catch (ModelLoadException | RuntimeException e) {
            refuse(
                    key,
                    "model "
                            + next.name()
                            + " version "
                            + next.version()
                            + " in "
                            + dir
                            + " cannot be loaded: "
                            + e.getMessage()
                            + "; still serving version "
                            + current.version());
            return false;
        }
        ForecastModel old = source.swap(loaded);
        swaps.incrementAndGet();
        lastRefused = null;
        lastMessage = "now serving " + next.name() + " version " + next.version();
        LOG.warn("model watcher: {} (was version {})", lastMessage, current.version());
        timer.schedule(old::close, RETIRE_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        return true;
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
