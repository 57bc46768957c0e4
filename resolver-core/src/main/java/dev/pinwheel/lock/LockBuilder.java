package dev.pinwheel.lock;

import dev.pinwheel.index.DistributionFile;
import dev.pinwheel.name.PackageName;
import dev.pinwheel.requirement.Requirement;
import dev.pinwheel.resolve.Resolution;
import dev.pinwheel.resolve.ResolvedDependency;
import dev.pinwheel.resolve.ResolvedPackage;
import dev.pinwheel.resolve.Target;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds a {@link Lock} from a {@link Resolution}: one pin per resolved package with its files, the edges, the
 * {@code # via} labels (the requiring packages; for root requirements the labels the caller gives, such as
 * {@code -r requirements.in}) and pip-compile's markers. The command line and the server both build their locks
 * here, so equal resolutions give equal lock files. A builder is used by one thread; the lock it builds is
 * immutable.
 *
 * <pre>{@code
 * Lock lock = LockBuilder.of(resolution, target, r -> List.of("-r requirements.in"))
 *         .indexUrls(id -> Optional.of("https://example.org/simple"))
 *         .build();
 * }</pre>
 */
public final class LockBuilder {
    private final Resolution resolution;
    private final Target target;
    private final Function<Requirement, List<String>> rootLabels;
    private Function<PackageName, List<String>> constraintLabels = n -> List.of();
    private Function<ResolvedPackage, List<DistributionFile>> files = ResolvedPackage::files;
    private Function<DistributionFile, LockedFile> file = LockedFile::of;
    private Function<String, Optional<String>> indexUrls = id -> Optional.empty();
    private LockSources sources = LockSources.DEFAULT;

    private LockBuilder(Resolution resolution, Target target, Function<Requirement, List<String>> rootLabels) {
        this.resolution = Objects.requireNonNull(resolution, "resolution");
        this.target = Objects.requireNonNull(target, "target");
        this.rootLabels = Objects.requireNonNull(rootLabels, "rootLabels");
    }

    /**
     * A builder for the lock of {@code resolution} on {@code target}.
     *
     * @param rootLabels the input labels of a root requirement, shown in {@code # via} lines and as the {@code from}
     *                   of its edges ({@code -r requirements.in}; the server uses {@code -r request})
     */
    public static LockBuilder of(Resolution resolution, Target target, Function<Requirement, List<String>> rootLabels) {
        return new LockBuilder(resolution, target, rootLabels);
    }

    /** Labels added to a pin's {@code via} because a constraint names it ({@code -c constraints.txt}); default none. */
    public LockBuilder constraintLabels(Function<PackageName, List<String>> value) {
        this.constraintLabels = Objects.requireNonNull(value, "constraintLabels");
        return this;
    }

    /** The files of a pin that the lock keeps (default: every usable file); may throw to reject a pin. */
    public LockBuilder files(Function<ResolvedPackage, List<DistributionFile>> value) {
        this.files = Objects.requireNonNull(value, "files");
        return this;
    }

    /** How a file is recorded (default {@link LockedFile#of}); the command line adds sizes of local files. */
    public LockBuilder file(Function<DistributionFile, LockedFile> value) {
        this.file = Objects.requireNonNull(value, "file");
        return this;
    }

    /** The URL, as configured, of the index with a given {@link DistributionFile#indexId()}; default none. */
    public LockBuilder indexUrls(Function<String, Optional<String>> value) {
        this.indexUrls = Objects.requireNonNull(value, "indexUrls");
        return this;
    }

    /** The index options written into requirements.txt; default {@link LockSources#DEFAULT}. */
    public LockBuilder sources(LockSources value) {
        this.sources = Objects.requireNonNull(value, "sources");
        return this;
    }

    /** The lock. */
    public Lock build() {
        List<LockedDependency> edges = new ArrayList<>();
        Map<String, List<String>> via = new HashMap<>();
        for (ResolvedDependency d : resolution.dependencies()) {
            List<String> froms = d.from().isPresent() ? List.of(d.from().get().normalized()) : rootLabels.apply(d.requirement());
            for (String from : froms) {
                edges.add(new LockedDependency(from, d.to(), d.requirement().toString()));
                if (!from.equals(d.to().normalized())) {
                    via.computeIfAbsent(d.to().normalized(), k -> new ArrayList<>()).add(from);
                }
            }
        }
        List<LockedPackage> packages = new ArrayList<>();
        for (ResolvedPackage p : resolution.packages()) {
            List<String> v = new ArrayList<>(via.getOrDefault(p.name().normalized(), List.of()));
            v.addAll(constraintLabels.apply(p.name()));
            List<LockedFile> locked = new ArrayList<>();
            Optional<String> index = Optional.empty();
            for (DistributionFile f : files.apply(p)) {
                locked.add(file.apply(f));
                if (index.isEmpty()) {
                    index = indexUrls.apply(f.indexId());
                }
            }
            packages.add(new LockedPackage(p.name(), p.version(), p.extras(), locked, p.url().isPresent() ? Optional.empty() : index,
                    marker(p), v, p.url().map(Object::toString)));
        }
        return new Lock(target, packages, edges, sources);
    }

    /**
     * The marker printed with a pin, as pip-compile keeps it: when only root requirements ask for the package and
     * every one of them has a marker, their markers (joined with {@code or}); otherwise none. The lock is for one
     * target, so every marker printed is true there; it tells the reader why the pin is conditional.
     */
    private Optional<String> marker(ResolvedPackage p) {
        List<String> markers = new ArrayList<>();
        for (ResolvedDependency d : resolution.dependencies()) {
            if (!d.to().equals(p.name())) {
                continue;
            }
            if (d.from().isPresent() || d.requirement().marker().isEmpty()) {
                return Optional.empty();
            }
            String m = d.requirement().marker().get().toString();
            if (!markers.contains(m)) {
                markers.add(m);
            }
        }
        if (markers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(markers.size() == 1 ? markers.get(0)
                : String.join(" or ", markers.stream().map(m -> "(" + m + ")").toList()));
    }
}
