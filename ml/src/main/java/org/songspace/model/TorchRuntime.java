package org.songspace.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import org.songspace.io.UserError;

/**
 * Configures DJL's PyTorch engine before its first use: offline (libtorch comes from the
 * pytorch-native-cpu jar on the classpath; a missing native fails at once instead of downloading),
 * a songspace-owned cache folder for the unpacked libtorch (~430 MB, ~3 s the first time), and thread
 * counts that fit the machine (intra-op = cores, inter-op = 1). Values already set by the user win.
 */
public final class TorchRuntime {
    private static volatile boolean configured;

    private TorchRuntime() {
    }

    /** Idempotent; call before touching any DJL class that loads the engine. */
    public static synchronized void configure() {
        if (configured) {
            return;
        }
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("DJL_CACHE_DIR", defaultCacheDir().toString());
        setIfAbsent("ai.djl.pytorch.num_threads", String.valueOf(Runtime.getRuntime().availableProcessors()));
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        setIfAbsent("disableProgressBar", "true");
        configured = true;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value);
        }
    }

    static Path defaultCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Paths.get(xdg) : Paths.get(System.getProperty("user.home"), ".cache");
        return base.resolve("songspace").resolve("djl");
    }

    /** The engine, configured. */
    public static Engine engine() {
        configure();
        return Engine.getEngine("PyTorch");
    }

    /**
     * The DJL device for a choice: CPU, GPU (fails clearly without CUDA and a CUDA build of libtorch), or
     * AUTO (GPU when one is usable).
     */
    public static Device device(ComputeDevice choice) {
        Engine engine = engine();
        return switch (choice) {
            case CPU -> Device.cpu();
            case GPU -> {
                if (engine.getGpuCount() == 0) {
                    throw new UserError("--device gpu: no CUDA device is usable. songspace ships the CPU "
                            + "libtorch (Maven Central has no CUDA build of libtorch 2.7.1); point PYTORCH_LIBRARY_PATH at "
                            + "a CUDA libtorch 2.7.1 (e.g. the lib folder of a pip-installed torch==2.7.1) on a machine "
                            + "with an NVIDIA GPU");
                }
                yield Device.gpu();
            }
            case AUTO -> engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
        };
    }

    /** Library versions, stored with every model. */
    public static Map<String, String> versions() {
        Engine engine = engine();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("djl", Engine.getDjlVersion());
        v.put("engine", engine.getEngineName() + " " + engine.getVersion());
        v.put("java", System.getProperty("java.version"));
        String own = TorchRuntime.class.getPackage().getImplementationVersion();
        v.put("songspace", own == null ? "dev" : own);
        return v;
    }
}
