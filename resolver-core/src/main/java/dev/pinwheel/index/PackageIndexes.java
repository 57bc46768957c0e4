package dev.pinwheel.index;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Opens an index for a location through the {@link PackageIndexProvider}s that a class loader can see.
 * Discovery happens only inside {@link #load}, never in a static initializer.
 */
public final class PackageIndexes {
    private PackageIndexes() {
    }

    /**
     * Opens {@code location} with the highest-priority provider that supports it; among equal
     * priorities, the provider whose class name sorts first (so the choice is deterministic).
     *
     * @throws IndexException when no provider supports the location, or the chosen one fails to open it
     */
    public static PackageIndex load(URI location, IndexOptions options, ClassLoader loader) throws IndexException {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(loader, "loader");
        List<PackageIndexProvider> supporting = new ArrayList<>();
        for (PackageIndexProvider p : ServiceLoader.load(PackageIndexProvider.class, loader)) {
            if (p.supports(location)) {
                supporting.add(p);
            }
        }
        if (supporting.isEmpty()) {
            URI shown = IndexException.redacted(location);
            throw new IndexException(shown.toString(), shown,
                    "No index provider supports `" + shown + "`: is resolver-index on the class path?");
        }
        supporting.sort(Comparator.comparingInt(PackageIndexProvider::priority).reversed()
                .thenComparing(p -> p.getClass().getName()));
        return supporting.get(0).open(location, options);
    }
}
