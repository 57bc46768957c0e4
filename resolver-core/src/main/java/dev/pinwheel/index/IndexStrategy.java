package dev.pinwheel.index;

/**
 * How a union of several indexes answers for a project that more than one of them serves, with uv's
 * names ({@code --index-strategy}).
 */
public enum IndexStrategy {
    /**
     * The default: a project is taken from the first index, in the configured order, that has it;
     * later indexes are not consulted for that project. This is the defence against dependency
     * confusion: a package published on a public index under the name of a private one cannot win.
     */
    FIRST_INDEX,

    /**
     * Every index's files for a project are merged, and the best version wins wherever it comes from.
     * This is pip's behaviour with {@code --extra-index-url}, and it is a dependency-confusion risk:
     * anyone who can publish to any of the indexes can supply any project. Use it only with indexes
     * you control.
     */
    UNSAFE_BEST_MATCH;

    /** The command-line spelling, e.g. {@code first-index}. */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /**
     * The strategy named {@code first-index} or {@code unsafe-best-match}.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code name} is neither
     */
    public static IndexStrategy fromCliName(String name) {
        for (IndexStrategy s : values()) {
            if (s.cliName().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown index strategy `" + name + "`: expected `first-index` or `unsafe-best-match`");
    }
}
