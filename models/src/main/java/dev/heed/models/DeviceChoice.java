package dev.heed.models;

import java.util.Locale;

/** Where a model runs: {@code cpu}, {@code gpu}, or {@code auto} (a GPU when one is usable). */
public enum DeviceChoice {
    CPU,
    GPU,
    AUTO;

    public static DeviceChoice parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new HeedModelException("device must be one of cpu, gpu, auto: '" + name + "'", e);
        }
    }
}
