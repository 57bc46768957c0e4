package dev.pinwheel.index.local;

import dev.pinwheel.index.IndexException;
import dev.pinwheel.index.IndexOptions;
import dev.pinwheel.index.PackageIndex;
import dev.pinwheel.index.PackageIndexProvider;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Provides a {@link LocalDirectoryIndex} for {@code file:} URLs of directories ({@code --find-links} style).
 * Registered for {@link java.util.ServiceLoader}; {@link LocalDirectoryIndex#open(Path)} is the plain factory.
 * Stateless and thread-safe.
 */
public final class LocalDirectoryProvider implements PackageIndexProvider {
    /** Public for {@link java.util.ServiceLoader}. */
    public LocalDirectoryProvider() {
    }

    @Override
    public boolean supports(URI location) {
        if (!"file".equalsIgnoreCase(location.getScheme())) {
            return false;
        }
        try {
            return Files.isDirectory(Path.of(location));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public PackageIndex open(URI location, IndexOptions options) throws IndexException {
        try {
            return LocalDirectoryIndex.open(Path.of(location));
        } catch (IllegalArgumentException e) {
            throw new IndexException(location.toString(), location, "Not a usable directory URL", e);
        }
    }
}
