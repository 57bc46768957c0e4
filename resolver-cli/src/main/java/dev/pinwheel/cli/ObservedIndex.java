package dev.pinwheel.cli;

import dev.pinwheel.index.DirectDistribution;
import dev.pinwheel.index.DistributionFile;
import dev.pinwheel.index.IndexException;
import dev.pinwheel.index.PackageIndex;
import dev.pinwheel.index.ProjectPage;
import dev.pinwheel.metadata.Metadata;
import dev.pinwheel.name.PackageName;

import java.net.URI;
import java.util.Optional;

/** A {@link PackageIndex} that reports each request to {@link Progress}; otherwise the index it wraps. */
final class ObservedIndex implements PackageIndex {
    private final PackageIndex delegate;
    private final Progress progress;

    ObservedIndex(PackageIndex delegate, Progress progress) {
        this.delegate = delegate;
        this.progress = progress;
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public Optional<ProjectPage> project(PackageName project) throws IndexException {
        Optional<ProjectPage> page = delegate.project(project);
        progress.project(project.normalized(), page.map(ProjectPage::indexId).orElse(delegate.id()));
        return page;
    }

    @Override
    public Metadata metadata(DistributionFile file) throws IndexException {
        Metadata m = delegate.metadata(file);
        progress.metadata(file.name(), file.indexId());
        return m;
    }

    @Override
    public DirectDistribution direct(PackageName project, URI url) throws IndexException {
        DirectDistribution d = delegate.direct(project, url);
        progress.metadata(d.file().name(), d.file().indexId());
        return d;
    }

    @Override
    public void close() {
        delegate.close();
    }
}
