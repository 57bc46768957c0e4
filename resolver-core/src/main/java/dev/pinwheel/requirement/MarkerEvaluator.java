package dev.pinwheel.requirement;

import dev.pinwheel.version.Specifier;
import dev.pinwheel.version.Version;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Evaluates markers with packaging 26's semantics (see {@link Marker}). Stateless. */
final class MarkerEvaluator {
    private MarkerEvaluator() {
    }

    /** packaging's {@code MARKERS_REQUIRING_VERSION}. */
    static boolean isVersionKey(String key) {
        switch (key) {
            case MarkerEnvironment.PYTHON_VERSION:
            case MarkerEnvironment.PYTHON_FULL_VERSION:
            case MarkerEnvironment.IMPLEMENTATION_VERSION:
            case MarkerEnvironment.PLATFORM_RELEASE:
                return true;
            default:
                return false;
        }
    }

    private static boolean isSetKey(String key) {
        return key.equals(MarkerEnvironment.EXTRAS) || key.equals(MarkerEnvironment.DEPENDENCY_GROUPS);
    }

    /**
     * Evaluates {@code marker}; {@code extra}, when not null, stands for the environment's {@code extra}
     * (so that evaluating for several extras needs no copies of the environment).
     */
    static boolean evaluate(Marker marker, MarkerEnvironment env, String extra) {
        if (marker instanceof Marker.Comparison) {
            return evaluate((Marker.Comparison) marker, env, extra);
        }
        if (marker instanceof Marker.Compound) {
            return evaluate((Marker.Compound) marker, env, extra);
        }
        return true;
    }

    private static boolean evaluate(Marker.Compound compound, MarkerEnvironment env, String extra) {
        // Every term is evaluated, as packaging does: an undefined comparison anywhere fails.
        boolean result = false;
        boolean group = true;
        for (int i = 0; i < compound.terms().size(); i++) {
            if (i > 0 && compound.connectives().get(i - 1) == Marker.Connective.OR) {
                result |= group;
                group = true;
            }
            group &= evaluate(compound.terms().get(i), env, extra);
        }
        return result | group;
    }

    private static boolean evaluate(Marker.Comparison c, MarkerEnvironment env, String extra) {
        Optional<Specifier> cached = c.versionSpecifier();
        if (cached.isPresent()) {
            // `version_key op "value"`: the specifier was parsed with the marker.
            String key = ((Marker.Variable) c.left()).name();
            Specifier spec = cached.get();
            String actual = (String) lookup(env, key, extra);
            if (spec.operator() == Specifier.Operator.ARBITRARY) {
                return spec.contains(actual);
            }
            Optional<Version> version = env.version(key);
            return version.isPresent() && spec.contains(version.get(), true);
        }
        String key;
        Object lhs;
        Object rhs;
        if (c.left() instanceof Marker.Variable) {
            key = ((Marker.Variable) c.left()).name();
            lhs = lookup(env, key, extra);
            rhs = text(c.right());
        } else {
            lhs = text(c.left());
            key = text(c.right());
            rhs = lookup(env, key, extra);
        }
        if (!(lhs instanceof String)) {
            throw new MarkerEvaluationException("Undefined " + c.operator() + " with the set-valued `" + key
                    + "` on the left in `" + c + "`");
        }
        String left = (String) lhs;
        if (isSetKey(key)) {
            left = canonicalize(left);
            rhs = rhs instanceof String ? canonicalize((String) rhs) : canonicalizeAll((Set<?>) rhs);
        }
        // `version_key op "value"` had its specifier parsed with the marker (above); here it was not a valid
        // one. Other shapes (`"value" op version_key`, two variables) build theirs now.
        boolean cachedShape = c.left() instanceof Marker.Variable && c.right() instanceof Marker.Value;
        if (!cachedShape && isVersionKey(key) && rhs instanceof String) {
            Optional<Boolean> asVersion = VersionMarkerOps.compare(c.operator().symbol(), left, (String) rhs);
            if (asVersion.isPresent()) {
                return asVersion.get();
            }
        }
        switch (c.operator()) {
            case IN:
                return rhs instanceof String ? ((String) rhs).contains(left) : ((Set<?>) rhs).contains(left);
            case NOT_IN:
                return rhs instanceof String ? !((String) rhs).contains(left) : !((Set<?>) rhs).contains(left);
            case LESS:
            case GREATER:
                return false;
            case LESS_EQUAL:
            case GREATER_EQUAL:
            case EQUAL:
                return left.equals(rhs);
            case NOT_EQUAL:
                return !left.equals(rhs);
            default:
                throw new MarkerEvaluationException("Undefined " + c.operator() + " on `" + left + "` and `" + rhs
                        + "` in `" + c + "`");
        }
    }

    private static String text(Marker.Operand operand) {
        return operand instanceof Marker.Variable ? ((Marker.Variable) operand).name() : ((Marker.Value) operand).value();
    }

    /** The environment's value for {@code key}: a String, or a Set for set-valued variables. */
    private static Object lookup(MarkerEnvironment env, String key, String extraOverride) {
        if (key.equals(MarkerEnvironment.EXTRA)) {
            String extra = extraOverride != null ? extraOverride : env.get(key).orElse("");
            return extra.isEmpty() ? "" : canonicalize(extra);
        }
        if (isSetKey(key)) {
            Optional<Set<String>> set = env.getSet(key);
            if (set.isPresent()) {
                return set.get();
            }
        }
        Optional<String> value = env.get(key);
        if (value.isEmpty()) {
            throw new MarkerEvaluationException("`" + key + "` does not exist in the evaluation environment");
        }
        String v = value.get();
        return key.equals(MarkerEnvironment.PYTHON_FULL_VERSION) ? repairPythonFullVersion(v) : v;
    }

    /** Python built from an untagged checkout reports {@code 3.13.0+}, which is not PEP 440: as packaging, add {@code local}. */
    static String repairPythonFullVersion(String value) {
        return value.endsWith("+") ? value + "local" : value;
    }

    private static Set<String> canonicalizeAll(Set<?> values) {
        Set<String> out = new HashSet<>();
        for (Object v : values) {
            out.add(canonicalize((String) v));
        }
        return out;
    }

    /**
     * packaging's {@code canonicalize_name}: lower case (Unicode, as Python's {@code str.lower}), and
     * runs of {@code -_.} become one {@code -}. Does not validate.
     */
    static String canonicalize(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean lastSep = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == '-' || c == '_' || c == '.') {
                if (!lastSep) {
                    out.append('-');
                }
                lastSep = true;
            } else {
                out.append(c);
                lastSep = false;
            }
        }
        return out.toString();
    }
}
