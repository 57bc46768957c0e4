package dev.pinwheel.version;

import java.util.Locale;
import java.util.Objects;

/**
 * The pre-release segment of a {@link Version}: a normalised kind and a number, as in {@code 1.0rc2}.
 * Immutable and thread-safe.
 *
 * @param kind   alpha, beta or release candidate
 * @param number the pre-release number, {@code >= 0}
 */
public record PreRelease(Kind kind, long number) implements Comparable<PreRelease> {

    /** The normalised pre-release kinds, in ascending order. */
    public enum Kind {
        /** Alpha: spelled {@code a} or {@code alpha}. */
        A("a"),
        /** Beta: spelled {@code b} or {@code beta}. */
        B("b"),
        /** Release candidate: spelled {@code rc}, {@code c}, {@code pre} or {@code preview}. */
        RC("rc");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The normalised label: {@code a}, {@code b} or {@code rc}. */
        public String label() {
            return label;
        }

        /**
         * The kind for a label in any PEP 440 spelling ({@code alpha}, {@code Beta}, {@code c}, {@code pre},
         * {@code preview}, ...).
         *
         * @throws IllegalArgumentException if the label is not a pre-release spelling
         */
        public static Kind ofLabel(String label) {
            switch (label.toLowerCase(Locale.ROOT)) {
                case "a": case "alpha": return A;
                case "b": case "beta": return B;
                case "rc": case "c": case "pre": case "preview": return RC;
                default: throw new IllegalArgumentException("not a pre-release label: " + label);
            }
        }
    }

    /** Validates the parts. */
    public PreRelease {
        Objects.requireNonNull(kind, "kind");
        if (number < 0) {
            throw new IllegalArgumentException("number < 0: " + number);
        }
    }

    /** Orders by kind, then number. */
    @Override
    public int compareTo(PreRelease o) {
        int c = kind.compareTo(o.kind);
        return c != 0 ? c : Long.compare(number, o.number);
    }

    /** The normalised form, such as {@code rc2}. */
    @Override
    public String toString() {
        return kind.label + number;
    }
}
