package dev.pinwheel.resolve;

import dev.pinwheel.requirement.Requirement;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Why a request has no solution: a minimal set of {@link Reason}s (dropping any one of them would leave a
 * satisfiable problem) and a short derivation from them in the style PubGrub made familiar, with versions that
 * share a reason merged into ranges:
 *
 * <pre>{@code
 * Because every version of a>=2.0 depends on b>=2 and c==1.0 depends on b<2, a>=2.0 and c==1.0 cannot both be
 * installed. And because you require a>=2.0 and c==1.0, the requirements cannot be satisfied.
 * }</pre>
 *
 * <p>The derivation is also available as data: {@link #steps()}, each with the reasons it uses and its
 * sentence. When the reasons do not chain into a simple derivation, the rendering lists them instead.
 * Immutable and thread-safe.
 *
 * @param reasons the reasons of a minimal unsatisfiable subset of the resolution's constraints, in encoding order
 * @param steps   the derivation, in order; the last step concludes that the requirements cannot be satisfied
 * @param minimal whether the reasons were proven minimal (false only if the conflict budget ran out while
 *                minimising; they are still jointly unsatisfiable)
 */
public record Explanation(List<Reason> reasons, List<Step> steps, boolean minimal) {

    /**
     * One sentence of the derivation.
     *
     * @param premises the reasons this step uses directly
     * @param sentence the sentence, starting with "Because" or "And because" and ending with a period
     */
    public record Step(List<Reason> premises, String sentence) {
        public Step {
            premises = List.copyOf(premises);
            Objects.requireNonNull(sentence, "sentence");
        }
    }

    public Explanation {
        reasons = List.copyOf(reasons);
        steps = List.copyOf(steps);
    }

    /** The derivation as text: the steps' sentences joined by spaces. */
    public String render() {
        return steps.stream().map(Step::sentence).collect(Collectors.joining(" "));
    }

    @Override
    public String toString() {
        return render();
    }

    /** {@code name[extras]specifier}, without the marker: how requirements appear in explanations. */
    static String requirementText(Requirement r) {
        StringBuilder b = new StringBuilder(r.name().original());
        if (!r.extras().isEmpty()) {
            b.append('[').append(String.join(",", r.extras())).append(']');
        }
        b.append(r.specifier());
        r.url().ifPresent(u -> b.append(" @ ").append(u));
        return b.toString();
    }
}
