package dev.pinwheel.metadata;

import java.util.List;
import java.util.Objects;

/**
 * Core metadata that failed validation, with <em>every</em> problem found (packaging raises them together in
 * an {@code ExceptionGroup}).
 *
 * <p>The message names the source and lists the problems, one a line, each with its line number when known:
 * <pre>{@code
 * Invalid core metadata in `demo-1.0.dist-info/METADATA` (2 problems):
 *   demo-1.0.dist-info/METADATA:5: `idna >=` is not a valid requirement for `Requires-Dist`: Expected a version after `>=`, found end of input
 *   demo-1.0.dist-info/METADATA: Expected a `Version` field, found none
 * }</pre>
 * The parse errors behind the problems are attached as suppressed exceptions. Instances are immutable.
 */
public final class InvalidMetadataException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final transient List<MetadataProblem> problems;

    InvalidMetadataException(String source, List<MetadataProblem> problems) {
        super(render(source, problems));
        this.source = Objects.requireNonNull(source, "source");
        this.problems = List.copyOf(problems);
        for (MetadataProblem p : this.problems) {
            p.cause().ifPresent(this::addSuppressed);
        }
    }

    /** Where the metadata came from, as given when it was read. */
    public String source() {
        return source;
    }

    /** The problems, at least one, in the order found: unparsed fields, then the fields in specification order. */
    public List<MetadataProblem> problems() {
        return problems;
    }

    private static String render(String source, List<MetadataProblem> problems) {
        StringBuilder b = new StringBuilder("Invalid core metadata in `").append(source).append("` (")
                .append(problems.size()).append(problems.size() == 1 ? " problem):" : " problems):");
        for (MetadataProblem p : problems) {
            b.append("\n  ").append(source);
            p.line().ifPresent(l -> b.append(':').append(l));
            b.append(": ").append(p.message());
        }
        return b.toString();
    }
}
