package dev.pinwheel.bench;

import dev.pinwheel.requirement.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** Seeded universes of several shapes and sizes, with their root requirements. */
final class Generated {

    record Case(Universe universe, List<Requirement> roots) {
    }

    private Generated() {
    }

    static Case of(String shape, int size, long seed) {
        return switch (shape) {
            case "realistic" -> realistic(size, seed);
            case "chain" -> chain(size);
            case "fanout" -> fanout(size);
            case "backtrack" -> backtrack(size);
            case "unsat" -> unsat(size);
            default -> throw new IllegalArgumentException("Unknown shape: " + shape);
        };
    }

    private static List<String> versions(Random r, int n) {
        List<String> out = new ArrayList<>();
        int major = 0;
        int minor = 1;
        int patch = 0;
        for (int i = 0; i < n; i++) {
            double k = r.nextDouble();
            if (k < 0.1) {
                major++;
                minor = 0;
                patch = 0;
            } else if (k < 0.5) {
                minor++;
                patch = 0;
            } else {
                patch++;
            }
            out.add(major + "." + minor + "." + patch);
        }
        return out;
    }

    /** As the arena's {@code spec_for}: usually admits the newest version. */
    private static String spec(Random r, List<String> vs) {
        double k = r.nextDouble();
        String lo = vs.get(r.nextInt(vs.size() / 2 + 1));
        if (k < 0.35) {
            return ">=" + lo;
        }
        if (k < 0.55) {
            String hi = vs.get(vs.size() / 2 + r.nextInt(vs.size() - vs.size() / 2));
            return hi.equals(lo) ? ">=" + lo : ">=" + lo + ",<" + hi;
        }
        if (k < 0.72) {
            return vs.get(vs.size() - 1).equals(lo) ? ">=" + lo : ">=" + lo + ",!=" + vs.get(vs.size() - 1);
        }
        return "";
    }

    /**
     * The arena's {@code realistic} shape at any size: {@code n} projects with 10 to 50 versions, each depending on
     * up to five later projects with realistic ranges, a few markers, Requires-Python on newer releases; 25 roots.
     */
    static Case realistic(int n, long seed) {
        Random r = new Random(seed);
        List<String> names = new ArrayList<>();
        List<List<String>> vers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(String.format(java.util.Locale.ROOT, "p%05d", i));
            vers.add(versions(r, 10 + r.nextInt(41)));
        }
        Universe u = new Universe();
        for (int i = 0; i < n; i++) {
            List<Integer> base = new ArrayList<>();
            int k = i < n - 1 ? Math.min(n - i - 1, r.nextInt(6)) : 0;
            for (int j = 0; j < k; j++) {
                base.add(i + 1 + r.nextInt(Math.min(n - i - 1, 200)));
            }
            List<String> vs = vers.get(i);
            for (int vi = 0; vi < vs.size(); vi++) {
                List<String> deps = new ArrayList<>();
                for (int d : base) {
                    if (r.nextDouble() < 0.9) {
                        String s = spec(r, vers.get(d));
                        if (r.nextDouble() < 0.08) {
                            s += r.nextBoolean() ? " ; python_version < \"3.10\"" : " ; sys_platform == \"win32\"";
                        }
                        deps.add(names.get(d) + s);
                    }
                }
                Optional<String> rp = vi > vs.size() / 3 ? Optional.of(">=3.8") : Optional.empty();
                u.add(names.get(i), vs.get(vi), new Universe.Release(deps, rp, Map.of(), Optional.empty()));
            }
        }
        List<Requirement> roots = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            int p = r.nextInt(Math.max(1, n / 3));
            roots.add(Requirement.parse(names.get(p) + spec(r, vers.get(p))));
        }
        return new Case(u, roots);
    }

    /** A chain {@code c0 -> c1 -> ... } of {@code depth} projects with 10 versions each, each needing the next {@code >=5}. */
    static Case chain(int depth) {
        Universe u = new Universe();
        for (int i = 0; i < depth; i++) {
            for (int v = 1; v <= 10; v++) {
                u.add("c" + i, v + ".0", i + 1 < depth ? List.of("c" + (i + 1) + ">=5") : List.of());
            }
        }
        return new Case(u, List.of(Requirement.parse("c0")));
    }

    /** One root that depends on {@code width} projects with 20 versions each. */
    static Case fanout(int width) {
        Universe u = new Universe();
        List<String> deps = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            deps.add("f" + i + ">=3");
            for (int v = 1; v <= 20; v++) {
                u.add("f" + i, v + ".0", List.of());
            }
        }
        u.add("root", "1.0", deps);
        return new Case(u, List.of(Requirement.parse("root")));
    }

    /** The arena's {@code backtrack} shape with {@code pairs} pairs: every new {@code b} needs the oldest {@code a}. */
    static Case backtrack(int pairs) {
        Universe u = new Universe();
        List<Requirement> roots = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            for (int v = 1; v <= 60; v++) {
                u.add("a" + i, v + ".0.0", List.of());
            }
            u.add("b" + i, "1.0.0", List.of("too-old" + i));
            for (int v = 1; v <= 40; v++) {
                u.add("b" + i, "2.0." + v, List.of("a" + i + "==1.0.0"));
            }
            u.add("too-old" + i, "1.0.0", List.of("missing-" + i));
            roots.add(Requirement.parse("a" + i));
            roots.add(Requirement.parse("b" + i));
        }
        return new Case(u, roots);
    }

    /** The arena's {@code unsat} shape with a chain of {@code depth}: the chain ends in {@code shared<2}, the top needs {@code shared>=2}. */
    static Case unsat(int depth) {
        Universe u = new Universe();
        for (int v = 1; v <= 5; v++) {
            u.add("shared", v + ".0", List.of());
        }
        for (int d = 0; d < depth; d++) {
            String next = d < depth - 1 ? "chain" + (d + 1) : "shared<2";
            for (int v = 1; v <= 10; v++) {
                u.add("chain" + d, v + ".0", List.of(next));
            }
        }
        List<Requirement> roots = new ArrayList<>();
        for (int v = 1; v <= 10; v++) {
            u.add("top", v + ".0", List.of("shared>=2", "chain0"));
        }
        roots.add(Requirement.parse("top"));
        for (int i = 0; i < 30; i++) {
            for (int v = 1; v <= 7; v++) {
                u.add("filler" + i, v + ".0", List.of());
            }
            roots.add(Requirement.parse("filler" + i));
        }
        return new Case(u, roots);
    }
}
