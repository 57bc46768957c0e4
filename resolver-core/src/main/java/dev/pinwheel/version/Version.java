package dev.pinwheel.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A version as defined by the PyPA
 * <a href="https://packaging.python.org/en/latest/specifications/version-specifiers/">version specifiers</a>
 * specification (PEP 440), parsed, normalised and ordered exactly as pypa/packaging 26 does.
 *
 * <p>Parsing accepts every spelling the specification allows and normalises it: case, surrounding
 * whitespace, a leading {@code v}, the separators {@code .}, {@code -} and {@code _}, the spellings
 * {@code alpha}/{@code beta}/{@code c}/{@code pre}/{@code preview} of pre-releases and {@code rev}/{@code r} of
 * post-releases, implicit numbers ({@code 1.0a} is {@code 1.0a0}), the implicit post-release {@code 1.0-1}, and
 * local labels ({@code 1.0+Ubuntu-1} is {@code 1.0+ubuntu.1}). Numbers may be of any length up to 4,300 digits
 * (the limit of packaging, which inherits it from Python's {@code int}).
 *
 * <pre>{@code
 * Version v = Version.parse("V1.0-RC.1_post2");
 * v.toString();                                  // "1.0rc1.post2"
 * v.isPrerelease();                              // true
 * Version.parse("1.0").equals(Version.parse("1.0.0"));   // true: trailing zeros do not count
 * Version.parse("1.0.dev0").compareTo(Version.parse("1.0a0")) < 0;   // true
 * }</pre>
 *
 * <p>Ordering is the specification's: epoch, then the release compared as if padded with zeros, then
 * dev-only releases before pre-releases before the final release, then post-releases, dev-releases of any
 * of those before them, and finally the local label (none first; numeric segments after alphanumeric ones).
 * {@link #equals(Object)} is consistent with {@link #compareTo(Version)}: {@code 1.0 == 1.0.0} and
 * {@code 1.0+01 == 1.0+1}. Note that ordering is not matching: use {@link Specifier} to ask whether a version
 * satisfies a constraint.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Version implements Comparable<Version> {
    /** Python's limit on the digits of one number ({@code sys.get_int_max_str_digits()}). */
    static final int MAX_DIGITS = 4300;

    // preRank: where a version sorts between releases of one release segment
    private static final int RANK_DEV_ONLY = 0;
    private static final int RANK_FINAL = 4;

    // Slots of the BigInteger view, used only by versions with a number of Long.MAX_VALUE or more
    private static final int B_EPOCH = 0;
    private static final int B_PRE = 1;
    private static final int B_POST = 2;
    private static final int B_DEV = 3;
    private static final int B_RELEASE = 4;

    private final long epoch;
    private final long[] release;
    private final PreRelease.Kind preKind; // null if none
    private final long preNum; // 0 if none
    private final long post; // -1 if none
    private final long dev; // -1 if none
    private final int preRank;
    private final Object[] local; // null if none; each part a Long, BigInteger or lower-case String
    private final BigInteger[] big; // null unless some number is >= Long.MAX_VALUE; then all numbers live here

    private int hash; // 0 = not yet computed (a real 0 is recomputed, harmlessly)
    private String text;

    private Version(long epoch, long[] release, PreRelease.Kind preKind, long preNum, long post, long dev,
            Object[] local, BigInteger[] big) {
        this.epoch = epoch;
        this.release = release;
        this.preKind = preKind;
        this.preNum = preNum;
        this.post = post;
        this.dev = dev;
        this.local = local;
        this.big = big;
        boolean hasPost = big == null ? post >= 0 : big[B_POST] != null;
        boolean hasDev = big == null ? dev >= 0 : big[B_DEV] != null;
        if (preKind == null) {
            this.preRank = !hasPost && hasDev ? RANK_DEV_ONLY : RANK_FINAL;
        } else {
            this.preRank = preKind.ordinal() + 1;
        }
    }

    // ---------------------------------------------------------------------------------------------- parsing

    /**
     * Parses and normalises a version.
     *
     * @throws InvalidVersionException if {@code text} is not a valid PEP 440 version
     */
    public static Version parse(String text) {
        Objects.requireNonNull(text, "text");
        Parser p = new Parser(text, 0, text.length());
        Version v = p.parse();
        if (v == null) {
            throw new InvalidVersionException(p.reason, text, p.errorIndex, p.errorLength);
        }
        return v;
    }

    /** Like {@link #parse(String)}, but returns empty instead of throwing. */
    public static Optional<Version> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(new Parser(text, 0, text.length()).parse());
    }

    /** Whether {@code text} is a valid PEP 440 version. */
    public static boolean isValid(String text) {
        return tryParse(text).isPresent();
    }

    /**
     * Parses {@code text[from, to)} without surrounding whitespace; returns null and fills {@code error}
     * (reason, index, length) when invalid. For {@link Specifier}.
     */
    static Version parseRegion(String text, int from, int to, Object[] error) {
        Parser p = new Parser(text, from, to);
        p.allowSpace = false;
        Version v = p.parse();
        if (v == null && error != null) {
            error[0] = p.reason;
            error[1] = p.errorIndex;
            error[2] = p.errorLength;
        }
        return v;
    }

    /**
     * A final release with the given release numbers and epoch 0: {@code Version.of(1, 2)} is {@code 1.2}.
     *
     * @throws IllegalArgumentException if there are no numbers or one is negative
     */
    public static Version of(long... release) {
        if (release.length == 0) {
            throw new IllegalArgumentException("release is empty");
        }
        for (long r : release) {
            if (r < 0) {
                throw new IllegalArgumentException("release number < 0: " + r);
            }
        }
        return parse(joinRelease(release));
    }

    private static String joinRelease(long[] release) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < release.length; i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(release[i]);
        }
        return sb.toString();
    }

    /** A copy with this epoch ({@code 0} means none). */
    public Version withEpoch(long newEpoch) {
        if (newEpoch < 0) {
            throw new IllegalArgumentException("epoch < 0: " + newEpoch);
        }
        return rebuild(BigInteger.valueOf(newEpoch), release(), pre(), postBig(), devBig(), local());
    }

    /** A copy with this pre-release segment, or none. */
    public Version withPre(Optional<PreRelease> newPre) {
        return rebuild(epochBig(), release(), newPre, postBig(), devBig(), local());
    }

    /** A copy with this pre-release segment: {@code withPre(PreRelease.Kind.RC, 1)}. */
    public Version withPre(PreRelease.Kind kind, long number) {
        return withPre(Optional.of(new PreRelease(kind, number)));
    }

    /** A copy with this post-release number. */
    public Version withPost(long newPost) {
        if (newPost < 0) {
            throw new IllegalArgumentException("post < 0: " + newPost);
        }
        return rebuild(epochBig(), release(), pre(), BigInteger.valueOf(newPost), devBig(), local());
    }

    /** A copy without a post-release segment. */
    public Version withoutPost() {
        return rebuild(epochBig(), release(), pre(), null, devBig(), local());
    }

    /** A copy with this dev-release number. */
    public Version withDev(long newDev) {
        if (newDev < 0) {
            throw new IllegalArgumentException("dev < 0: " + newDev);
        }
        return rebuild(epochBig(), release(), pre(), postBig(), BigInteger.valueOf(newDev), local());
    }

    /** A copy without a dev-release segment. */
    public Version withoutDev() {
        return rebuild(epochBig(), release(), pre(), postBig(), null, local());
    }

    /**
     * A copy with this local label (normalised; {@code Optional.empty()} removes it).
     *
     * @throws InvalidVersionException if the label is not valid
     */
    public Version withLocal(Optional<String> label) {
        return rebuild(epochBig(), release(), pre(), postBig(), devBig(), label);
    }

    /** A copy with this release segment. */
    public Version withRelease(long... newRelease) {
        if (newRelease.length == 0) {
            throw new IllegalArgumentException("release is empty");
        }
        List<BigInteger> r = new ArrayList<>(newRelease.length);
        for (long x : newRelease) {
            if (x < 0) {
                throw new IllegalArgumentException("release number < 0: " + x);
            }
            r.add(BigInteger.valueOf(x));
        }
        return rebuild(epochBig(), r, pre(), postBig(), devBig(), local());
    }

    private static Version rebuild(BigInteger epoch, List<BigInteger> release, Optional<PreRelease> pre,
            BigInteger post, BigInteger dev, Optional<String> local) {
        StringBuilder sb = new StringBuilder();
        if (epoch.signum() != 0) {
            sb.append(epoch).append('!');
        }
        for (int i = 0; i < release.size(); i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(release.get(i));
        }
        pre.ifPresent(p -> sb.append(p));
        if (post != null) {
            sb.append(".post").append(post);
        }
        if (dev != null) {
            sb.append(".dev").append(dev);
        }
        local.ifPresent(l -> sb.append('+').append(l));
        return parse(sb.toString());
    }

    // -------------------------------------------------------------------------------------------- accessors

    /**
     * The epoch, {@code 0} when absent.
     *
     * @throws ArithmeticException if the epoch does not fit a {@code long}
     */
    public long epoch() {
        return big == null ? epoch : big[B_EPOCH].longValueExact();
    }

    /** The release numbers as written, trailing zeros included: {@code [1, 0]} for {@code 1.0}. */
    public List<BigInteger> release() {
        BigInteger[] out = new BigInteger[releaseSize()];
        for (int i = 0; i < out.length; i++) {
            out[i] = big == null ? BigInteger.valueOf(release[i]) : big[B_RELEASE + i];
        }
        return Collections.unmodifiableList(Arrays.asList(out));
    }

    /** How many release numbers were written. */
    public int releaseSize() {
        return big == null ? release.length : big.length - B_RELEASE;
    }

    /**
     * The release number at {@code index}, or {@code 0} beyond the written ones (so {@code major()},
     * {@code minor()} and {@code micro()} are {@code release(0..2)}).
     *
     * @throws ArithmeticException if the number does not fit a {@code long}
     */
    public long release(int index) {
        if (index < 0) {
            throw new IndexOutOfBoundsException("index < 0: " + index);
        }
        if (index >= releaseSize()) {
            return 0;
        }
        return big == null ? release[index] : big[B_RELEASE + index].longValueExact();
    }

    /**
     * The pre-release segment, if any ({@code a}, {@code b} or {@code rc} and a number).
     *
     * @throws ArithmeticException if the number does not fit a {@code long}
     */
    public Optional<PreRelease> pre() {
        if (preKind == null) {
            return Optional.empty();
        }
        return Optional.of(new PreRelease(preKind, big == null ? preNum : big[B_PRE].longValueExact()));
    }

    /**
     * The post-release number, if any ({@code 1.0-1} has post-release 1).
     *
     * @throws ArithmeticException if the number does not fit a {@code long}
     */
    public OptionalLong post() {
        BigInteger b = postBig();
        return b == null ? OptionalLong.empty() : OptionalLong.of(b.longValueExact());
    }

    /**
     * The dev-release number, if any ({@code 1.0.dev} has dev-release 0).
     *
     * @throws ArithmeticException if the number does not fit a {@code long}
     */
    public OptionalLong dev() {
        BigInteger b = devBig();
        return b == null ? OptionalLong.empty() : OptionalLong.of(b.longValueExact());
    }

    /** The normalised local label, if any: {@code ubuntu.1} for {@code 1.0+Ubuntu-01}. */
    public Optional<String> local() {
        if (local == null) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder();
        appendLocal(sb);
        return Optional.of(sb.toString());
    }

    /** Whether this is a pre-release: it has a pre-release or a dev-release segment. */
    public boolean isPrerelease() {
        return preKind != null || hasDev();
    }

    /** Whether this has a post-release segment. */
    public boolean isPostrelease() {
        return big == null ? post >= 0 : big[B_POST] != null;
    }

    /** Whether this has a dev-release segment. */
    public boolean isDevrelease() {
        return hasDev();
    }

    /** Whether this has a local label. */
    public boolean hasLocal() {
        return local != null;
    }

    /** This version without its local label (itself if it has none). */
    public Version publicVersion() {
        if (local == null) {
            return this;
        }
        return new Version(epoch, release, preKind, preNum, post, dev, null, big);
    }

    /** Only the epoch and release: {@code 1!2.0} for {@code 1!2.0rc1.post2+x}. */
    public Version baseVersion() {
        if (local == null && preKind == null && !isPostrelease() && !hasDev()) {
            return this;
        }
        if (big == null) {
            return new Version(epoch, release, null, 0, -1, -1, null, null);
        }
        BigInteger[] b = big.clone();
        b[B_PRE] = null;
        b[B_POST] = null;
        b[B_DEV] = null;
        return new Version(0, new long[0], null, 0, -1, -1, null, b);
    }

    private boolean hasDev() {
        return big == null ? dev >= 0 : big[B_DEV] != null;
    }

    private BigInteger epochBig() {
        return big == null ? BigInteger.valueOf(epoch) : big[B_EPOCH];
    }

    private BigInteger postBig() {
        if (big != null) {
            return big[B_POST];
        }
        return post < 0 ? null : BigInteger.valueOf(post);
    }

    private BigInteger devBig() {
        if (big != null) {
            return big[B_DEV];
        }
        return dev < 0 ? null : BigInteger.valueOf(dev);
    }

    // ------------------------------------------------------------------------ helpers for specifier bounds

    /** {@code epoch!release.dev0} of this version's release (pre, post, dev and local dropped). */
    Version releaseDev0() {
        if (big == null) {
            return new Version(epoch, release, null, 0, -1, 0, null, null);
        }
        return rebuild(epochBig(), release(), Optional.empty(), null, BigInteger.ZERO, Optional.empty());
    }

    /**
     * The first version of the next prefix: the release without its last {@code drop} numbers, with the
     * last remaining number incremented, and {@code .dev0}: {@code 1.4.2} with drop 1 is {@code 1.5.dev0}.
     */
    Version nextPrefixDev0(int drop) {
        if (big == null && release[release.length - drop - 1] < Long.MAX_VALUE - 1) {
            long[] r = Arrays.copyOf(release, release.length - drop);
            r[r.length - 1]++;
            return new Version(epoch, r, null, 0, -1, 0, null, null);
        }
        List<BigInteger> r = new ArrayList<>(release().subList(0, releaseSize() - drop));
        r.set(r.size() - 1, r.get(r.size() - 1).add(BigInteger.ONE));
        return rebuild(epochBig(), r, Optional.empty(), null, BigInteger.ZERO, Optional.empty());
    }

    /** This version with the dev number incremented (it must have one), without local. */
    Version nextDev() {
        if (big == null && dev < Long.MAX_VALUE - 1) {
            return new Version(epoch, release, preKind, preNum, post, dev + 1, null, null);
        }
        return rebuild(epochBig(), release(), pre(), postBig(), devBig().add(BigInteger.ONE), Optional.empty());
    }

    /** This version with the post number incremented and {@code .dev0} (it must have a post), without local. */
    Version nextPostDev0() {
        if (big == null && post < Long.MAX_VALUE - 1) {
            return new Version(epoch, release, preKind, preNum, post + 1, 0, null, null);
        }
        return rebuild(epochBig(), release(), pre(), postBig().add(BigInteger.ONE), BigInteger.ZERO,
                Optional.empty());
    }

    /** This version with {@code .dev0} set (replacing any dev number), without local. */
    Version withDev0() {
        if (big == null) {
            return new Version(epoch, release, preKind, preNum, post, 0, null, null);
        }
        return rebuild(epochBig(), release(), pre(), postBig(), BigInteger.ZERO, Optional.empty());
    }

    /** The normalised string with trailing zeros of the release removed (at least one number kept). */
    String toStringTrimmed() {
        int n = releaseSize();
        int keep = n;
        while (keep > 1 && bigRelease(keep - 1).signum() == 0) {
            keep--;
        }
        if (keep == n) {
            return toString();
        }
        return rebuild(epochBig(), release().subList(0, keep), pre(), postBig(), devBig(), local()).toString();
    }

    /** Whether the pre-release segments are equal (both absent, or same kind and number). */
    boolean samePre(Version o) {
        if (preKind != o.preKind) {
            return false;
        }
        if (preKind == null) {
            return true;
        }
        if (big == null && o.big == null) {
            return preNum == o.preNum;
        }
        return (big == null ? BigInteger.valueOf(preNum) : big[B_PRE])
                .equals(o.big == null ? BigInteger.valueOf(o.preNum) : o.big[B_PRE]);
    }

    /** Compares as {@link #compareTo(Version)} but ignoring both local labels. */
    int comparePublic(Version o) {
        if (local == null && o.local == null) {
            return compareTo(o);
        }
        return publicVersion().compareTo(o.publicVersion());
    }

    // ------------------------------------------------------------------------------------- order, equality

    /** Orders by the PEP 440 rules (see the class comment). */
    @Override
    public int compareTo(Version o) {
        if (this == o) {
            return 0;
        }
        if (big != null || o.big != null) {
            return compareBig(o);
        }
        int c = Long.compare(epoch, o.epoch);
        if (c != 0) {
            return c;
        }
        c = compareRelease(release, o.release);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(preRank, o.preRank);
        if (c != 0) {
            return c;
        }
        c = Long.compare(preNum, o.preNum);
        if (c != 0) {
            return c;
        }
        c = Long.compare(post, o.post); // -1 (none) sorts first
        if (c != 0) {
            return c;
        }
        c = Long.compare(dev < 0 ? Long.MAX_VALUE : dev, o.dev < 0 ? Long.MAX_VALUE : o.dev); // none sorts last
        if (c != 0) {
            return c;
        }
        return compareLocal(local, o.local);
    }

    /** Compares only the epoch and the release segments (trailing zeros ignored). */
    int compareBase(Version o) {
        if (big != null || o.big != null) {
            int c = epochBig().compareTo(o.epochBig());
            return c != 0 ? c : compareBigRelease(o);
        }
        int c = Long.compare(epoch, o.epoch);
        return c != 0 ? c : compareRelease(release, o.release);
    }

    private static int compareRelease(long[] a, long[] b) {
        int n = Math.max(a.length, b.length);
        for (int i = 0; i < n; i++) {
            long x = i < a.length ? a[i] : 0;
            long y = i < b.length ? b[i] : 0;
            if (x != y) {
                return x < y ? -1 : 1;
            }
        }
        return 0;
    }

    private BigInteger bigRelease(int i) {
        if (i >= releaseSize()) {
            return BigInteger.ZERO;
        }
        return big == null ? BigInteger.valueOf(release[i]) : big[B_RELEASE + i];
    }

    private int compareBigRelease(Version o) {
        int n = Math.max(releaseSize(), o.releaseSize());
        for (int i = 0; i < n; i++) {
            int c = bigRelease(i).compareTo(o.bigRelease(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private int compareBig(Version o) {
        int c = epochBig().compareTo(o.epochBig());
        if (c != 0) {
            return c;
        }
        c = compareBigRelease(o);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(preRank, o.preRank);
        if (c != 0) {
            return c;
        }
        if (preKind != null) {
            c = (big == null ? BigInteger.valueOf(preNum) : big[B_PRE])
                    .compareTo(o.big == null ? BigInteger.valueOf(o.preNum) : o.big[B_PRE]);
            if (c != 0) {
                return c;
            }
        }
        c = compareNullable(postBig(), o.postBig(), -1);
        if (c != 0) {
            return c;
        }
        c = compareNullable(devBig(), o.devBig(), 1);
        if (c != 0) {
            return c;
        }
        return compareLocal(local, o.local);
    }

    private static int compareNullable(BigInteger a, BigInteger b, int nullSign) {
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? nullSign : -nullSign;
        }
        return a.compareTo(b);
    }

    private static int compareLocal(Object[] a, Object[] b) {
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? -1 : 1;
        }
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            int c = compareLocalPart(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    private static int compareLocalPart(Object x, Object y) {
        boolean xs = x instanceof String;
        boolean ys = y instanceof String;
        if (xs && ys) {
            return ((String) x).compareTo((String) y);
        }
        if (xs != ys) {
            return xs ? -1 : 1; // alphanumeric parts sort before numeric ones
        }
        if (x instanceof Long && y instanceof Long) {
            return Long.compare((Long) x, (Long) y);
        }
        return toBig(x).compareTo(toBig(y));
    }

    private static BigInteger toBig(Object n) {
        return n instanceof BigInteger ? (BigInteger) n : BigInteger.valueOf((Long) n);
    }

    /** Equal when {@link #compareTo(Version)} is 0: {@code 1.0} equals {@code 1.0.0}. */
    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Version && compareTo((Version) o) == 0);
    }

    /** Consistent with {@link #equals(Object)}: trailing zeros of the release do not count. */
    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = computeHash();
            hash = h;
        }
        return h;
    }

    private int computeHash() {
        int h;
        if (big == null) {
            h = Long.hashCode(epoch);
            int n = release.length;
            while (n > 0 && release[n - 1] == 0) {
                n--;
            }
            for (int i = 0; i < n; i++) {
                h = 31 * h + Long.hashCode(release[i]);
            }
            h = 31 * h + preRank;
            h = 31 * h + Long.hashCode(preNum);
            h = 31 * h + Long.hashCode(post);
            h = 31 * h + Long.hashCode(dev);
        } else {
            h = big[B_EPOCH].hashCode();
            int n = big.length;
            while (n > B_RELEASE && big[n - 1].signum() == 0) {
                n--;
            }
            for (int i = B_RELEASE; i < n; i++) {
                h = 31 * h + big[i].hashCode();
            }
            h = 31 * h + preRank;
            h = 31 * h + Objects.hashCode(big[B_PRE]);
            h = 31 * h + Objects.hashCode(big[B_POST]);
            h = 31 * h + Objects.hashCode(big[B_DEV]);
        }
        if (local != null) {
            h = 31 * h + Arrays.hashCode(local);
        }
        return h;
    }

    /** The normalised form: {@code 1!2.0rc1.post2.dev3+ubuntu.1}. */
    @Override
    public String toString() {
        String t = text;
        if (t == null) {
            t = render();
            text = t;
        }
        return t;
    }

    private String render() {
        StringBuilder sb = new StringBuilder(16);
        if (big == null) {
            if (epoch != 0) {
                sb.append(epoch).append('!');
            }
            for (int i = 0; i < release.length; i++) {
                if (i > 0) {
                    sb.append('.');
                }
                sb.append(release[i]);
            }
            if (preKind != null) {
                sb.append(preKind.label()).append(preNum);
            }
            if (post >= 0) {
                sb.append(".post").append(post);
            }
            if (dev >= 0) {
                sb.append(".dev").append(dev);
            }
        } else {
            if (big[B_EPOCH].signum() != 0) {
                sb.append(big[B_EPOCH]).append('!');
            }
            for (int i = B_RELEASE; i < big.length; i++) {
                if (i > B_RELEASE) {
                    sb.append('.');
                }
                sb.append(big[i]);
            }
            if (preKind != null) {
                sb.append(preKind.label()).append(big[B_PRE]);
            }
            if (big[B_POST] != null) {
                sb.append(".post").append(big[B_POST]);
            }
            if (big[B_DEV] != null) {
                sb.append(".dev").append(big[B_DEV]);
            }
        }
        if (local != null) {
            sb.append('+');
            appendLocal(sb);
        }
        return sb.toString();
    }

    private void appendLocal(StringBuilder sb) {
        for (int i = 0; i < local.length; i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(local[i]);
        }
    }

    // ---------------------------------------------------------------------------------------------- parser

    /** Python's {@code str.isspace()}, which is what {@code \s} matches in packaging's pattern. */
    static boolean isPythonSpace(char c) {
        if (c <= ' ') {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001c' && c <= '\u001f');
        }
        if (c < '\u0085') {
            return false;
        }
        return c == '\u0085' || c == '\u00a0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200a')
                || c == '\u2028' || c == '\u2029' || c == '\u202f' || c == '\u205f' || c == '\u3000';
    }

    /**
     * A hand-written matcher equivalent to packaging's {@code VERSION_PATTERN} (with its possessive
     * quantifiers, case-insensitive), which then builds the version. Python's case-insensitive {@code [a-z]}
     * also matches the Kelvin sign U+212A, which lower-cases to {@code k}; we accept it in local labels too.
     */
    private static final class Parser {
        private static final long BIG = -2;

        final String s;
        final int from;
        final int to;
        boolean allowSpace = true;
        int i;
        int end;
        String reason;
        int errorIndex;
        int errorLength;
        BigInteger lastBig;
        boolean anyBig;

        Parser(String s, int from, int to) {
            this.s = s;
            this.from = from;
            this.to = to;
        }

        private Version fail(String why, int at, int length) {
            reason = why;
            errorIndex = at;
            errorLength = length;
            return null;
        }

        private char at(int k) {
            return k < end ? s.charAt(k) : '\0';
        }

        private boolean digitAt(int k) {
            char c = at(k);
            return c >= '0' && c <= '9';
        }

        private static boolean isSep(char c) {
            return c == '.' || c == '-' || c == '_';
        }

        private static boolean isAlnum(char c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\u212a';
        }

        /** Whether {@code word} (lower case ASCII) is at {@code k}, ignoring case. */
        private boolean wordAt(int k, String word) {
            int n = word.length();
            if (k + n > end) {
                return false;
            }
            for (int j = 0; j < n; j++) {
                char c = s.charAt(k + j);
                if (c != word.charAt(j) && (c | 0x20) != word.charAt(j)) {
                    return false;
                }
            }
            return true;
        }

        private String found(int k) {
            if (k >= end) {
                return "end of input";
            }
            char c = s.charAt(k);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || isPythonSpace(c)) {
                return String.format(Locale.ROOT, "U+%04X", (int) c);
            }
            return "`" + c + "`";
        }

        /** Reads digits at {@code i}; returns the value, {@link #BIG} (value in lastBig), or -1 if too long. */
        private long number() {
            int start = i;
            while (digitAt(i)) {
                i++;
            }
            int len = i - start;
            if (len > MAX_DIGITS) {
                fail(String.format(Locale.ROOT, "A version number may have at most %d digits, found %d",
                        MAX_DIGITS, len), start, len);
                return -1;
            }
            int k = start;
            while (k < i - 1 && s.charAt(k) == '0') {
                k++;
            }
            if (i - k <= 18) {
                long v = 0;
                for (int j = k; j < i; j++) {
                    v = v * 10 + (s.charAt(j) - '0');
                }
                return v;
            }
            BigInteger b = new BigInteger(s.substring(k, i));
            if (b.compareTo(BigInteger.valueOf(Long.MAX_VALUE)) < 0) {
                return b.longValue();
            }
            lastBig = b;
            anyBig = true;
            return BIG;
        }

        Version parse() {
            int start = from;
            end = to;
            if (allowSpace) {
                while (start < end && isPythonSpace(s.charAt(start))) {
                    start++;
                }
                while (end > start && isPythonSpace(s.charAt(end - 1))) {
                    end--;
                }
            }
            if (start == end) {
                return fail(to == from ? "Expected a version, found an empty string"
                        : "Expected a version, found only whitespace", from, Math.max(1, to - from));
            }
            i = start;
            if (at(i) == 'v' || at(i) == 'V') {
                i++;
            }
            if (!digitAt(i)) {
                return fail("Expected a version number such as `1.0`, found " + found(i), i, 1);
            }
            long[] rel = new long[4];
            BigInteger[] relBig = null;
            int relN = 0;
            long ep = 0;
            BigInteger epBig = null;

            long first = number();
            if (first == -1) {
                return null;
            }
            BigInteger firstBig = lastBig;
            if (at(i) == '!') {
                ep = first;
                epBig = firstBig;
                i++;
                if (!digitAt(i)) {
                    return fail("Expected a release number after the epoch `" + s.substring(start, i)
                            + "`, found " + found(i), i, 1);
                }
                first = number();
                if (first == -1) {
                    return null;
                }
                firstBig = lastBig;
            }
            rel[relN++] = first;
            if (first == BIG) {
                relBig = new BigInteger[4];
                relBig[0] = firstBig;
            }
            while (at(i) == '.' && digitAt(i + 1)) {
                i++;
                long r = number();
                if (r == -1) {
                    return null;
                }
                if (relN == rel.length) {
                    rel = Arrays.copyOf(rel, relN * 2);
                    if (relBig != null) {
                        relBig = Arrays.copyOf(relBig, relN * 2);
                    }
                }
                if (r == BIG) {
                    if (relBig == null) {
                        relBig = new BigInteger[rel.length];
                    }
                    relBig[relN] = lastBig;
                }
                rel[relN++] = r;
            }

            // pre-release: [._-]?+ (alpha|a|beta|b|preview|pre|c|rc) [._-]?+ [0-9]*
            PreRelease.Kind kind = null;
            long preN = 0;
            BigInteger preBig = null;
            {
                int j = i;
                if (isSep(at(j))) {
                    j++;
                }
                int len = 0;
                if (wordAt(j, "alpha")) {
                    kind = PreRelease.Kind.A;
                    len = 5;
                } else if (wordAt(j, "a")) {
                    kind = PreRelease.Kind.A;
                    len = 1;
                } else if (wordAt(j, "beta")) {
                    kind = PreRelease.Kind.B;
                    len = 4;
                } else if (wordAt(j, "b")) {
                    kind = PreRelease.Kind.B;
                    len = 1;
                } else if (wordAt(j, "preview")) {
                    kind = PreRelease.Kind.RC;
                    len = 7;
                } else if (wordAt(j, "pre")) {
                    kind = PreRelease.Kind.RC;
                    len = 3;
                } else if (wordAt(j, "c")) {
                    kind = PreRelease.Kind.RC;
                    len = 1;
                } else if (wordAt(j, "rc")) {
                    kind = PreRelease.Kind.RC;
                    len = 2;
                }
                if (kind != null) {
                    i = j + len;
                    if (isSep(at(i))) {
                        i++;
                    }
                    if (digitAt(i)) {
                        preN = number();
                        if (preN == -1) {
                            return null;
                        }
                        preBig = lastBig;
                    }
                }
            }

            // post-release: -[0-9]+ | [._-]? (post|rev|r) [._-]? [0-9]*
            long postN = -1;
            BigInteger postBig = null;
            if (at(i) == '-' && digitAt(i + 1)) {
                i++;
                postN = number();
                if (postN == -1) {
                    return null;
                }
                postBig = lastBig;
            } else {
                int j = i;
                if (isSep(at(j))) {
                    j++;
                }
                int len = wordAt(j, "post") ? 4 : wordAt(j, "rev") ? 3 : wordAt(j, "r") ? 1 : 0;
                if (len > 0) {
                    i = j + len;
                    if (isSep(at(i))) {
                        i++;
                    }
                    postN = 0;
                    if (digitAt(i)) {
                        postN = number();
                        if (postN == -1) {
                            return null;
                        }
                        postBig = lastBig;
                    }
                }
            }

            // dev-release: [._-]?+ dev [._-]?+ [0-9]*
            long devN = -1;
            BigInteger devBig = null;
            {
                int j = i;
                if (isSep(at(j))) {
                    j++;
                }
                if (wordAt(j, "dev")) {
                    i = j + 3;
                    if (isSep(at(i))) {
                        i++;
                    }
                    devN = 0;
                    if (digitAt(i)) {
                        devN = number();
                        if (devN == -1) {
                            return null;
                        }
                        devBig = lastBig;
                    }
                }
            }

            // local: \+ [a-z0-9]+ ([._-][a-z0-9]+)*+
            Object[] loc = null;
            if (at(i) == '+') {
                i++;
                if (!isAlnum(at(i))) {
                    return fail("Expected a local version label after `+`, found " + found(i), i, 1);
                }
                List<Object> parts = new ArrayList<>(2);
                while (true) {
                    int ps = i;
                    boolean digits = true;
                    while (isAlnum(at(i))) {
                        char c = s.charAt(i);
                        digits &= c >= '0' && c <= '9';
                        i++;
                    }
                    if (digits) {
                        int save = i;
                        i = ps;
                        long v = number();
                        if (v == -1) {
                            return null;
                        }
                        i = save;
                        parts.add(v == BIG ? (Object) lastBig : (Object) v);
                    } else {
                        parts.add(lowerLocal(s, ps, i));
                    }
                    if (isSep(at(i)) && isAlnum(at(i + 1))) {
                        i++;
                    } else {
                        break;
                    }
                }
                loc = parts.toArray();
            }

            if (i < end) {
                char c = s.charAt(i);
                if (loc != null && isSep(c)) {
                    return fail("Expected a letter or digit after `" + c + "` in the local version label, found "
                            + found(i + 1), i + 1, 1);
                }
                if (isSep(c) && i + 1 == end) {
                    return fail("Expected a number or a pre-, post- or dev-release after `" + c
                            + "`, found end of input", i, 1);
                }
                return fail("Expected the end of the version, found " + found(i), i, 1);
            }

            long[] release = relN == rel.length ? rel : Arrays.copyOf(rel, relN);
            if (!anyBig) {
                return new Version(ep, release, kind, preN, postN, devN, loc, null);
            }
            BigInteger[] b = new BigInteger[B_RELEASE + relN];
            b[B_EPOCH] = ep == BIG ? epBig : BigInteger.valueOf(ep);
            b[B_PRE] = kind == null ? null : preN == BIG ? preBig : BigInteger.valueOf(preN);
            b[B_POST] = postN < 0 && postN != BIG ? null : postN == BIG ? postBig : BigInteger.valueOf(postN);
            b[B_DEV] = devN < 0 && devN != BIG ? null : devN == BIG ? devBig : BigInteger.valueOf(devN);
            for (int k = 0; k < relN; k++) {
                b[B_RELEASE + k] = release[k] == BIG ? relBig[k] : BigInteger.valueOf(release[k]);
            }
            return new Version(0, new long[0], kind, 0, -1, -1, loc, b);
        }

        private static String lowerLocal(String s, int from, int to) {
            char[] out = new char[to - from];
            for (int k = from; k < to; k++) {
                char c = s.charAt(k);
                if (c >= 'A' && c <= 'Z') {
                    c = (char) (c + ('a' - 'A'));
                } else if (c == '\u212a') {
                    c = 'k';
                }
                out[k - from] = c;
            }
            return new String(out);
        }
    }
}
