package dev.pinwheel.index.simple;

import dev.pinwheel.index.IndexException;
import dev.pinwheel.index.IndexOptions;
import dev.pinwheel.index.PackageIndex;
import dev.pinwheel.index.PackageIndexProvider;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Provides a {@link SimpleIndex} for {@code http} and {@code https} URLs, and for {@code file:} directories laid
 * out as a static simple index (with an {@code index.html} at the root). Registered for {@link java.util.ServiceLoader};
 * {@link SimpleIndex#create} is the plain factory. Stateless and thread-safe.
 */
public final class SimpleIndexProvider implements PackageIndexProvider {
    /** Public for {@link java.util.ServiceLoader}. */
    public SimpleIndexProvider() {
    }

    @Override
    public boolean supports(URI location) {
        String scheme = location.getScheme() == null ? "" : location.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") || scheme.equals("https")) {
            return location.getHost() != null;
        }
        if (scheme.equals("file")) {
            try {
                Path p = Path.of(location);
                return Files.isDirectory(p) && Files.isRegularFile(p.resolve("index.html"));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return false;
    }

    @Override
    public PackageIndex open(URI location, IndexOptions options) throws IndexException {
        return SimpleIndex.create(location, options);
    }

    /** Above the flat-directory provider, so a directory with an {@code index.html} is read as a simple index. */
    @Override
    public int priority() {
        return 10;
    }
}
