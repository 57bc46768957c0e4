package dev.pinwheel.index;

import dev.pinwheel.metadata.Metadata;
import dev.pinwheel.name.PackageName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PackageIndexesTest {

    /** Serves {@code mem:} locations. */
    public static class MemProvider implements PackageIndexProvider {
        @Override
        public boolean supports(URI location) {
            return "mem".equals(location.getScheme());
        }

        @Override
        public PackageIndex open(URI location, IndexOptions options) {
            return new Named("plain:" + location.getSchemeSpecificPart());
        }
    }

    /** Also serves {@code mem:} locations whose path starts with {@code preferred}, at a higher priority. */
    public static class PreferredMemProvider implements PackageIndexProvider {
        @Override
        public boolean supports(URI location) {
            return "mem".equals(location.getScheme()) && location.getSchemeSpecificPart().startsWith("preferred");
        }

        @Override
        public PackageIndex open(URI location, IndexOptions options) {
            return new Named("preferred:" + location.getSchemeSpecificPart());
        }

        @Override
        public int priority() {
            return 10;
        }
    }

    record Named(String id) implements PackageIndex {
        @Override
        public Optional<ProjectPage> project(PackageName project) {
            return Optional.empty();
        }

        @Override
        public Metadata metadata(DistributionFile file) throws IndexException {
            throw new IndexException(id, file.url(), "No metadata here");
        }
    }

    private final ClassLoader loader = getClass().getClassLoader();

    @Test
    void load_choosesTheSupportingProvider() throws IndexException {
        assertEquals("plain:x", PackageIndexes.load(URI.create("mem:x"), IndexOptions.defaults(), loader).id());
    }

    @Test
    void load_prefersHigherPriority() throws IndexException {
        assertEquals("preferred:preferred:one", PackageIndexes.load(URI.create("mem:preferred:one"), IndexOptions.defaults(), loader).id());
    }

    @Test
    void load_unsupportedLocation_namesItWithoutCredentials() {
        IndexException e = assertThrows(IndexException.class,
                () -> PackageIndexes.load(URI.create("gopher://user:pw@host/simple/"), IndexOptions.defaults(), loader));
        assertEquals("No index provider supports `gopher://host/simple/`: is resolver-index on the class path?"
                + " (index `gopher://host/simple/`, `gopher://host/simple/`)", e.getMessage());
    }
}
