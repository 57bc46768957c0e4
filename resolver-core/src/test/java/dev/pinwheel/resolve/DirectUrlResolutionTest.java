package dev.pinwheel.resolve;

import static dev.pinwheel.resolve.ResolverTest.TARGET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinwheel.index.HashMismatchException;
import dev.pinwheel.index.memory.InMemoryIndex;
import dev.pinwheel.lock.Lock;
import dev.pinwheel.lock.LockBuilder;
import dev.pinwheel.lock.RequirementsTxt;
import dev.pinwheel.name.PackageName;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Direct URL requirements ({@code name @ url}): the named file is the project's only candidate. */
class DirectUrlResolutionTest {
    private static final String A1 = "memory://t/files/a-1.0-py3-none-any.whl";

    private static InMemoryIndex index() {
        return InMemoryIndex.builder("t")
                .release("a", "1.0", List.of("c"))
                .release("a", "2.0", List.of())
                .release("b", "1.0", List.of("a>=1"))
                .release("b", "2.0", List.of("a>=2"))
                .release("c", "1.0", List.of())
                .build();
    }

    private static Resolution resolve(String... roots) throws ResolutionException {
        return ResolverTest.resolve(index(), roots);
    }

    @Test
    void theUrlsFileIsChosen_andOtherRequirementsMustAcceptItsVersion() throws Exception {
        Resolution r = resolve("a @ " + A1, "b");
        assertEquals(List.of("a @ " + A1, "b==1.0", "c==1.0"), r.pins(), "b 2.0 needs a>=2, which the URL's 1.0 is not");
        ResolvedPackage a = r.get(PackageName.parse("a")).orElseThrow();
        assertEquals(Optional.of(URI.create(A1)), a.url());
        assertEquals(1, a.files().size());
        assertEquals(URI.create(A1), a.files().get(0).url());
        assertEquals(List.of("a==2.0", "b==2.0"), resolve("b").pins(), "without the URL the newest versions are chosen");
    }

    @Test
    void aHashFragmentIsChecked() throws Exception {
        assertEquals(List.of("a @ " + A1, "c==1.0"), resolve("a @ " + A1 + "#sha256=" + sha256Of("a", "1.0")).pins());
        IndexUnavailableException e = assertThrows(IndexUnavailableException.class,
                () -> resolve("a @ " + A1 + "#sha256=" + "0".repeat(64)));
        assertTrue(e.getCause() instanceof HashMismatchException, String.valueOf(e.getCause()));
    }

    @Test
    void conflictsWithTheUrlAreExplained() {
        String why = ResolverTest.explain(index(), "a @ " + A1, "a>=2");
        assertTrue(why.contains("a>=2"), why);
        assertTrue(why.contains("a is taken from " + A1 + " (1.0), which does not match >=2"),
                "the index's a 2.0 exists: the explanation must say the URL pins a, not deny it\n" + why);
        String other = ResolverTest.explain(index(), "a @ " + A1, "b", "a @ memory://t/files/a-2.0-py3-none-any.whl");
        assertTrue(other.contains("a-2.0-py3-none-any.whl"), other);
        assertTrue(other.contains("a is taken from " + A1 + " (1.0), not from memory://t/files/a-2.0-py3-none-any.whl"), other);
    }

    @Test
    void aUrlOfAnotherProjectOrNoFileIsAnError() {
        IndexUnavailableException wrong = assertThrows(IndexUnavailableException.class,
                () -> resolve("b @ " + A1));
        assertTrue(wrong.getMessage().contains("b @ " + A1), wrong.getMessage());
        assertThrows(IndexUnavailableException.class, () -> resolve("a @ memory://t/files/a-9.0-py3-none-any.whl"));
    }

    @Test
    void locksWriteTheUrlInPlaceOfTheVersion() throws Exception {
        Resolution r = resolve("a @ " + A1);
        Lock lock = LockBuilder.of(r, TARGET, q -> List.of("in")).build();
        String txt = RequirementsTxt.render(lock, false, List.of());
        assertTrue(txt.contains("a @ " + A1 + "\n"), txt);
        assertTrue(txt.contains("c==1.0\n"), txt);
    }

    private static String sha256Of(String name, String version) throws Exception {
        return index().project(PackageName.parse(name)).orElseThrow().files().stream()
                .filter(f -> f.filename().version().toString().equals(version)).findFirst().orElseThrow().sha256().orElseThrow();
    }
}
