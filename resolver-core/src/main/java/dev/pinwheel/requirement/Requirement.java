package dev.pinwheel.requirement;

import dev.pinwheel.name.InvalidNameException;
import dev.pinwheel.name.PackageName;
import dev.pinwheel.version.InvalidSpecifierException;
import dev.pinwheel.version.SpecifierSet;

import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A PEP 508 dependency specifier: a project name, optional extras, either a version specifier or a
 * direct URL, and an optional environment marker, as in
 * {@code requests[socks] >= 2.31 ; python_version >= "3.8"}. Parsing follows packaging 26's
 * {@code packaging.requirements.Requirement}, including its error messages.
 *
 * <p>Extras are normalised (PEP 685: {@code Foo.Bar} is {@code foo-bar}) and kept sorted. The URL is
 * kept as written and not validated, as packaging does.
 *
 * <pre>{@code
 * Requirement r = Requirement.parse("Requests [Socks,security] >=2.31, <3 ; python_version >= '3.8'");
 * r.name().normalized();    // "requests"
 * r.extras();               // [security, socks]
 * r.toString();             // Requests[security,socks]<3,>=2.31; python_version >= "3.8"
 * r.appliesTo(MarkerEnvironment.forPython("3.12.1", MarkerEnvironment.Platform.LINUX_X86_64)); // true
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe. Two requirements are equal when their names (normalised),
 * extras, specifiers, URLs and markers are.
 */
public final class Requirement {
    private final PackageName name;
    private final SortedSet<String> extras;
    private final SpecifierSet specifier;
    private final Optional<String> url;
    private final Optional<Marker> marker;
    private int hash; // 0 = not yet computed (a real 0 is recomputed, harmlessly); a benign race

    private Requirement(PackageName name, SortedSet<String> extras, SpecifierSet specifier, Optional<String> url,
                        Optional<Marker> marker) {
        this.name = name;
        this.extras = extras;
        this.specifier = specifier;
        this.url = url;
        this.marker = marker;
    }

    /**
     * Parses a dependency specifier.
     *
     * @throws InvalidRequirementException with packaging's reason and span when {@code requirement} is
     *                                     not valid PEP 508 (an invalid marker or version specifier
     *                                     inside it included)
     */
    public static Requirement parse(String requirement) {
        Objects.requireNonNull(requirement, "requirement");
        Pep508Parser.ParsedRequirement parsed;
        try {
            parsed = Pep508Parser.parseRequirement(requirement);
        } catch (Pep508Tokenizer.SyntaxError e) {
            throw new InvalidRequirementException(e.getMessage(), requirement, e.start,
                    Pep508Parser.spanLength(requirement, e));
        }
        PackageName name;
        try {
            name = PackageName.parseRequirementName(parsed.name());
        } catch (InvalidNameException e) {
            // Unreachable through the grammar (a name token ending in `-` or `.` is always followed by
            // text the grammar rejects), kept as a guard.
            throw new InvalidRequirementException(e.reason(), requirement, parsed.nameStart() + e.errorIndex(), 1);
        }
        SpecifierSet specifier;
        try {
            specifier = parsed.specifier().isEmpty() ? SpecifierSet.ANY : SpecifierSet.parse(parsed.specifier());
        } catch (InvalidSpecifierException e) {
            throw new InvalidRequirementException(e.reason(), requirement, parsed.specifierStart(),
                    Math.max(1, requirement.length() - parsed.specifierStart()));
        }
        return new Requirement(name, normalizeExtras(parsed.extras()), specifier, parsed.url(), parsed.marker());
    }

    /** Like {@link #parse(String)}, but returns empty instead of throwing. */
    public static Optional<Requirement> tryParse(String requirement) {
        if (requirement == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(requirement));
        } catch (InvalidRequirementException e) {
            return Optional.empty();
        }
    }

    /** A requirement on any version of {@code name}, without extras, URL or marker. */
    public static Requirement of(PackageName name) {
        return new Requirement(Objects.requireNonNull(name, "name"), Collections.emptySortedSet(), SpecifierSet.ANY,
                Optional.empty(), Optional.empty());
    }

    /** The project name, as written. */
    public PackageName name() {
        return name;
    }

    /** The requested extras, normalised (PEP 685) and sorted; unmodifiable. */
    public SortedSet<String> extras() {
        return extras;
    }

    /** The version specifier; {@link SpecifierSet#ANY} when none was given (always so with a URL). */
    public SpecifierSet specifier() {
        return specifier;
    }

    /** The direct URL after {@code @}, as written. */
    public Optional<String> url() {
        return url;
    }

    /** The environment marker after {@code ;}. */
    public Optional<Marker> marker() {
        return marker;
    }

    /** A copy with this marker; {@link Marker#ALWAYS} removes it. */
    public Requirement withMarker(Marker newMarker) {
        Objects.requireNonNull(newMarker, "newMarker");
        return new Requirement(name, extras, specifier, url,
                newMarker == Marker.ALWAYS ? Optional.empty() : Optional.of(newMarker));
    }

    /**
     * A copy with this version specifier.
     *
     * @throws IllegalArgumentException when this requirement has a URL and {@code newSpecifier} is not
     *                                  {@link SpecifierSet#ANY}: PEP 508 allows one or the other
     */
    public Requirement withSpecifier(SpecifierSet newSpecifier) {
        Objects.requireNonNull(newSpecifier, "newSpecifier");
        if (url.isPresent() && !newSpecifier.equals(SpecifierSet.ANY)) {
            throw new IllegalArgumentException("A requirement with a URL cannot have a version specifier: " + this);
        }
        return new Requirement(name, extras, newSpecifier, url, marker);
    }

    /**
     * A copy with these extras, normalised.
     *
     * @throws IllegalArgumentException when an extra is not a valid name
     */
    public Requirement withExtras(Collection<String> newExtras) {
        for (String extra : newExtras) {
            if (!PackageName.isValid(extra)) {
                throw new IllegalArgumentException("Invalid extra name: " + extra);
            }
        }
        return new Requirement(name, normalizeExtras(newExtras), specifier, url, marker);
    }

    /**
     * Whether this requirement applies in {@code environment} without extras: true without a marker.
     *
     * @throws MarkerEvaluationException when the marker cannot be evaluated there
     */
    public boolean appliesTo(MarkerEnvironment environment) {
        return appliesTo(environment, Set.of());
    }

    /**
     * Whether this requirement applies in {@code environment} for a dependent installed with
     * {@code extras} (see {@link Marker#evaluate(MarkerEnvironment, Set)}).
     *
     * @throws MarkerEvaluationException when the marker cannot be evaluated there
     */
    public boolean appliesTo(MarkerEnvironment environment, Set<String> extras) {
        Objects.requireNonNull(environment, "environment");
        return marker.isEmpty() || marker.get().evaluate(environment, extras);
    }

    /**
     * The normalised form, as packaging's {@code str(Requirement)}: name as written, sorted extras,
     * specifiers, {@code " @ "} URL, {@code "; "} marker: {@code name[a,b]<3,>=2; python_version >= "3.8"}.
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(name.original());
        if (!extras.isEmpty()) {
            out.append('[').append(String.join(",", extras)).append(']');
        }
        out.append(specifier);
        if (url.isPresent()) {
            out.append(" @ ").append(url.get());
            if (marker.isPresent()) {
                out.append(' ');
            }
        }
        marker.ifPresent(m -> out.append("; ").append(m));
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof Requirement)) {
            return false;
        }
        Requirement r = (Requirement) o;
        return name.equals(r.name) && extras.equals(r.extras) && specifier.equals(r.specifier) && url.equals(r.url)
                && marker.equals(r.marker);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Objects.hash(name, extras, specifier, url, marker);
            hash = h;
        }
        return h;
    }

    private static SortedSet<String> normalizeExtras(Collection<String> raw) {
        if (raw.isEmpty()) {
            return Collections.emptySortedSet();
        }
        SortedSet<String> out = new TreeSet<>();
        for (String extra : raw) {
            out.add(PackageName.normalize(extra));
        }
        return Collections.unmodifiableSortedSet(out);
    }
}
