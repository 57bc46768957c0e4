package dev.pinwheel.tags;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The ordered list of tags an environment supports, most preferred first, with a rank for each: 0 is the
 * best tag, and a lower rank is always better. A tag that appears twice keeps its first rank, as in
 * packaging's {@code create_compatible_tags_selector}.
 *
 * <p>A distribution file is <em>compatible</em> when at least one of its tags is supported; among several
 * compatible files, the best is the one whose best tag has the lowest rank.
 *
 * <pre>{@code
 * TagSet supported = PythonTarget.cpython(3, 12, Platforms.windows("amd64")).tagSet();
 * supported.rank(Tag.parse("cp312-cp312-win_amd64"));   // OptionalInt[0]
 * supported.rank(Tag.parse("py3-none-any"));            // OptionalInt[29]
 * supported.best(wheels, WheelFilename::tags);          // the wheel to install, if any
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class TagSet {
    private final List<Tag> tags;
    private final Map<Tag, Integer> ranks;

    private TagSet(List<Tag> tags, Map<Tag, Integer> ranks) {
        this.tags = tags;
        this.ranks = ranks;
    }

    /** A tag set from tags in preference order; later duplicates are dropped. */
    public static TagSet of(List<Tag> orderedTags) {
        Map<Tag, Integer> ranks = new HashMap<>(orderedTags.size() * 2);
        List<Tag> unique = new ArrayList<>(orderedTags.size());
        for (Tag t : orderedTags) {
            if (ranks.putIfAbsent(Objects.requireNonNull(t, "tag"), unique.size()) == null) {
                unique.add(t);
            }
        }
        return new TagSet(List.copyOf(unique), Map.copyOf(ranks));
    }

    /** The supported tags in preference order, without duplicates; {@code tags().get(rank)} is that tag. */
    public List<Tag> tags() {
        return tags;
    }

    /** The number of distinct supported tags. */
    public int size() {
        return tags.size();
    }

    /** The rank of a tag (0 = most preferred), or empty if the tag is not supported. */
    public OptionalInt rank(Tag tag) {
        Integer r = ranks.get(tag);
        return r == null ? OptionalInt.empty() : OptionalInt.of(r);
    }

    /** Whether the tag is supported. */
    public boolean contains(Tag tag) {
        return ranks.containsKey(tag);
    }

    /**
     * The best (lowest) rank among a file's tags, or empty if none is supported. A wheel with several tags
     * ({@code py2.py3-none-any}) is as good as its best supported tag.
     */
    public OptionalInt bestRank(Collection<Tag> fileTags) {
        int best = Integer.MAX_VALUE;
        for (Tag t : fileTags) {
            Integer r = ranks.get(t);
            if (r != null && r < best) {
                best = r;
            }
        }
        return best == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(best);
    }

    /** Whether at least one of a file's tags is supported. */
    public boolean isCompatible(Collection<Tag> fileTags) {
        for (Tag t : fileTags) {
            if (ranks.containsKey(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The compatible things, best first, as packaging's {@code create_compatible_tags_selector}: things with
     * no supported tag are dropped; ties keep their input order.
     *
     * @param things   e.g. wheel file names
     * @param tagsOf   the tags of each thing, e.g. {@code WheelFilename::tags}
     */
    public <T> List<T> selectCompatible(Collection<? extends T> things, Function<? super T, ? extends Collection<Tag>> tagsOf) {
        List<Map.Entry<T, Integer>> ranked = new ArrayList<>();
        for (T thing : things) {
            OptionalInt r = bestRank(tagsOf.apply(thing));
            if (r.isPresent()) {
                ranked.add(Map.entry(thing, r.getAsInt()));
            }
        }
        ranked.sort(Comparator.comparingInt(Map.Entry::getValue)); // List.sort is stable
        List<T> out = new ArrayList<>(ranked.size());
        for (Map.Entry<T, Integer> e : ranked) {
            out.add(e.getKey());
        }
        return List.copyOf(out);
    }

    /** The best compatible thing (the first on ties), or empty if none is compatible. */
    public <T> Optional<T> best(Collection<? extends T> things, Function<? super T, ? extends Collection<Tag>> tagsOf) {
        T best = null;
        int bestRank = Integer.MAX_VALUE;
        for (T thing : things) {
            OptionalInt r = bestRank(tagsOf.apply(thing));
            if (r.isPresent() && r.getAsInt() < bestRank) {
                best = thing;
                bestRank = r.getAsInt();
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The wheel to install among wheels of one release, as pip chooses: the best {@linkplain #bestRank tag
     * rank} first, then the highest {@linkplain WheelFilename#buildTag() build tag} (a wheel without one loses
     * to any with one), then the first given. Empty if none is compatible.
     *
     * <pre>{@code
     * supported.bestWheel(List.of(WheelFilename.parse("foo-1.0-1-py3-none-any.whl"),
     *                             WheelFilename.parse("foo-1.0-2-py3-none-any.whl")));   // the build 2 wheel
     * }</pre>
     */
    public Optional<WheelFilename> bestWheel(Collection<WheelFilename> wheels) {
        WheelFilename best = null;
        int bestRank = Integer.MAX_VALUE;
        for (WheelFilename w : wheels) {
            OptionalInt r = bestRank(w.tags());
            if (r.isEmpty()) {
                continue;
            }
            int rank = r.getAsInt();
            if (best == null || rank < bestRank
                    || (rank == bestRank && compareBuild(w.buildTag(), best.buildTag()) > 0)) {
                best = w;
                bestRank = rank;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int compareBuild(Optional<BuildTag> a, Optional<BuildTag> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isPresent(), b.isPresent());
        }
        return a.get().compareTo(b.get());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TagSet && ((TagSet) o).tags.equals(tags);
    }

    @Override
    public int hashCode() {
        return tags.hashCode();
    }

    /** A short description: the size and the first tag. */
    @Override
    public String toString() {
        return "TagSet[" + tags.size() + " tags" + (tags.isEmpty() ? "" : ", best " + tags.get(0)) + "]";
    }
}
