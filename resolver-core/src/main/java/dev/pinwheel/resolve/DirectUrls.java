package dev.pinwheel.resolve;

import dev.pinwheel.index.DirectDistribution;
import dev.pinwheel.index.DistributionFile;
import dev.pinwheel.index.IndexException;
import dev.pinwheel.index.PackageIndex;
import dev.pinwheel.index.ProjectPage;
import dev.pinwheel.metadata.Metadata;
import dev.pinwheel.name.PackageName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * An index as one resolution sees it when it has direct URL requirements: a project named by one has a page
 * holding only the file its URL names (the index's own files of that project are never considered, as in pip
 * and uv), and that file's metadata is the one read with it. Everything else goes to the index.
 * Thread-safe when the index is.
 */
final class DirectUrls implements PackageIndex {
    private final PackageIndex index;
    private final Map<PackageName, DirectDistribution> directs;

    DirectUrls(PackageIndex index, Map<PackageName, DirectDistribution> directs) {
        this.index = index;
        this.directs = Map.copyOf(directs);
    }

    @Override
    public String id() {
        return index.id();
    }

    @Override
    public Optional<ProjectPage> project(PackageName project) throws IndexException {
        DirectDistribution d = directs.get(project);
        return d != null ? Optional.of(page(project, d)) : index.project(project);
    }

    @Override
    public CompletableFuture<Optional<ProjectPage>> projectAsync(PackageName project, Executor executor) {
        DirectDistribution d = directs.get(project);
        return d != null ? CompletableFuture.completedFuture(Optional.of(page(project, d))) : index.projectAsync(project, executor);
    }

    @Override
    public Metadata metadata(DistributionFile file) throws IndexException {
        Optional<Metadata> m = direct(file);
        return m.isPresent() ? m.get() : index.metadata(file);
    }

    @Override
    public CompletableFuture<Metadata> metadataAsync(DistributionFile file, Executor executor) {
        Optional<Metadata> m = direct(file);
        return m.isPresent() ? CompletableFuture.completedFuture(m.get()) : index.metadataAsync(file, executor);
    }

    private Optional<Metadata> direct(DistributionFile file) {
        DirectDistribution d = directs.get(file.filename().name());
        return d != null && d.file().equals(file) ? Optional.of(d.metadata()) : Optional.empty();
    }

    private static ProjectPage page(PackageName project, DirectDistribution d) {
        return ProjectPage.of(project, List.of(d.file()), d.file().indexId());
    }
}
