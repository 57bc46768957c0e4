package dev.pinwheel.server;

import java.util.List;
import java.util.TreeMap;

/**
 * The environment key: a digest of the target and the pinned set (each pin's name, version and the sha256 of the
 * file chosen for the target). Two requests that resolve to the same pins for the same target share it, so built
 * environments can be cached under it.
 */
final class EnvironmentKey {
    private EnvironmentKey() {
    }

    static String of(TargetSpec target, List<Outcome.Pin> pins) {
        StringBuilder b = new StringBuilder("pinwheel-environment-v1\n");
        b.append(new TreeMap<>(target.canonical())).append('\n');
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Outcome.Pin p : pins) {
            sorted.put(p.normalizedName(), p.version() + " " + p.file().sha256().orElse(p.file().url()));
        }
        sorted.forEach((name, rest) -> b.append(name).append("==").append(rest).append('\n'));
        return "sha256:" + Digests.sha256Hex(b.toString());
    }
}
