package dev.pinwheel.resolve;

import dev.pinwheel.name.PackageName;
import dev.pinwheel.requirement.Requirement;
import dev.pinwheel.version.Version;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a constraint of the resolution exists. Every constraint the resolver encodes carries one, so that any
 * unsatisfiable subset of constraints maps straight to reasons an {@link Explanation} can render. Immutable
 * and thread-safe.
 *
 * <p>The records write out {@code equals} and {@code hashCode}, with the values the generated ones give: a
 * record's generated methods link method handles on first use, which a fresh JVM pays milliseconds for (the
 * command's start-up).
 */
public sealed interface Reason {

    /** A short, plain-language statement of this reason, as used in {@link Explanation#render()}. */
    String describe();

    /** The root requirement {@code requirement} must be met: "you require a>=2". */
    record RootRequirement(Requirement requirement) implements Reason {
        public RootRequirement {
            Objects.requireNonNull(requirement, "requirement");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof RootRequirement o && requirement.equals(o.requirement);
        }

        @Override
        public int hashCode() {
            int h = 0;
            h = 31 * h + requirement.hashCode();
            return h;
        }

        @Override
        public String describe() {
            return "you require " + Explanation.requirementText(requirement);
        }
    }

    /** {@code name==version} (with {@code extra}, if present) requires {@code requirement}. */
    record DependsOn(PackageName name, Version version, Optional<String> extra, Requirement requirement)
            implements Reason {
        public DependsOn {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(extra, "extra");
            Objects.requireNonNull(requirement, "requirement");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof DependsOn o && name.equals(o.name) && version.equals(o.version) && extra.equals(o.extra) && requirement.equals(o.requirement);
        }

        @Override
        public int hashCode() {
            int h = 0;
            h = 31 * h + name.hashCode();
            h = 31 * h + version.hashCode();
            h = 31 * h + extra.hashCode();
            h = 31 * h + requirement.hashCode();
            return h;
        }

        @Override
        public String describe() {
            return name.original() + extra.map(e -> "[" + e + "]").orElse("") + "==" + version + " depends on "
                    + Explanation.requirementText(requirement);
        }
    }

    /** At most one version of {@code name} (or of its extra {@code extra}) is installed. */
    record OneVersionPer(PackageName name, Optional<String> extra) implements Reason {
        public OneVersionPer {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(extra, "extra");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof OneVersionPer o && name.equals(o.name) && extra.equals(o.extra);
        }

        @Override
        public int hashCode() {
            int h = 0;
            h = 31 * h + name.hashCode();
            h = 31 * h + extra.hashCode();
            return h;
        }

        @Override
        public String describe() {
            return "only one version of " + name.original() + extra.map(e -> "[" + e + "]").orElse("")
                    + " can be installed";
        }
    }

    /** {@code name[extra]==version} is {@code name==version} with its extra: they go together. */
    record ExtraOf(PackageName name, Version version, String extra) implements Reason {
        public ExtraOf {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(extra, "extra");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ExtraOf o && name.equals(o.name) && version.equals(o.version) && extra.equals(o.extra);
        }

        @Override
        public int hashCode() {
            int h = 0;
            h = 31 * h + name.hashCode();
            h = 31 * h + version.hashCode();
            h = 31 * h + extra.hashCode();
            return h;
        }

        @Override
        public String describe() {
            return name.original() + "[" + extra + "]==" + version + " needs " + name.original() + "==" + version;
        }
    }

    /**
     * {@code name==version} cannot be installed on the target: {@code why} says why, as a predicate ("has no
     * wheel compatible with the target and no source distribution", "requires Python >=3.13", ...).
     */
    record Unusable(PackageName name, Version version, String why) implements Reason {
        public Unusable {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(why, "why");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Unusable o && name.equals(o.name) && version.equals(o.version) && why.equals(o.why);
        }

        @Override
        public int hashCode() {
            int h = 0;
            h = 31 * h + name.hashCode();
            h = 31 * h + version.hashCode();
            h = 31 * h + why.hashCode();
            return h;
        }

        @Override
        public String describe() {
            return name.original() + "==" + version + " " + why;
        }
    }

    /** A constraint ({@link ResolutionRequest#constraints()}) rules out the versions it does not match. */
    record Constrained(Requirement constraint) implements Reason {
        public Constrained {
            Objects.requireNonNull(constraint, "constraint");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Constrained o && constraint.equals(o.constraint);
        }

        @Override
        public int hashCode() {
            int h = 0;
            h = 31 * h + constraint.hashCode();
            return h;
        }

        @Override
        public String describe() {
            return "you constrain " + Explanation.requirementText(constraint);
        }
    }
}
