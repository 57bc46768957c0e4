package dev.pinwheel.resolve;

import dev.pinwheel.tags.PythonPlatform;
import dev.pinwheel.version.InvalidVersionException;
import dev.pinwheel.version.Version;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TargetTest {

    @Test
    void of_pythonVersionAndPlatform() {
        PythonPlatform platform = PythonPlatform.parse("aarch64-apple-darwin");
        Target t = Target.of("3.11", platform);
        assertEquals(Version.parse("3.11.0"), t.python());
        assertEquals("3.11.0", t.environment().get("python_full_version").orElseThrow());
        assertEquals("3.11", t.environment().get("python_version").orElseThrow());
        assertEquals("darwin", t.environment().get("sys_platform").orElseThrow());
        assertEquals(platform.cpython(3, 11).tagSet(), t.tags());
        assertEquals(Version.parse("3.12.4"), Target.of("3.12.4", platform).python());
    }

    @Test
    void of_rejectsOtherVersions() {
        PythonPlatform linux = PythonPlatform.parse("linux");
        for (String bad : new String[] {"2.7", "3", "3.12.4.1", "3.x", "", "3.12rc1"}) {
            InvalidVersionException e = assertThrows(InvalidVersionException.class, () -> Target.of(bad, linux), bad);
            assertEquals("Expected a CPython 3 version such as `3.12` or `3.12.4`", e.reason());
        }
    }
}
