package dev.heed.models.formats;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.heed.models.DeviceChoice;
import dev.heed.models.HeedModelException;
import dev.heed.models.ModelLoadException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts DJL's engines the way Heed wants them and picks devices: PyTorch for the {@code djl} and
 * {@code torchscript} formats and all NDArray work, ONNX Runtime (CPU) only to run {@code onnx}
 * models.
 */
public final class Engines {

    private static final Logger LOG = LoggerFactory.getLogger(Engines.class);
    private static final String THREADS = "ai.djl.pytorch.num_threads";
    private static final String INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";
    private static final String OFFLINE = "ai.djl.offline";
    private static final String DEFAULT_ENGINE = "ai.djl.default_engine";

    /** DJL's name of the PyTorch engine. */
    public static final String PYTORCH = "PyTorch";

    /** DJL's name of the ONNX Runtime engine. */
    static final String ONNX_RUNTIME = "OnnxRuntime";

    private Engines() {}

    /**
     * Returns the engine, first defaulting PyTorch to one intra-op and one inter-op thread (about
     * 7x faster small-model training on two cores than PyTorch's own default) and DJL to offline
     * mode (the natives come from the pytorch-native-cpu jar; nothing is downloaded). Properties
     * already set are kept; they only take effect before the engine's first start. PyTorch stays
     * DJL's default engine although ONNX Runtime is on the classpath too.
     */
    public static synchronized Engine engine() {
        defaults();
        try {
            return Engine.getEngine(PYTORCH);
        } catch (RuntimeException e) {
            throw new HeedModelException(
                    "cannot start the DJL PyTorch engine: "
                            + e.getMessage()
                            + "; the default build needs the pytorch-native-cpu jar on the classpath (lib/),"
                            + " a -Pgpu build runs only where an NVIDIA GPU with a CUDA 12.4 driver is present",
                    e);
        }
    }

    /**
     * Returns DJL's ONNX Runtime engine (CPU build), offline like {@link #engine()}.
     *
     * @throws HeedModelException if it cannot start
     */
    static synchronized Engine onnxRuntime() {
        defaults();
        try {
            return Engine.getEngine(ONNX_RUNTIME);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new HeedModelException(
                    "cannot start the DJL ONNX Runtime engine (is ai.djl.onnxruntime:onnxruntime-engine on"
                            + " the classpath?): "
                            + e.getMessage(),
                    e);
        }
    }

    private static void defaults() {
        setIfAbsent(OFFLINE, "true");
        setIfAbsent(THREADS, "1");
        setIfAbsent(INTEROP_THREADS, "1");
        setIfAbsent(DEFAULT_ENGINE, PYTORCH);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** PyTorch intra-op threads as configured, or -1 when PyTorch chooses. */
    public static int threads() {
        return Integer.getInteger(THREADS, -1);
    }

    /** The device for a choice: a GPU for {@code gpu} and for {@code auto} when one is usable. */
    public static Device device(DeviceChoice choice) throws ModelLoadException {
        if (choice == DeviceChoice.CPU) {
            return Device.cpu();
        }
        int gpus;
        try {
            gpus = engine().getGpuCount();
        } catch (HeedModelException e) {
            throw new ModelLoadException(e.getMessage(), e);
        }
        if (gpus > 0) {
            LOG.info("using GPU 0 of {}", gpus);
            return Device.gpu();
        }
        if (choice == DeviceChoice.GPU) {
            throw new ModelLoadException(
                    "device gpu requested but the PyTorch engine reports no GPU (CPU-only natives, or no"
                            + " CUDA device visible); use device cpu or auto");
        }
        return Device.cpu();
    }

    /** This module's version, from the build, or {@code dev} when run from sources. */
    public static String heedVersion() {
        try (InputStream in =
                Engines.class.getResourceAsStream("/dev/heed/models/heed-models.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String version = p.getProperty("version", "dev");
            return version.startsWith("${") ? "dev" : version;
        } catch (IOException e) {
            return "dev";
        }
    }
}
