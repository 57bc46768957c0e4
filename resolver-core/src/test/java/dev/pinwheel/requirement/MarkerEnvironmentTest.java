package dev.pinwheel.requirement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MarkerEnvironmentTest {
    @Test
    void forPython_cpythonOnLinux() {
        MarkerEnvironment env = MarkerEnvironment.forPython("3.12.1", MarkerEnvironment.Platform.LINUX_X86_64);
        assertEquals(Map.ofEntries(
                Map.entry("implementation_name", "cpython"),
                Map.entry("implementation_version", "3.12.1"),
                Map.entry("os_name", "posix"),
                Map.entry("platform_machine", "x86_64"),
                Map.entry("platform_python_implementation", "CPython"),
                Map.entry("platform_release", ""),
                Map.entry("platform_system", "Linux"),
                Map.entry("platform_version", ""),
                Map.entry("python_full_version", "3.12.1"),
                Map.entry("python_version", "3.12"),
                Map.entry("sys_platform", "linux")), env.asMap());
    }

    @Test
    void cpython_fillsPatchAndPrereleaseMinor() {
        assertEquals(Optional.of("3.13.0"), MarkerEnvironment.builder().cpython("3.13").build().get("python_full_version"));
        assertEquals(Optional.of("3.14"), MarkerEnvironment.builder().cpython("3.14.0a1").build().get("python_version"));
        assertThrows(IllegalArgumentException.class, () -> MarkerEnvironment.builder().cpython("3"));
    }

    @Test
    void of_copiesAndIsImmutable() {
        Map<String, String> values = new HashMap<>(Map.of("os_name", "nt"));
        MarkerEnvironment env = MarkerEnvironment.of(values);
        values.put("os_name", "posix");
        assertEquals(Optional.of("nt"), env.get("os_name"));
        assertEquals(Optional.empty(), env.get("sys_platform"));
        assertThrows(UnsupportedOperationException.class, () -> env.asMap().put("a", "b"));
    }

    @Test
    void withExtraAndEquality() {
        MarkerEnvironment env = MarkerEnvironment.of(Map.of("os_name", "nt"));
        assertEquals(Optional.of("test"), env.withExtra("test").get("extra"));
        assertNotEquals(env, env.withExtra("test"));
        assertEquals(env.withExtra("test"), MarkerEnvironment.of(Map.of("os_name", "nt", "extra", "test")));
        assertEquals(Optional.of(Set.of("a")), MarkerEnvironment.builder().extras(Set.of("a")).build().getSet("extras"));
    }
}
